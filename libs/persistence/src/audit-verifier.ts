import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { SqlEntityManager } from '@mikro-orm/sql';
import pMap from 'p-map';
import { documentsReferencedBy } from '#domain';
import { verifyAccountChain, type AccountChainReport } from './account-event-chain.js';
import type { CheckpointLog, CheckpointSummary } from './checkpoints/checkpoint-log.js';
import type { CheckpointProblem } from './checkpoints/checkpoint-problems.js';
import { checkAccountHeads, CoveredHeadsCheck, ReadModelCheck, type ReadModelProblem } from './checkpoints/trail-checks.js';
import { eventBodyOf } from './case-projection.js';
import { BlobMissing, type BlobStore } from './documents/blob-store.js';
import { CaseEventEntity } from './entities/index.js';
import { ChainWalk, eventRowBatches, type BrokenLink, type EventRowRange, type StoredEventRow, type WalkedCase } from './event-rows.js';
import type { ChainWalkDatabase, ChainWalkJob } from './chain-walk-job.js';
import { walkOnThread } from './chain-walk-threads.js';

export type { BrokenLink, BrokenLinkProblem } from './event-rows.js';

/** A file an event rests on that is gone from the store, or whose bytes no longer hash to what the event recorded. */
export interface DocumentProblem {
  readonly caseId: string;
  readonly sequence: number;
  readonly documentId: string;
  readonly name: string;
  readonly problem: 'missing' | 'altered';
  /** The SHA-256 the event recorded. */
  readonly expected: string;
  /** The SHA-256 of the bytes now stored (null when they are gone). */
  readonly found: string | null;
}

/** What re-hashing the stored files referenced by events found. */
export interface DocumentsReport {
  /** References checked (a file referenced by several events counts for each). */
  readonly referencesChecked: number;
  /** Distinct stored files re-hashed. */
  readonly filesHashed: number;
  /** Every reference whose file is missing or altered, in chain order (at most 1,000 listed). */
  readonly problems: readonly DocumentProblem[];
  readonly problemCount: number;
}

/** The trail against the signed checkpoints kept outside the database. */
export interface CheckpointsReport {
  /** Checkpoint files read, each checked for its signature, its root and its link to the one before. */
  readonly checkpointsChecked: number;
  readonly latest: CheckpointSummary | null;
  /** The keys that signed them. */
  readonly keyIds: readonly string[];
  /** Checkpoints that do not hold, and everything they covered that is gone or changed (at most 1,000 listed). */
  readonly problems: readonly CheckpointProblem[];
  readonly problemCount: number;
}

/** The case read model against the chains. */
export interface ReadModelReport {
  readonly casesChecked: number;
  /** At most 1,000 listed. */
  readonly problems: readonly ReadModelProblem[];
  readonly problemCount: number;
}

export interface WorkflowProblem {
  readonly caseId: string;
  /** disagrees: the workflow's last sequence is not the chain's; missing: the case has no workflow. */
  readonly problem: 'disagrees' | 'missing';
  readonly chainLastSequence: number;
  readonly workflowLastSequence: number | null;
}

/** Each case's workflow against its chain (asked for: one query per case). */
export interface WorkflowsReport {
  /** False when Temporal could not be asked; `error` says why, and nothing was compared. */
  readonly reachable: boolean;
  readonly error: string | null;
  readonly casesChecked: number;
  /** At most 1,000 listed. */
  readonly problems: readonly WorkflowProblem[];
  readonly problemCount: number;
}

export interface AuditReport {
  readonly ok: boolean;
  readonly casesChecked: number;
  readonly eventsChecked: number;
  /** The first place, in chain order, where a case's chain does not hold (the walk goes on past it, for the checks below). */
  readonly firstBrokenLink: BrokenLink | null;
  /** Present when the stored files were checked too (\`--documents\`). */
  readonly documents?: DocumentsReport;
  /** Present when the verifier has a checkpoint log (the api and the CLI always do). */
  readonly checkpoints?: CheckpointsReport;
  readonly readModel: ReadModelReport;
  /** The account events' own chain: on a verification of every case. */
  readonly accountEvents?: AccountChainReport;
  /** Present when asked for (\`--workflows\`). */
  readonly workflows?: WorkflowsReport;
}

/** How far a verification has come, of the totals counted before it began. */
export interface VerifyProgress {
  readonly casesChecked: number;
  readonly casesTotal: number;
  readonly eventsChecked: number;
  readonly eventsTotal: number;
}

export interface VerifyOptions {
  /** Also re-hash every stored file an event references. */
  readonly documents?: boolean;
  /**
   * Told the totals before the walk begins (cases and events, counted first), then again each time a case has been
   * checked; the caller decides how often to pass it on.
   */
  readonly onProgress?: (progress: VerifyProgress) => void;
  /** Ends the walk early (the one who asked went away): it rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * Asks a case's workflow for its last sequence (null: no such workflow), to compare with the chain; one call per case,
   * a few at a time. A rejection is taken as Temporal out of reach.
   */
  readonly workflowLastSequence?: (caseId: string) => Promise<number | null>;
}

export interface AuditVerifierOptions {
  /** The document store, for \`documents\`. */
  readonly blobs?: BlobStore | null;
  /** The signed checkpoints to check the trail against. */
  readonly checkpoints?: CheckpointLog | null;
  /** Events read per query. */
  readonly batchSize?: number;
  /**
   * Threads a full verification may walk the chains on, each over its own range of cases and its own connection
   * (default: the machine's parallelism, at most 4). Not for one case, nor with the documents check.
   */
  readonly threads?: number;
  /** Fewer events than this per thread and the walk uses fewer threads (default 20,000). */
  readonly eventsPerThread?: number;
}

const PROBLEMS_LISTED = 1000;
/** Workflows asked at once. */
const WORKFLOW_QUERIES = 8;

/** Re-hashes stored files, each once per verification however many events reference it. */
class StoredFileCheck {
  private readonly hashes = new Map<string, string | null>();
  referencesChecked = 0;
  problemCount = 0;
  readonly problems: DocumentProblem[] = [];

  constructor(private readonly blobs: BlobStore) {}

  get filesHashed(): number {
    return this.hashes.size;
  }

  async check(event: Pick<CaseEventEntity, 'caseId' | 'sequence' | 'type' | 'payload'>): Promise<void> {
    for (const ref of documentsReferencedBy(eventBodyOf(event))) {
      this.referencesChecked += 1;
      const found = await this.hashOf(ref.sha256);
      if (found === ref.sha256) continue;
      this.problemCount += 1;
      if (this.problems.length < PROBLEMS_LISTED) {
        this.problems.push({
          caseId: event.caseId,
          sequence: event.sequence,
          documentId: ref.documentId,
          name: ref.name,
          problem: found === null ? 'missing' : 'altered',
          expected: ref.sha256,
          found,
        });
      }
    }
  }

  report(): DocumentsReport {
    return { referencesChecked: this.referencesChecked, filesHashed: this.filesHashed, problems: this.problems, problemCount: this.problemCount };
  }

  private async hashOf(sha256: string): Promise<string | null> {
    const known = this.hashes.get(sha256);
    if (known !== undefined) return known;
    let found: string | null;
    try {
      const hash = createHash('sha256');
      await pipeline(await this.blobs.open(sha256), hash);
      found = hash.digest('hex');
    } catch (error) {
      if (!(error instanceof BlobMissing)) throw error;
      found = null;
    }
    this.hashes.set(sha256, found);
    return found;
  }
}

/** The checks that follow the walk case by case: the checkpoints' covered heads and the read model. */
interface TrailChecks {
  readonly covered: CoveredHeadsCheck | null;
  readonly readModel: ReadModelCheck;
  /** Each case's last sequence, kept when its workflow is to be asked. */
  readonly heads: Map<string, number> | null;
}

/**
 * Walks the hash chains of the audit trail, one case or the whole store, in keyset-paged batches, and checks it against
 * the signed checkpoints (every covered case and event still there, unchanged), the read model and, on request, each
 * case's workflow; on request also re-hashes the stored files the events reference.
 */
export class AuditVerifier {
  private readonly blobs: BlobStore | null;
  private readonly checkpoints: CheckpointLog | null;
  private readonly batchSize: number;
  private readonly threads: number;
  private readonly eventsPerThread: number;

  constructor(
    private readonly orm: MikroORM,
    options: AuditVerifierOptions = {},
  ) {
    this.blobs = options.blobs ?? null;
    this.checkpoints = options.checkpoints ?? null;
    this.batchSize = options.batchSize ?? 1000;
    this.threads = options.threads ?? Math.min(availableParallelism(), 4);
    this.eventsPerThread = options.eventsPerThread ?? 20_000;
  }

  verifyCase(caseId: string, options: VerifyOptions = {}): Promise<AuditReport> {
    return this.walk(caseId, options);
  }

  verifyAll(options: VerifyOptions = {}): Promise<AuditReport> {
    return this.walk(null, options);
  }

  private async walk(onlyCase: string | null, options: VerifyOptions): Promise<AuditReport> {
    if (options.documents && !this.blobs) throw new Error('the audit verifier was made without the document store');
    const files = options.documents && this.blobs ? new StoredFileCheck(this.blobs) : null;
    const history = this.checkpoints ? await this.checkpoints.history({ ...(onlyCase === null ? {} : { chain: onlyCase }), ...signalOf(options) }) : null;
    const em = this.orm.em.fork();
    const checks: TrailChecks = {
      covered: history ? new CoveredHeadsCheck(history.covered) : null,
      readModel: await ReadModelCheck.load(em, onlyCase),
      heads: options.workflowLastSequence ? new Map() : null,
    };
    const chains = await this.walkChains(onlyCase, files, checks, options);
    const accountEvents = onlyCase === null ? await verifyAccountChain(this.orm, signalOf(options)) : undefined;
    if (accountEvents && checks.covered) await checkAccountHeads(em, checks.covered);
    const readModel = { casesChecked: checks.readModel.casesChecked, ...listed(await checks.readModel.finish(em)) };
    const checkpoints: CheckpointsReport | undefined = history
      ? {
          checkpointsChecked: history.checkpointsChecked,
          latest: history.latest,
          keyIds: history.keyIds,
          ...listed([...history.problems, ...(checks.covered?.finish() ?? [])]),
        }
      : undefined;
    const workflows =
      options.workflowLastSequence && checks.heads ? await this.compareWorkflows(checks.heads, options.workflowLastSequence, options.signal) : undefined;
    const ok =
      chains.firstBrokenLink === null &&
      readModel.problemCount === 0 &&
      (checkpoints?.problemCount ?? 0) === 0 &&
      (accountEvents?.ok ?? true) &&
      (workflows?.problemCount ?? 0) === 0;
    const documents = files?.report();
    return {
      ...chains,
      ok: ok && (documents?.problemCount ?? 0) === 0,
      ...(documents ? { documents } : {}),
      ...(checkpoints ? { checkpoints } : {}),
      readModel,
      ...(accountEvents ? { accountEvents } : {}),
      ...(workflows ? { workflows } : {}),
    };
  }

  /** Each walked case's workflow asked for its last sequence; a disagreement is asked again once (a step may have been under way). */
  private async compareWorkflows(
    heads: ReadonlyMap<string, number>,
    lastSequenceOf: (caseId: string) => Promise<number | null>,
    signal: AbortSignal | undefined,
  ): Promise<WorkflowsReport> {
    const problems: WorkflowProblem[] = [];
    const stopped = new AbortController();
    const unreachable: { error: string | null } = { error: null };
    let casesChecked = 0;
    await pMap(
      heads,
      async ([caseId, chainLastSequence]) => {
        try {
          let workflowLastSequence = await lastSequenceOf(caseId);
          let chain = chainLastSequence;
          if (workflowLastSequence !== chain) {
            [workflowLastSequence, chain] = [await lastSequenceOf(caseId), (await this.chainHead(caseId)) ?? chain];
          }
          casesChecked += 1;
          if (workflowLastSequence === null) problems.push({ caseId, problem: 'missing', chainLastSequence: chain, workflowLastSequence });
          else if (workflowLastSequence !== chain) problems.push({ caseId, problem: 'disagrees', chainLastSequence: chain, workflowLastSequence });
        } catch (cause) {
          unreachable.error ??= cause instanceof Error ? cause.message : String(cause);
          stopped.abort();
        }
      },
      { concurrency: WORKFLOW_QUERIES, signal: signal ? AbortSignal.any([stopped.signal, signal]) : stopped.signal },
    ).catch((cause: unknown) => {
      if (!stopped.signal.aborted) throw cause;
    });
    if (unreachable.error !== null) return { reachable: false, error: unreachable.error, casesChecked: 0, problems: [], problemCount: 0 };
    return { reachable: true, error: null, casesChecked, ...listed(problems) };
  }

  private async chainHead(caseId: string): Promise<number | null> {
    const [head] = await this.orm.em
      .fork()
      .find(CaseEventEntity, { caseId }, { orderBy: { sequence: 'desc' }, limit: 1, fields: ['sequence'], disableIdentityMap: true });
    return head?.sequence ?? null;
  }

  private async walkChains(
    onlyCase: string | null,
    files: StoredFileCheck | null,
    checks: TrailChecks,
    options: VerifyOptions,
  ): Promise<Pick<AuditReport, 'casesChecked' | 'eventsChecked' | 'firstBrokenLink'>> {
    const caseWalked = ({ caseId, passed, lastSequence }: WalkedCase): void => {
      checks.covered?.chainWalked(caseId, passed, lastSequence);
      checks.readModel.end(caseId, lastSequence);
      checks.heads?.set(caseId, lastSequence);
    };
    const watched = checks.covered?.watchedSequences() ?? new Map<string, number[]>();
    const totals = options.onProgress ? await this.totals(onlyCase) : null;
    // A case is reported once all of its events are checked.
    const report = (casesChecked: number, eventsChecked: number): void => {
      if (totals) options.onProgress?.({ casesChecked, casesTotal: totals.cases, eventsChecked, eventsTotal: totals.events });
    };
    report(0, 0);
    const ranges = onlyCase === null && !files ? await this.ranges() : [];
    if (ranges.length > 1) {
      const walked = await this.walkOnThreads(ranges, watched, report, options.signal);
      for (const ended of walked.cases) caseWalked(ended);
      return { casesChecked: walked.cases.length, eventsChecked: walked.eventsChecked, firstBrokenLink: walked.firstBrokenLink };
    }
    const walk = new ChainWalk(watched);
    for await (const batch of eventRowBatches(this.orm.em.fork(), { batchSize: this.batchSize, ...(onlyCase === null ? {} : { caseId: onlyCase }) }))
      for (const row of batch) {
        const ended = walk.next(row);
        if (ended) {
          caseWalked(ended);
          report(walk.casesChecked - 1, walk.eventsChecked - 1);
          options.signal?.throwIfAborted();
        }
        await files?.check({ caseId: row.case_id, sequence: row.sequence, type: row.type as CaseEventEntity['type'], payload: payloadOf(row) });
      }
    const last = walk.end();
    if (last) caseWalked(last);
    report(walk.casesChecked, walk.eventsChecked);
    return { casesChecked: walk.casesChecked, eventsChecked: walk.eventsChecked, firstBrokenLink: walk.firstBrokenLink };
  }

  /**
   * Walks each range on a worker thread of its own, all at once; gives back every case in chain order (range by range)
   * and the first broken link in that order. One range failing calls the others off.
   */
  private async walkOnThreads(
    ranges: readonly EventRowRange[],
    watched: ReadonlyMap<string, readonly number[]>,
    report: (casesChecked: number, eventsChecked: number) => void,
    signal: AbortSignal | undefined,
  ): Promise<{ cases: WalkedCase[]; eventsChecked: number; firstBrokenLink: BrokenLink | null }> {
    const database = workerDatabaseOf(this.orm);
    if (!database) throw new Error('no database a worker thread can open');
    const casesSoFar = ranges.map(() => 0);
    const eventsSoFar = ranges.map(() => 0);
    const sum = (counts: readonly number[]): number => counts.reduce((total, count) => total + count, 0);
    const failed = new AbortController();
    const stop = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
    const walks = ranges.map((range, index) => {
      const inRange = [...watched].filter(
        ([caseId]) => (range.fromCase === undefined || caseId >= range.fromCase) && (range.beforeCase === undefined || caseId < range.beforeCase),
      );
      const job: ChainWalkJob = { database, range, batchSize: this.batchSize, watched: inRange };
      const walked = walkOnThread(
        job,
        (message) => {
          if (message.kind === 'failed') return;
          casesSoFar[index] = (casesSoFar[index] ?? 0) + message.cases.length;
          eventsSoFar[index] = message.eventsChecked;
          report(sum(casesSoFar), sum(eventsSoFar));
        },
        stop,
      );
      walked.catch((error: unknown) => {
        failed.abort(error);
      });
      return walked;
    });
    const walked = await Promise.all(walks);
    return {
      cases: walked.flatMap((range) => range.cases),
      eventsChecked: sum(walked.map((range) => range.eventsChecked)),
      firstBrokenLink: walked.find((range) => range.firstBrokenLink)?.firstBrokenLink ?? null,
    };
  }

  /**
   * The case ranges of a full walk, split at the case of every n-th event so that each thread gets about as many; one
   * range when there are too few events, or no database a worker thread can open.
   */
  private async ranges(): Promise<EventRowRange[]> {
    if (this.threads < 2 || !workerDatabaseOf(this.orm)) return [{}];
    const connection = (this.orm.em as SqlEntityManager).getConnection();
    const [counted] = await connection.execute<{ events: number | string }[]>('select count(*) as events from case_event');
    const events = Number(counted?.events ?? 0);
    const parts = Math.min(this.threads, Math.floor(events / Math.max(1, this.eventsPerThread)));
    const splits: string[] = [];
    for (let part = 1; part < parts; part += 1) {
      const [at] = await connection.execute<{ case_id: string }[]>('select case_id from case_event order by case_id, sequence limit 1 offset ?', [
        Math.floor((events * part) / parts),
      ]);
      // A case with more events than a part holds leaves two splits on one case: keep one.
      if (at && at.case_id !== splits.at(-1)) splits.push(at.case_id);
    }
    return [undefined, ...splits].map((fromCase, index) => ({
      ...(fromCase === undefined ? {} : { fromCase }),
      ...(splits[index] === undefined ? {} : { beforeCase: splits[index] }),
    }));
  }

  /** The cases and events a walk will meet, counted in one query before it begins (no hashing, no payloads read). */
  private async totals(onlyCase: string | null): Promise<{ cases: number; events: number }> {
    const em = this.orm.em.fork() as SqlEntityManager;
    const where = onlyCase === null ? {} : { caseId: onlyCase };
    const [cases, events] = await Promise.all([em.createQueryBuilder(CaseEventEntity).where(where).getCount('caseId', true), em.count(CaseEventEntity, where)]);
    return { cases, events };
  }
}

function signalOf(options: VerifyOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

/** Problems as a report lists them: the first 1,000, and how many in all. */
function listed<P>(problems: readonly P[]): { problems: P[]; problemCount: number } {
  return { problems: problems.slice(0, PROBLEMS_LISTED), problemCount: problems.length };
}

function payloadOf(row: StoredEventRow): Record<string, unknown> {
  return typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload;
}

/** The database the ORM reads, as a worker thread can open it anew (not an in-memory SQLite database). */
function workerDatabaseOf(orm: MikroORM): ChainWalkDatabase | null {
  if (orm.config.getDriver() instanceof PostgreSqlDriver) {
    const url = orm.config.get('clientUrl');
    return url ? { kind: 'postgresql', url } : null;
  }
  const path = orm.config.get('dbName');
  return path && path !== ':memory:' ? { kind: 'sqlite', path } : null;
}
