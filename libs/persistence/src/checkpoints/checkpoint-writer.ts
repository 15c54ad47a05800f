import { createPublicKey, type KeyObject } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { accountChainHead, accountEventHashAt } from '../account-event-chain.js';
import { caseChainHeads, caseEventHashesAt } from './chain-heads.js';
import {
  ACCOUNT_EVENTS_CHAIN,
  checkpointDefects,
  CheckpointUnreadable,
  parseCheckpoint,
  signCheckpoint,
  type CheckpointLeaf,
  type SignedCheckpoint,
} from './checkpoint-format.js';
import { summaryOf, type CheckpointLog, type CheckpointSummary } from './checkpoint-log.js';
import { checkpointProblem, describeCheckpointProblem, type CheckpointProblem } from './checkpoint-problems.js';

/** The writer found the trail contradicting the last checkpoint (or that checkpoint not holding): nothing was signed. */
export class CheckpointRefused extends Error {
  override readonly name = 'CheckpointRefused';

  constructor(readonly problems: readonly CheckpointProblem[]) {
    super(
      `审计检查点未写入：审计记录与上一个检查点不符 / audit checkpoint NOT written: the trail contradicts the last checkpoint\n` +
        problems.map((problem) => `  ${describeCheckpointProblem(problem)}`).join('\n'),
    );
  }
}

export interface WrittenCheckpoint extends CheckpointSummary {
  /** The stores it was written to. */
  readonly stores: readonly string[];
}

const ATTEMPTS = 3;

/**
 * Writes the next signed checkpoint: every case's head and the account chain's, after checking that everything the last
 * checkpoint covered is still there unchanged. A deletion or rewrite is refused (CheckpointRefused), never signed over.
 */
export class CheckpointWriter {
  private readonly publicKey: KeyObject;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: CheckpointLog,
    private readonly privateKey: KeyObject,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.publicKey = createPublicKey(privateKey);
  }

  async write(): Promise<WrittenCheckpoint> {
    for (let attempt = 1; ; attempt += 1) {
      const previous = await this.previous();
      const em = this.orm.em.fork();
      const { leaves, events, problems } = await currentHeads(em);
      if (previous) problems.push(...(await contradictions(em, previous, leaves)));
      if (problems.length) throw new CheckpointRefused(problems);
      const signed = signCheckpoint(
        { number: (previous?.statement.number ?? 0) + 1, previous: previous?.statement ?? null, createdAt: this.now(), events, leaves: leaves.values() },
        this.privateKey,
        this.publicKey,
      );
      await this.log.publishKey(this.publicKey);
      if ((await this.log.append(signed, Buffer.from(JSON.stringify(signed)))) === 'written') {
        return { ...summaryOf(signed.statement), stores: this.log.stores.map((store) => store.name) };
      }
      // Another writer took this number first: start again from its checkpoint.
      if (attempt === ATTEMPTS) throw new Error(`checkpoint #${signed.statement.number} was taken by another writer ${ATTEMPTS} times running`);
    }
  }

  /** The last checkpoint, which must hold by itself before anything is chained to it. */
  private async previous(): Promise<SignedCheckpoint | null> {
    const latest = await this.log.latest();
    if (!latest) return null;
    let checkpoint: SignedCheckpoint;
    try {
      checkpoint = parseCheckpoint(latest.bytes);
    } catch (error) {
      if (!(error instanceof CheckpointUnreadable)) throw error;
      throw new CheckpointRefused([checkpointProblem('unreadable', { checkpoint: latest.number, found: error.message })]);
    }
    const defects = checkpointDefects(checkpoint, await this.log.trustedKeys());
    if (defects.length) {
      throw new CheckpointRefused(
        defects.map((defect) => checkpointProblem(defect.problem, { checkpoint: latest.number, expected: defect.expected, found: defect.found })),
      );
    }
    return checkpoint;
  }
}

/** Every chain's head now, by chain; a case with fewer events than its last sequence is a problem. */
async function currentHeads(em: EntityManager): Promise<{ leaves: Map<string, CheckpointLeaf>; events: number; problems: CheckpointProblem[] }> {
  const leaves = new Map<string, CheckpointLeaf>();
  const problems: CheckpointProblem[] = [];
  let events = 0;
  for await (const head of caseChainHeads(em)) {
    events += head.events;
    leaves.set(head.caseId, { chain: head.caseId, sequence: head.sequence, hash: head.hash });
    if (head.events !== head.sequence)
      problems.push(checkpointProblem('chain_gap', { chain: head.caseId, expected: String(head.sequence), found: String(head.events) }));
  }
  const account = await accountChainHead(em);
  if (account) leaves.set(ACCOUNT_EVENTS_CHAIN, { chain: ACCOUNT_EVENTS_CHAIN, sequence: account.sequence, hash: account.hash });
  return { leaves, events, problems };
}

/** What the previous checkpoint covered that is gone or changed now. */
async function contradictions(em: EntityManager, previous: SignedCheckpoint, current: ReadonlyMap<string, CheckpointLeaf>): Promise<CheckpointProblem[]> {
  const checkpoint = previous.statement.number;
  const problems: CheckpointProblem[] = [];
  // Chains that grew since: the hash at the covered place, read for all of them at once.
  const grown = previous.leaves.filter((leaf) => leaf.chain !== ACCOUNT_EVENTS_CHAIN && (current.get(leaf.chain)?.sequence ?? 0) > leaf.sequence);
  const hashes = await caseEventHashesAt(
    em,
    grown.map((leaf) => ({ caseId: leaf.chain, sequence: leaf.sequence })),
  );
  for (const covered of previous.leaves) {
    const now = current.get(covered.chain);
    if (!now) {
      problems.push(
        covered.chain === ACCOUNT_EVENTS_CHAIN
          ? checkpointProblem('events_missing', { checkpoint, chain: covered.chain, fromSequence: 1, toSequence: covered.sequence, expected: covered.hash })
          : checkpointProblem('case_missing', { checkpoint, chain: covered.chain, fromSequence: 1, toSequence: covered.sequence, expected: covered.hash }),
      );
      continue;
    }
    if (now.sequence < covered.sequence) {
      problems.push(
        checkpointProblem('events_missing', {
          checkpoint,
          chain: covered.chain,
          fromSequence: now.sequence + 1,
          toSequence: covered.sequence,
          expected: covered.hash,
        }),
      );
      continue;
    }
    const found =
      now.sequence === covered.sequence
        ? now.hash
        : covered.chain === ACCOUNT_EVENTS_CHAIN
          ? await accountEventHashAt(em, covered.sequence)
          : (hashes.get(`${covered.chain}#${covered.sequence}`) ?? null);
    if (found === null) {
      problems.push(
        checkpointProblem('events_missing', {
          checkpoint,
          chain: covered.chain,
          fromSequence: covered.sequence,
          toSequence: covered.sequence,
          expected: covered.hash,
        }),
      );
    } else if (found !== covered.hash) {
      problems.push(
        checkpointProblem('head_changed', { checkpoint, chain: covered.chain, fromSequence: 1, toSequence: covered.sequence, expected: covered.hash, found }),
      );
    }
  }
  return problems;
}
