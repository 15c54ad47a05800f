import { IsolationLevel, type EntityManager, type FilterQuery, type MikroORM } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { QBFilterQuery, SqlEntityManager } from '@mikro-orm/sql';
import {
  DUE_STATUSES,
  endedStaysByStage,
  FINAL_STAGES,
  quantileBetween,
  quantileRanks,
  stageChange,
  stageCountDeltas,
  TIME_IN_STAGE_QUANTILE,
  type CaseEventBody,
  type CaseStage,
  type CaseState,
  type CategoryCode,
  type DueStatus,
  type IsoDate,
  type StageCount,
} from '#domain';
import { caseStateAfter } from './case-projection.js';
import type { ExecuteSql } from './case-task-columns.js';
import { dueStatusCondition } from './due-status-condition.js';
import { CampaignStageCountEntity, CaseRecordEntity, CaseStageStayEntity } from './entities/index.js';

/** A counter's change for one campaign. */
export type StageCountDelta = StageCount & { readonly campaignId: string };

/**
 * Keeps the stage stays and the counters in step with one event, within the append's transaction: when the case
 * moves to another stage, its open stay ends, the next begins, and the counters move by one.
 */
export async function projectStageChange(em: EntityManager, before: CaseStage | null, after: CaseState, at: Date): Promise<void> {
  const change = stageChange(before, after.stage);
  if (!change) return;
  let endedStayMs: number | null = null;
  if (change.leaves !== null) {
    const open = await em.findOne(CaseStageStayEntity, { caseId: after.caseId, leftAt: null });
    // Without its open stay (a row the statistics' migration could not fold) the case still moves between counters.
    if (open) endedStayMs = open.end(at);
  }
  em.persist(CaseStageStayEntity.entering(after, at));
  // The counters last: the rows every append of a campaign shares stay locked from here to the commit, so briefly.
  await em.flush();
  await addStageCounts(
    em,
    stageCountDeltas(after.category, change, endedStayMs).map((delta) => ({ ...delta, campaignId: after.campaignId })),
  );
}

/**
 * Adds deltas to the counters in one upsert. Appends run concurrently on PostgreSQL: each waits on the other's row
 * lock rather than losing an update, and all take their rows in the same (key) order, so two appends moving cases
 * in opposite directions between the same stages cannot deadlock.
 */
export async function addStageCounts(em: EntityManager, deltas: readonly StageCountDelta[]): Promise<void> {
  if (!deltas.length) return;
  const ordered = [...deltas].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  await em.getConnection().execute(
    `insert into campaign_stage_count (campaign_id, category, stage, cases, ended_stays, ended_stay_ms) values ${ordered.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
     on conflict (campaign_id, category, stage) do update set
       cases = campaign_stage_count.cases + excluded.cases,
       ended_stays = campaign_stage_count.ended_stays + excluded.ended_stays,
       ended_stay_ms = campaign_stage_count.ended_stay_ms + excluded.ended_stay_ms`,
    ordered.flatMap((delta) => [delta.campaignId, delta.category, delta.stage, delta.cases, delta.endedStays, delta.endedStayMs]),
    'run',
    em.getTransactionContext(),
  );
}

function keyOf(delta: StageCountDelta): string {
  return `${delta.campaignId}\u0000${delta.category}\u0000${delta.stage}`;
}

/**
 * The stays and counters folded from every event in chain order, as `projectStageChange` keeps them one event at a
 * time: for a rebuild. Feed it each case's events in order; take the finished cases' stays as it goes.
 */
export class StageStatisticsFold {
  private readonly counts = new Map<string, { -readonly [K in keyof StageCountDelta]: StageCountDelta[K] }>();
  private stays: CaseStageStayEntity[] = [];
  private open: CaseStageStayEntity | null = null;

  /** One event: the case's stage before it (null for its first) and its state after. */
  apply(before: CaseStage | null, after: CaseState, at: Date): void {
    const change = stageChange(before, after.stage);
    if (!change) return;
    const endedStayMs = change.leaves !== null && this.open ? this.open.end(at) : null;
    this.open = CaseStageStayEntity.entering(after, at);
    this.stays.push(this.open);
    for (const delta of stageCountDeltas(after.category, change, endedStayMs)) {
      const row = { ...delta, campaignId: after.campaignId };
      const counted = this.counts.get(keyOf(row));
      if (!counted) {
        this.counts.set(keyOf(row), row);
        continue;
      }
      counted.cases += row.cases;
      counted.endedStays += row.endedStays;
      counted.endedStayMs += row.endedStayMs;
    }
  }

  /** When the current case entered its current stage. */
  stageEnteredAt(): Date | null {
    return this.open?.enteredAt ?? null;
  }

  /** The stays folded since the last call (the open stay of the case being folded included). */
  takeStays(): CaseStageStayEntity[] {
    const taken = this.stays;
    this.stays = [];
    return taken;
  }

  counters(): CampaignStageCountEntity[] {
    return [...this.counts.values()].map((row) => new CampaignStageCountEntity(row));
  }
}

/** An open case and how long it has waited in its stage (督办看板's bottleneck list). */
export interface WaitingCase {
  readonly caseId: string;
  readonly unitName: string;
  readonly category: CategoryCode;
  readonly stage: CaseStage;
  readonly stageEnteredAt: Date;
  readonly dueOn: string | null;
}

/** What the campaign statistics are made of, read from the projection in one snapshot (on PostgreSQL). */
export interface StageStatisticsReading {
  readonly counts: readonly StageCount[];
  /** The p90 of each stage's ended stays, in days. */
  readonly p90Days: Readonly<Partial<Record<CaseStage, number>>>;
  /** Open cases (not in a final stage) by how their current due date stands on `today`. */
  readonly dueStatus: Readonly<Record<DueStatus, number>>;
  readonly longestWaiting: readonly WaitingCase[];
  readonly certificationsByMonth: readonly { readonly month: string; readonly count: number }[];
}

/** Open: not in a final stage (certified units stay open, under 动态管理), as the ledger's `open` filter says. */
const OPEN: FilterQuery<CaseRecordEntity> = { stage: { $nin: [...FINAL_STAGES] } };

/**
 * Reads the campaign statistics from the stage projection and the case read model, never from the events: a few
 * indexed queries whatever the number of cases or events.
 */
export class StageStatisticsStore {
  constructor(private readonly orm: MikroORM) {}

  async read(campaignId: string, today: IsoDate, longestWaiting = 10): Promise<StageStatisticsReading> {
    const em = this.orm.em.fork();
    const read = (tx: EntityManager): Promise<StageStatisticsReading> => this.readIn(tx, campaignId, today, longestWaiting);
    // One snapshot, so that the counters and the stays whose ranks are read agree while appends go on.
    if (em.getPlatform() instanceof PostgreSqlPlatform) return em.transactional(read, { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
    return read(em);
  }

  private async readIn(em: EntityManager, campaignId: string, today: IsoDate, longestWaiting: number): Promise<StageStatisticsReading> {
    const execute = <T>(sql: string, params: readonly unknown[]): Promise<T[]> => rows<T>(em, sql, params);
    // Few round trips and little query building: this answers every refresh of the dashboard.
    const counts = (
      await execute<{ category: CategoryCode; stage: CaseStage; cases: number | string; ended_stays: number | string; ended_stay_ms: number | string }>(
        'select category, stage, cases, ended_stays, ended_stay_ms from campaign_stage_count where campaign_id = ?',
        [campaignId],
      )
    ).map((row) => ({
      category: row.category,
      stage: row.stage,
      cases: Number(row.cases),
      endedStays: Number(row.ended_stays),
      endedStayMs: Number(row.ended_stay_ms),
    }));
    const p90Days = await quantilesOfStays(em, campaignId, endedStaysByStage(counts), TIME_IN_STAGE_QUANTILE);
    // Each due status counted with the ledger's own condition, the four as scalar subqueries of one query.
    const dueCounts = DUE_STATUSES.map((status) =>
      (em as SqlEntityManager)
        .createQueryBuilder(CaseRecordEntity)
        .where({ $and: [{ campaignId }, OPEN, dueStatusCondition(status, today)] } as QBFilterQuery<CaseRecordEntity>)
        .count()
        .toQuery(),
    );
    const [dueRow] = await execute<Record<DueStatus, number | string>>(
      `select ${dueCounts.map(({ sql }, index) => `(${sql}) as ${DUE_STATUSES[index] ?? ''}`).join(', ')}`,
      dueCounts.flatMap(({ params }) => params),
    );
    const dueStatus = Object.fromEntries(DUE_STATUSES.map((status) => [status, Number(dueRow?.[status] ?? 0)])) as Record<DueStatus, number>;
    const waiting = await execute<{
      case_id: string;
      unit_name: string;
      category: CategoryCode;
      stage: CaseStage;
      stage_entered_at: Date | number | string;
      due_on: string | null;
    }>(
      // The open condition written out as the partial index has it, with the stages as literals: only then do the
      // databases see that the index holds every row asked for, and read it in order, stopping after the first few.
      // A certified unit waits on nobody (动态管理 has no due date), so it is never the bottleneck.
      `select case_id, unit_name, category, stage, stage_entered_at, due_on from case_record
       where campaign_id = ? and ${FINAL_STAGES.map((stage) => `stage != '${stage}'`).join(' and ')} and stage_entered_at is not null
         and stage != 'certified'
       order by stage_entered_at, case_id limit ?`,
      [campaignId, longestWaiting],
    );
    const months = await execute<{ month: string; count: number | string }>(
      'select substr(certified_on, 1, 7) as month, count(*) as count from case_record where campaign_id = ? and certified_on is not null group by substr(certified_on, 1, 7) order by month',
      [campaignId],
    );
    return {
      counts,
      p90Days,
      dueStatus,
      longestWaiting: waiting.map((row) => ({
        caseId: row.case_id,
        unitName: row.unit_name,
        category: row.category,
        stage: row.stage,
        // SQLite keeps datetimes as epoch milliseconds.
        stageEnteredAt: new Date(row.stage_entered_at),
        dueOn: row.due_on,
      })),
      // PostgreSQL answers count(*) as a bigint, which arrives as a string.
      certificationsByMonth: months.map((row) => ({ month: row.month, count: Number(row.count) })),
    };
  }
}

/** Raw SQL inside the entity manager's transaction, if any. */
async function rows<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  return (await em.getConnection().execute(sql, [...params], 'all', em.getTransactionContext())) as T[];
}

/**
 * A quantile of each stage's ended stays from the one or two ranks it needs, read through the index on duration from
 * the long end (p90 lies there, so few entries are skipped), every stage in one round trip. A stage whose stays and
 * counter disagree (stays missing) is left out.
 */
async function quantilesOfStays(
  em: EntityManager,
  campaignId: string,
  ended: Readonly<Partial<Record<CaseStage, number>>>,
  p: number,
): Promise<Partial<Record<CaseStage, number>>> {
  const stages = (Object.entries(ended) as [CaseStage, number][]).map(([stage, completed]) => ({ stage, completed, ranks: quantileRanks(completed, p) }));
  if (!stages.length) return {};
  const ranked = await rows<{ stage: CaseStage; duration_days: number | string }>(
    em,
    stages
      .map(
        (_, index) =>
          `select * from (select stage, duration_days from case_stage_stay where campaign_id = ? and stage = ? and duration_days is not null order by duration_days desc limit ? offset ?) as r${String(index)}`,
      )
      .join(' union all '),
    stages.flatMap(({ stage, completed, ranks }) => [campaignId, stage, ranks.upper - ranks.lower + 1, completed - 1 - ranks.upper]),
  );
  const quantiles: Partial<Record<CaseStage, number>> = {};
  for (const { stage, ranks } of stages) {
    const [upper, lower = upper] = ranked
      .filter((row) => row.stage === stage)
      .map((row) => Number(row.duration_days))
      .sort((a, b) => b - a);
    if (upper !== undefined && lower !== undefined) quantiles[stage] = quantileBetween(ranks, lower, upper);
  }
  return quantiles;
}

/**
 * Folds the stage statistics of the cases already in the event store, in raw SQL (for the migration that adds them,
 * which must not depend on the entities as they will later be): every case's stays, its `stage_entered_at` and
 * `certified_on`, and the counters. Returns the cases folded.
 */
export async function backfillStageStatistics(execute: ExecuteSql, kind: 'sqlite' | 'postgresql', batchSize = 1000): Promise<number> {
  // MikroORM keeps SQLite datetimes as epoch milliseconds.
  const instant = (date: Date | null): unknown => (date === null ? null : kind === 'sqlite' ? date.getTime() : date.toISOString());
  const stages = new StageStatisticsFold();
  let current: CaseState | null = null;
  let cases = 0;
  const finishCase = async (state: CaseState): Promise<void> => {
    await execute('update case_record set stage_entered_at = ?, certified_on = ? where case_id = ?', [
      instant(stages.stageEnteredAt()),
      state.certification?.certifiedOn ?? null,
      state.caseId,
    ]);
    for (const stay of stages.takeStays()) {
      await execute(
        'insert into case_stage_stay (case_id, entered_sequence, campaign_id, category, stage, entered_at, left_at, duration_days) values (?, ?, ?, ?, ?, ?, ?, ?)',
        [stay.caseId, stay.enteredSequence, stay.campaignId, stay.category, stay.stage, instant(stay.enteredAt), instant(stay.leftAt), stay.durationDays],
      );
    }
    cases += 1;
  };
  let after = { caseId: '', sequence: 0 };
  for (;;) {
    const batch = await execute(
      'select case_id, sequence, type, payload, occurred_at from case_event where case_id > ? or (case_id = ? and sequence > ?) order by case_id, sequence limit ?',
      [after.caseId, after.caseId, after.sequence, batchSize],
    );
    for (const row of batch) {
      const caseId = String(row.case_id);
      if (current && current.caseId !== caseId) await finishCase(current);
      const previous: CaseState | null = current?.caseId === caseId ? current : null;
      const payload: unknown = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
      const at = new Date(row.occurred_at as number | string | Date);
      current = caseStateAfter(previous, caseId, { type: row.type, payload } as CaseEventBody);
      stages.apply(previous?.stage ?? null, current, at);
      after = { caseId, sequence: Number(row.sequence) };
    }
    if (batch.length < batchSize) break;
  }
  if (current) await finishCase(current);
  for (const counter of stages.counters()) {
    await execute('insert into campaign_stage_count (campaign_id, category, stage, cases, ended_stays, ended_stay_ms) values (?, ?, ?, ?, ?, ?)', [
      counter.campaignId,
      counter.category,
      counter.stage,
      counter.cases,
      counter.endedStays,
      counter.endedStayMs,
    ]);
  }
  return cases;
}
