import { hash, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { leafHash, merkleRoot } from './merkle.js';

/** The format this code writes and reads (docs/audit-checkpoints.md). */
export const CHECKPOINT_FORMAT = 'qinglian-audit-checkpoint/1';
/** The leaf of the one chain of account events (case leaves are named by their case id, `case:…`). */
export const ACCOUNT_EVENTS_CHAIN = 'account-events';

const HEX64 = /^[0-9a-f]{64}$/;

/** One chain's head as a checkpoint records it: the case id (or `account-events`), its last sequence and that event's hash. */
export interface CheckpointLeaf {
  readonly chain: string;
  readonly sequence: number;
  readonly hash: string;
}

/** What a checkpoint's signature covers, as RFC 8785 canonical JSON. */
export interface CheckpointStatement {
  readonly format: typeof CHECKPOINT_FORMAT;
  /** 1 for the first checkpoint, then one more each time. */
  readonly number: number;
  /** SHA-256 (hex) of the previous checkpoint's canonical statement; null for the first. */
  readonly previous: string | null;
  readonly createdAt: string;
  /** Case leaves (cases with at least one event). */
  readonly cases: number;
  /** Rows in case_event when the heads were read. */
  readonly events: number;
  /** The account chain's last sequence (0 while there is none). */
  readonly accountEvents: number;
  readonly treeSize: number;
  /** RFC 6962 Merkle Tree Hash (hex) of the leaves in the file's order. */
  readonly root: string;
  /** SHA-256 (hex) of the signing key's public key, SubjectPublicKeyInfo DER. */
  readonly keyId: string;
}

/** A checkpoint file: the statement, its Ed25519 signature (base64) and the leaves, sorted by the UTF-8 bytes of `chain`. */
export interface SignedCheckpoint {
  readonly statement: CheckpointStatement;
  readonly signature: string;
  readonly leaves: readonly CheckpointLeaf[];
}

const hex64 = z.string().regex(HEX64, 'must be 64 lower-case hex digits');
const count = z.number().int().min(0);

const checkpointSchema = z
  .object({
    statement: z
      .object({
        format: z.literal(CHECKPOINT_FORMAT),
        number: z.number().int().min(1),
        previous: hex64.nullable(),
        createdAt: z.iso.datetime(),
        cases: count,
        events: count,
        accountEvents: count,
        treeSize: count,
        root: hex64,
        keyId: hex64,
      })
      .strict(),
    signature: z.base64(),
    leaves: z.array(z.object({ chain: z.string().min(1).max(200), sequence: z.number().int().min(1), hash: hex64 }).strict()),
  })
  .strict();

/** The file is not a checkpoint of this format. */
export class CheckpointUnreadable extends Error {
  override readonly name = 'CheckpointUnreadable';
}

export function canonicalBytes(value: unknown): Buffer {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error('the value cannot be canonicalised');
  return Buffer.from(canonical, 'utf8');
}

/**
 * A leaf's bytes: the RFC 8785 canonical JSON of {chain, hash, sequence}, UTF-8. Written out directly (keys in order,
 * strings as JSON.stringify writes them, as RFC 8785 does; a sequence is a safe integer): verification builds one per
 * case per checkpoint.
 */
export function leafBytes(leaf: CheckpointLeaf): Buffer {
  return Buffer.from(`{"chain":${JSON.stringify(leaf.chain)},"hash":${JSON.stringify(leaf.hash)},"sequence":${String(leaf.sequence)}}`, 'utf8');
}

/** The leaves in checkpoint order: by the UTF-8 bytes of their chain (code-point order, as Python's bytes sort). */
export function sortedLeaves(leaves: Iterable<CheckpointLeaf>): CheckpointLeaf[] {
  return [...leaves]
    .map((leaf) => ({ leaf, key: Buffer.from(leaf.chain, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ leaf }) => leaf);
}

export function checkpointRoot(leaves: readonly CheckpointLeaf[]): string {
  return merkleRoot(leaves.map((leaf) => leafHash(leafBytes(leaf)))).toString('hex');
}

/** The key id: SHA-256 of the public key's SubjectPublicKeyInfo DER (`openssl pkey -pubout -outform DER | sha256sum`). */
export function keyIdOf(publicKey: KeyObject): string {
  return hash('sha256', publicKey.export({ type: 'spki', format: 'der' }), 'hex');
}

export function statementDigest(statement: CheckpointStatement): string {
  return hash('sha256', canonicalBytes(statement), 'hex');
}

/** Signs the heads as checkpoint `number`, chained to the previous checkpoint's statement. */
export function signCheckpoint(
  heads: {
    readonly number: number;
    readonly previous: CheckpointStatement | null;
    readonly createdAt: Date;
    readonly events: number;
    readonly leaves: Iterable<CheckpointLeaf>;
  },
  privateKey: KeyObject,
  publicKey: KeyObject,
): SignedCheckpoint {
  const leaves = sortedLeaves(heads.leaves);
  const statement: CheckpointStatement = {
    format: CHECKPOINT_FORMAT,
    number: heads.number,
    previous: heads.previous ? statementDigest(heads.previous) : null,
    createdAt: heads.createdAt.toISOString(),
    cases: leaves.filter((leaf) => leaf.chain !== ACCOUNT_EVENTS_CHAIN).length,
    events: heads.events,
    accountEvents: leaves.find((leaf) => leaf.chain === ACCOUNT_EVENTS_CHAIN)?.sequence ?? 0,
    treeSize: leaves.length,
    root: checkpointRoot(leaves),
    keyId: keyIdOf(publicKey),
  };
  return { statement, signature: sign(null, canonicalBytes(statement), privateKey).toString('base64'), leaves };
}

/** Reads a checkpoint file; CheckpointUnreadable naming the first field that is wrong. */
export function parseCheckpoint(bytes: Uint8Array): SignedCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new CheckpointUnreadable(`not JSON: ${(error as Error).message}`);
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : '(file)';
    throw new CheckpointUnreadable(`${field}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** What does not hold in one checkpoint by itself: its signature (by a trusted key) and its root and counts over its leaves. */
export interface CheckpointDefect {
  readonly problem: 'signature' | 'root';
  readonly expected: string;
  readonly found: string;
}

export function checkpointDefects(checkpoint: SignedCheckpoint, trustedKeys: ReadonlyMap<string, KeyObject>): CheckpointDefect[] {
  const { statement, leaves } = checkpoint;
  const defects: CheckpointDefect[] = [];
  const key = trustedKeys.get(statement.keyId);
  if (!key) {
    defects.push({ problem: 'signature', expected: `a trusted key (${[...trustedKeys.keys()].join(', ') || 'none known'})`, found: `key ${statement.keyId}` });
  } else if (!verify(null, canonicalBytes(statement), key, Buffer.from(checkpoint.signature, 'base64'))) {
    defects.push({ problem: 'signature', expected: `a valid Ed25519 signature by key ${statement.keyId}`, found: 'a signature that does not verify' });
  }
  const root = checkpointRoot(leaves);
  if (root !== statement.root) defects.push({ problem: 'root', expected: statement.root, found: root });
  const ordered = leaves.every((leaf, index) => index === 0 || Buffer.compare(Buffer.from(leaves[index - 1]?.chain ?? ''), Buffer.from(leaf.chain)) < 0);
  if (!ordered) defects.push({ problem: 'root', expected: 'leaves sorted by chain, each chain once', found: 'leaves out of order or repeated' });
  const cases = leaves.filter((leaf) => leaf.chain !== ACCOUNT_EVENTS_CHAIN).length;
  const accountEvents = leaves.find((leaf) => leaf.chain === ACCOUNT_EVENTS_CHAIN)?.sequence ?? 0;
  const counted = `treeSize ${leaves.length}, cases ${cases}, accountEvents ${accountEvents}`;
  const stated = `treeSize ${statement.treeSize}, cases ${statement.cases}, accountEvents ${statement.accountEvents}`;
  if (counted !== stated) defects.push({ problem: 'root', expected: stated, found: counted });
  return defects;
}
