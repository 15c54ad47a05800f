import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  ACCOUNT_EVENTS_CHAIN,
  canonicalBytes,
  checkpointDefects,
  CheckpointUnreadable,
  keyIdOf,
  leafBytes,
  parseCheckpoint,
  signCheckpoint,
  sortedLeaves,
  statementDigest,
  type SignedCheckpoint,
} from './checkpoint-format.js';

const H = (digit: string): string => digit.repeat(64);
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const trusted = new Map<string, KeyObject>([[keyIdOf(publicKey), publicKey]]);

function checkpoint(): SignedCheckpoint {
  return signCheckpoint(
    {
      number: 2,
      previous: null,
      createdAt: new Date('2026-12-01T02:00:00.000Z'),
      events: 9,
      leaves: [
        { chain: 'case:c:乙', sequence: 3, hash: H('b') },
        { chain: ACCOUNT_EVENTS_CHAIN, sequence: 12, hash: H('e') },
        { chain: 'case:c:a', sequence: 6, hash: H('a') },
      ],
    },
    privateKey,
    publicKey,
  );
}

describe(signCheckpoint.name, () => {
  it('signs the counts and the root over the leaves sorted by their chain’s UTF-8 bytes', () => {
    const signed = checkpoint();
    expect(signed.leaves.map((leaf) => leaf.chain)).toEqual([ACCOUNT_EVENTS_CHAIN, 'case:c:a', 'case:c:乙']);
    expect(signed.statement).toMatchObject({ format: 'qinglian-audit-checkpoint/1', number: 2, cases: 2, events: 9, accountEvents: 12, treeSize: 3 });
    expect(leafBytes(signed.leaves[1] ?? { chain: '', sequence: 1, hash: '' }).toString()).toBe(`{"chain":"case:c:a","hash":"${H('a')}","sequence":6}`);
    expect(checkpointDefects(signed, trusted)).toEqual([]);
    // The file survives JSON as written.
    expect(checkpointDefects(parseCheckpoint(Buffer.from(JSON.stringify(signed))), trusted)).toEqual([]);
  });

  it('writes a leaf exactly as RFC 8785 canonicalises it, whatever its chain holds', () => {
    for (const chain of ['case:c:"引号"\\', 'case:\u0001\u001f\u2028', 'case:\u{1f600}']) {
      const leaf = { chain, sequence: 9_007_199_254_740_991, hash: H('c') };
      expect(leafBytes(leaf)).toEqual(canonicalBytes({ sequence: leaf.sequence, hash: leaf.hash, chain }));
    }
  });

  it('sorts by code point, as bytes do, not by UTF-16 code unit', () => {
    const chains = ['case:\u{ff5e}', 'case:\u{1f600}', 'case:a'];
    expect(sortedLeaves(chains.map((chain) => ({ chain, sequence: 1, hash: H('0') }))).map((leaf) => leaf.chain)).toEqual([
      'case:a',
      'case:\u{ff5e}',
      'case:\u{1f600}',
    ]);
  });

  it('links to the previous checkpoint by the SHA-256 of its canonical statement', () => {
    const first = checkpoint();
    const next = signCheckpoint({ number: 3, previous: first.statement, createdAt: new Date(), events: 9, leaves: first.leaves }, privateKey, publicKey);
    expect(next.statement.previous).toBe(statementDigest(first.statement));
    expect(statementDigest(first.statement)).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalBytes(first.statement).toString()).toMatch(/^\{"accountEvents":12,"cases":2,"createdAt":"2026-12-01T02:00:00.000Z","events":9,"format":/);
  });
});

describe(checkpointDefects.name, () => {
  it('finds a changed statement field by its signature', () => {
    const signed = checkpoint();
    const tampered = { ...signed, statement: { ...signed.statement, events: 8 } };
    expect(checkpointDefects(tampered, trusted).map((defect) => defect.problem)).toEqual(['signature']);
  });

  it('finds a changed, dropped or reordered leaf by the root', () => {
    const signed = checkpoint();
    const [account, a, b] = signed.leaves as [SignedCheckpoint['leaves'][0], SignedCheckpoint['leaves'][0], SignedCheckpoint['leaves'][0]];
    const changed = { ...signed, leaves: [account, { ...a, sequence: 5 }, b] };
    expect(checkpointDefects(changed, trusted)).toEqual([
      { problem: 'root', expected: signed.statement.root, found: expect.not.stringMatching(signed.statement.root) },
    ]);
    expect(checkpointDefects({ ...signed, leaves: [account, a] }, trusted).map((defect) => defect.problem)).toEqual(['root', 'root']);
    expect(checkpointDefects({ ...signed, leaves: [account, b, a] }, trusted).map((defect) => defect.problem)).toEqual(['root', 'root']);
  });

  it('refuses a signature by a key it does not trust, and a signature that is not one', () => {
    const signed = checkpoint();
    const other = generateKeyPairSync('ed25519');
    const byOther = signCheckpoint(
      { number: 2, previous: null, createdAt: new Date(signed.statement.createdAt), events: 9, leaves: signed.leaves },
      other.privateKey,
      other.publicKey,
    );
    expect(checkpointDefects(byOther, trusted)).toEqual([
      { problem: 'signature', expected: expect.stringContaining(keyIdOf(publicKey)), found: `key ${keyIdOf(other.publicKey)}` },
    ]);
    const forged = { ...byOther, statement: { ...byOther.statement, keyId: signed.statement.keyId } };
    expect(checkpointDefects(forged, trusted).map((defect) => defect.problem)).toEqual(['signature']);
    const flipped = Buffer.from(signed.signature, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(checkpointDefects({ ...signed, signature: flipped.toString('base64') }, trusted).map((defect) => defect.problem)).toEqual(['signature']);
  });
});

describe(parseCheckpoint.name, () => {
  it('names the field that is wrong', () => {
    const signed = checkpoint();
    const bad = (value: unknown) => () => parseCheckpoint(Buffer.from(JSON.stringify(value)));
    expect(bad({ ...signed, statement: { ...signed.statement, root: 'xyz' } })).toThrow(
      new CheckpointUnreadable('statement.root: must be 64 lower-case hex digits'),
    );
    expect(bad({ ...signed, extra: 1 })).toThrow(CheckpointUnreadable);
    expect(() => parseCheckpoint(Buffer.from('{'))).toThrow(/^not JSON/);
  });
});
