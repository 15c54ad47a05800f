import { createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigError, ed25519PrivateKey, type AppConfig } from '#config';
import {
  checkpointDefects,
  CheckpointUnreadable,
  keyIdOf,
  parseCheckpoint,
  statementDigest,
  type CheckpointLeaf,
  type CheckpointStatement,
  type SignedCheckpoint,
} from './checkpoint-format.js';
import { checkpointProblem, type CheckpointProblem } from './checkpoint-problems.js';
import type { AuditCheckpointWritten } from '#contracts';
import { FolderCheckpointStore, S3CheckpointStore, type CheckpointStore } from './checkpoint-store.js';

/** A checkpoint as the verification report names it: as written, less where it went. */
export type CheckpointSummary = Omit<AuditCheckpointWritten, 'stores'>;

export function summaryOf(statement: CheckpointStatement): CheckpointSummary {
  const { number, createdAt, root, cases, events, accountEvents, keyId } = statement;
  return { number, createdAt, root, cases, events, accountEvents, keyId };
}

/** A chain's head as one or more checkpoints recorded it; `checkpoint` is the latest of them. */
export interface CoveredHead {
  readonly sequence: number;
  readonly hash: string;
  checkpoint: number;
}

/** What reading every checkpoint found: the checkpoints themselves, and what they cover per chain. */
export interface CheckpointHistory {
  readonly checkpointsChecked: number;
  readonly latest: CheckpointSummary | null;
  /** The keys that signed them. */
  readonly keyIds: readonly string[];
  readonly problems: readonly CheckpointProblem[];
  /** Per chain, each distinct head the valid checkpoints recorded, in checkpoint order. */
  readonly covered: ReadonlyMap<string, readonly CoveredHead[]>;
}

/**
 * 审计检查点 / The checkpoint log: the stores it is written to (the first is the one read; the others are compared
 * with it by name) and the keys whose signatures it trusts.
 */
export class CheckpointLog {
  constructor(
    readonly stores: readonly [CheckpointStore, ...CheckpointStore[]],
    /** The public key of the key this deployment signs with, when the process knows it. */
    private readonly ownKey: KeyObject | null,
  ) {}

  get primary(): CheckpointStore {
    return this.stores[0];
  }

  /** The own key, and every key published beside the checkpoints (`keys/<keyId>.pem`), by key id. */
  async trustedKeys(): Promise<Map<string, KeyObject>> {
    const keys = new Map<string, KeyObject>();
    for (const store of this.stores) {
      for (const pem of await store.publishedKeys()) {
        try {
          const key = createPublicKey(pem);
          if (key.asymmetricKeyType === 'ed25519') keys.set(keyIdOf(key), key);
        } catch {
          // Not a key: a checkpoint naming it fails as signed by an unknown key.
        }
      }
    }
    if (this.ownKey) keys.set(keyIdOf(this.ownKey), this.ownKey);
    return keys;
  }

  /** The current public key (PEM) and its id: the own key, else the one published as `public-key.pem`. */
  async publicKey(): Promise<{ readonly pem: string; readonly keyId: string } | null> {
    const pem = this.ownKey ? this.ownKey.export({ type: 'spki', format: 'pem' }).toString() : await this.primary.currentPublicKey();
    return pem === null ? null : { pem, keyId: keyIdOf(createPublicKey(pem)) };
  }

  /** The latest checkpoint of the primary store, or null before the first. */
  async latest(): Promise<{ readonly number: number; readonly bytes: Buffer } | null> {
    const number = (await this.primary.numbers()).at(-1);
    if (number === undefined) return null;
    const bytes = await this.primary.read(number);
    return bytes ? { number, bytes } : null;
  }

  /**
   * Writes checkpoint bytes to every store, the primary first: 'taken' when the primary already has that number (another
   * writer was first). A secondary that holds other bytes under that number is an error.
   */
  async append(checkpoint: SignedCheckpoint, bytes: Buffer): Promise<'written' | 'taken'> {
    const [primary, ...others] = this.stores;
    if ((await primary.create(checkpoint.statement.number, bytes)) === 'taken') return 'taken';
    for (const store of others) {
      if ((await store.create(checkpoint.statement.number, bytes)) === 'taken') {
        throw new Error(`${store.name} already holds another checkpoint #${checkpoint.statement.number}`);
      }
    }
    return 'written';
  }

  async publishKey(publicKey: KeyObject): Promise<void> {
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const store of this.stores) await store.publishKey(keyIdOf(publicKey), pem);
  }

  /**
   * Reads every checkpoint of the primary store in order, one at a time: checks each one's signature, root and link to
   * the one before, and that every store holds the same numbers; gathers what the valid ones cover, of every chain or
   * only of `chain`.
   */
  async history(options: { readonly chain?: string; readonly signal?: AbortSignal } = {}): Promise<CheckpointHistory> {
    const keys = await this.trustedKeys();
    const problems: CheckpointProblem[] = [];
    const numbers = await this.primary.numbers();
    for (const store of this.stores) {
      for (const altered of await store.alterations()) {
        problems.push(checkpointProblem('overwritten', { checkpoint: altered.number, store: store.name, found: altered.detail }));
      }
    }
    for (const store of this.stores.slice(1)) {
      const kept = new Set(await store.numbers());
      for (const number of numbers) if (!kept.has(number)) problems.push(checkpointProblem('missing_from_store', { checkpoint: number, store: store.name }));
      const known = new Set(numbers);
      for (const number of kept)
        if (!known.has(number)) problems.push(checkpointProblem('missing_from_store', { checkpoint: number, store: this.primary.name }));
    }
    const covered = new Map<string, CoveredHead[]>();
    const keyIds = new Set<string>();
    let previous: { readonly number: number; readonly statement: CheckpointStatement | null } = { number: 0, statement: null };
    let latest: CheckpointSummary | null = null;
    for (const number of numbers) {
      options.signal?.throwIfAborted();
      const checkpoint = await this.readChecked(number, keys, problems);
      if (number !== previous.number + 1) {
        problems.push(checkpointProblem('link', { checkpoint: number, expected: `checkpoint #${previous.number + 1}`, found: `checkpoint #${number}` }));
      } else if (checkpoint && previous.statement && checkpoint.statement.previous !== statementDigest(previous.statement)) {
        problems.push(
          checkpointProblem('link', { checkpoint: number, expected: statementDigest(previous.statement), found: String(checkpoint.statement.previous) }),
        );
      } else if (checkpoint && number === 1 && checkpoint.statement.previous !== null) {
        problems.push(checkpointProblem('link', { checkpoint: number, expected: 'null (the first checkpoint)', found: checkpoint.statement.previous }));
      }
      previous = { number, statement: checkpoint?.statement ?? null };
      if (!checkpoint) continue;
      keyIds.add(checkpoint.statement.keyId);
      latest = summaryOf(checkpoint.statement);
      for (const leaf of checkpoint.leaves) if (options.chain === undefined || leaf.chain === options.chain) cover(covered, leaf, number);
    }
    return { checkpointsChecked: numbers.length, latest, keyIds: [...keyIds], problems, covered };
  }

  /** The checkpoint if it reads and holds by itself (signature, root, counts); otherwise null, its problems added. */
  private async readChecked(number: number, keys: ReadonlyMap<string, KeyObject>, problems: CheckpointProblem[]): Promise<SignedCheckpoint | null> {
    const bytes = await this.primary.read(number);
    let checkpoint: SignedCheckpoint;
    try {
      if (!bytes) throw new CheckpointUnreadable('gone while it was being read');
      checkpoint = parseCheckpoint(bytes);
    } catch (error) {
      if (!(error instanceof CheckpointUnreadable)) throw error;
      problems.push(checkpointProblem('unreadable', { checkpoint: number, found: error.message }));
      return null;
    }
    if (checkpoint.statement.number !== number) {
      problems.push(
        checkpointProblem('link', { checkpoint: number, expected: `statement number ${number}`, found: `statement number ${checkpoint.statement.number}` }),
      );
      return null;
    }
    const defects = checkpointDefects(checkpoint, keys);
    for (const defect of defects) problems.push(checkpointProblem(defect.problem, { checkpoint: number, expected: defect.expected, found: defect.found }));
    return defects.length ? null : checkpoint;
  }
}

function cover(covered: Map<string, CoveredHead[]>, leaf: CheckpointLeaf, checkpoint: number): void {
  const heads = covered.get(leaf.chain);
  const last = heads?.at(-1);
  if (last?.sequence === leaf.sequence && last.hash === leaf.hash) {
    last.checkpoint = checkpoint;
    return;
  }
  const head = { sequence: leaf.sequence, hash: leaf.hash, checkpoint };
  if (heads) heads.push(head);
  else covered.set(leaf.chain, [head]);
}

/** The stores of the configuration: the bucket first when there is one (the copy under object lock), and the folder. */
export function checkpointStoresFor(config: AppConfig['auditCheckpoints']): [CheckpointStore, ...CheckpointStore[]] {
  const folder = new FolderCheckpointStore(config.directory);
  return config.s3 ? [new S3CheckpointStore(config.s3), folder] : [folder];
}

/**
 * The key checkpoints are signed with. Production needs it given (AUDIT_CHECKPOINT_KEY or AUDIT_CHECKPOINT_KEY_FILE);
 * elsewhere one is generated into the data folder on first use.
 */
export function checkpointSigningKey(config: AppConfig): KeyObject {
  const source = config.auditCheckpoints.key;
  if (config.env === 'production' && 'generatedFile' in source) {
    throw new ConfigError([
      {
        variable: 'AUDIT_CHECKPOINT_KEY',
        message:
          'required in production to write audit checkpoints (or AUDIT_CHECKPOINT_KEY_FILE): an Ed25519 private key kept outside the app database, e.g. openssl genpkey -algorithm ed25519',
      },
    ]);
  }
  try {
    return ed25519PrivateKey(source);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const variable = 'pem' in source ? 'AUDIT_CHECKPOINT_KEY' : 'file' in source ? 'AUDIT_CHECKPOINT_KEY_FILE' : 'DATA_DIR';
    throw new ConfigError([{ variable, message: `no usable Ed25519 private key: ${(error as Error).message}` }]);
  }
}

/** The checkpoint log of the configuration, trusting the process's own key when it has one (never generating one in production). */
export function checkpointLogFor(config: AppConfig): CheckpointLog {
  const ownKey = config.env === 'production' && 'generatedFile' in config.auditCheckpoints.key ? null : createPublicKey(checkpointSigningKey(config));
  return new CheckpointLog(checkpointStoresFor(config.auditCheckpoints), ownKey);
}
