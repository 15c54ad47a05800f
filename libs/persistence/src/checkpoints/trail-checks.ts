import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { ACCOUNT_EVENTS_CHAIN } from './checkpoint-format.js';
import type { CoveredHead } from './checkpoint-log.js';
import { checkpointProblem, type CheckpointProblem } from './checkpoint-problems.js';

interface ChainUnderCheck {
  readonly chain: string;
  /** The covered heads by sequence. */
  readonly heads: readonly CoveredHead[];
  /** The hash found at each head's sequence (null: no event there), for the heads the walk has passed. */
  readonly found: (string | null)[];
  index: number;
}

/**
 * Checks a walk of the chains, event by event, against every head the checkpoints covered: each must still be there
 * with the same hash. Reports per chain the events missing from its end, and the first covered place that is gone or
 * changed, narrowed by the covered heads before it that still hold.
 */
export class CoveredHeadsCheck {
  readonly problems: CheckpointProblem[] = [];
  private readonly walked = new Set<string>();
  private current: ChainUnderCheck | null = null;

  constructor(private readonly covered: ReadonlyMap<string, readonly CoveredHead[]>) {}

  /** Per chain, the covered sequences (ascending): the events a walk must show this check. */
  watchedSequences(): Map<string, number[]> {
    return new Map([...this.covered].map(([chain, heads]) => [chain, heads.map((head) => head.sequence).sort((a, b) => a - b)]));
  }

  /** A whole chain as a walk found it: its events at or past each covered sequence, and its last sequence. */
  chainWalked(chain: string, passed: readonly (readonly [number, string])[], lastSequence: number): void {
    this.begin(chain);
    for (const [sequence, hash] of passed) this.event(sequence, hash);
    this.end(lastSequence);
  }

  begin(chain: string): void {
    this.walked.add(chain);
    const heads = this.covered.get(chain);
    this.current = heads ? { chain, heads: [...heads].sort((a, b) => a.sequence - b.sequence), found: [], index: 0 } : null;
  }

  event(sequence: number, hash: string): void {
    const chain = this.current;
    if (!chain) return;
    for (let head = chain.heads[chain.index]; head !== undefined && head.sequence <= sequence; head = chain.heads[chain.index]) {
      chain.found.push(head.sequence === sequence ? hash : null);
      chain.index += 1;
    }
  }

  end(lastSequence: number): void {
    const chain = this.current;
    this.current = null;
    if (!chain) return;
    const beyond = chain.heads.slice(chain.index);
    const furthest = beyond.at(-1);
    if (furthest) {
      const latest = beyond.filter((head) => head.sequence === furthest.sequence).reduce((a, b) => (b.checkpoint > a.checkpoint ? b : a));
      this.problems.push(
        checkpointProblem('events_missing', {
          checkpoint: latest.checkpoint,
          chain: chain.chain,
          fromSequence: lastSequence + 1,
          toSequence: furthest.sequence,
          expected: latest.hash,
        }),
      );
    }
    const firstBad = chain.found.findIndex((found, index) => found !== chain.heads[index]?.hash);
    const bad = chain.heads[firstBad];
    if (!bad) return;
    const found = chain.found[firstBad] ?? null;
    if (found === null) {
      this.problems.push(
        checkpointProblem('events_missing', {
          checkpoint: bad.checkpoint,
          chain: chain.chain,
          fromSequence: bad.sequence,
          toSequence: bad.sequence,
          expected: bad.hash,
        }),
      );
      return;
    }
    const stillHeld = chain.heads.slice(0, firstBad).filter((head) => head.sequence < bad.sequence);
    this.problems.push(
      checkpointProblem('head_changed', {
        checkpoint: bad.checkpoint,
        chain: chain.chain,
        fromSequence: (stillHeld.at(-1)?.sequence ?? 0) + 1,
        toSequence: bad.sequence,
        expected: bad.hash,
        found,
      }),
    );
  }

  /** Covered cases the walk never met: they have no event left at all. */
  finish(): CheckpointProblem[] {
    for (const [chain, heads] of this.covered) {
      if (this.walked.has(chain) || chain === ACCOUNT_EVENTS_CHAIN) continue;
      const furthest = heads.reduce((a, b) => (b.sequence > a.sequence || (b.sequence === a.sequence && b.checkpoint > a.checkpoint) ? b : a));
      this.problems.push(
        checkpointProblem('case_missing', { checkpoint: furthest.checkpoint, chain, fromSequence: 1, toSequence: furthest.sequence, expected: furthest.hash }),
      );
    }
    return this.problems;
  }
}

const ROWS_PER_QUERY = 5000;

/** Walks the account events' (sequence, hash) in order, a page per query, through the check. */
export async function checkAccountHeads(em: EntityManager, check: CoveredHeadsCheck): Promise<void> {
  const connection = (em as SqlEntityManager).getConnection();
  let last = 0;
  check.begin(ACCOUNT_EVENTS_CHAIN);
  for (;;) {
    const rows = await connection.execute<{ sequence: number; hash: string }[]>(
      'select sequence, hash from account_event where sequence > ? order by sequence limit ?',
      [last, ROWS_PER_QUERY],
    );
    for (const row of rows) {
      last = row.sequence;
      check.event(last, row.hash);
    }
    if (rows.length < ROWS_PER_QUERY) break;
  }
  check.end(last);
}

/** The read model disagreeing with the chain: `case_record.last_sequence` against the chain's last sequence. */
export interface ReadModelProblem {
  readonly caseId: string;
  /** disagrees: both exist, different sequences; no_record: events without a case_record; no_events: a case_record without events. */
  readonly problem: 'disagrees' | 'no_record' | 'no_events';
  readonly chainLastSequence: number | null;
  readonly recordLastSequence: number | null;
}

/** Problems read again one by one at most; past that many the read model is plainly broken. */
const RECHECKED = 1000;

/** Compares each case's last sequence as the walk found it with its case_record row's, read once before the walk. */
export class ReadModelCheck {
  private readonly problems: ReadModelProblem[] = [];
  casesChecked = 0;

  private constructor(private readonly records: Map<string, number>) {}

  static async load(em: EntityManager, caseId: string | null): Promise<ReadModelCheck> {
    const connection = (em as SqlEntityManager).getConnection();
    const records = new Map<string, number>();
    let after: string | null = null;
    for (;;) {
      const conditions = [...(caseId === null ? [] : ['case_id = ?']), ...(after === null ? [] : ['case_id > ?'])];
      const rows: { case_id: string; last_sequence: number }[] = await connection.execute(
        `select case_id, last_sequence from case_record ${conditions.length ? `where ${conditions.join(' and ')}` : ''} order by case_id limit ?`,
        [...(caseId === null ? [] : [caseId]), ...(after === null ? [] : [after]), ROWS_PER_QUERY],
      );
      for (const row of rows) records.set(row.case_id, row.last_sequence);
      const last = rows.at(-1);
      if (!last || rows.length < ROWS_PER_QUERY) return new ReadModelCheck(records);
      after = last.case_id;
    }
  }

  end(caseId: string, lastSequence: number): void {
    this.casesChecked += 1;
    const recorded = this.records.get(caseId);
    this.records.delete(caseId);
    if (recorded === undefined) this.problems.push({ caseId, problem: 'no_record', chainLastSequence: lastSequence, recordLastSequence: null });
    else if (recorded !== lastSequence) this.problems.push({ caseId, problem: 'disagrees', chainLastSequence: lastSequence, recordLastSequence: recorded });
  }

  /**
   * The problems that still hold when read again (a step recorded while the walk ran moves both the chain and the
   * row, in one transaction), and the rows whose case the walk never met.
   */
  async finish(em: EntityManager): Promise<ReadModelProblem[]> {
    for (const [caseId, recorded] of this.records) this.problems.push({ caseId, problem: 'no_events', chainLastSequence: null, recordLastSequence: recorded });
    const confirmed: ReadModelProblem[] = [];
    const connection = (em as SqlEntityManager).getConnection();
    for (const problem of this.problems.slice(0, RECHECKED)) {
      const [now] = await connection.execute<{ chain: number | null; record: number | null }[]>(
        'select (select max(sequence) from case_event where case_id = ?) as chain, (select last_sequence from case_record where case_id = ?) as record',
        [problem.caseId, problem.caseId],
      );
      const chain = now?.chain ?? null;
      const record = now?.record ?? null;
      if (chain !== null && chain === record) continue;
      confirmed.push(problem);
    }
    return [...confirmed, ...this.problems.slice(RECHECKED)];
  }
}
