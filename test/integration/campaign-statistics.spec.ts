import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import pMap from 'p-map';
import {
  campaignStatistics,
  CATEGORY_CODES,
  currentDueOn,
  DUE_STATUSES,
  dueStanding,
  FINAL_STAGES,
  type CaseEventBody,
  type CaseState,
  type CategoryCode,
  type DueStatus,
} from '#domain';
import {
  backfillStageStatistics,
  CaseEventStore,
  eventBodyOf,
  eventsInChainOrder,
  migrateUp,
  openOrm,
  ProjectionRebuilder,
  StageStatisticsStore,
  type WaitingCase,
} from '#persistence';
import { CASE_PATHS, casePathEvents, randomNumbers } from '../../apps/bench/src/case-paths.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { caseHistory, foldedCampaignStatistics, type StageSpan } from '../support/statistics-reference.js';

const TODAY = '2019-10-08';
const TARGETS: Partial<Record<CategoryCode, number>> = { village: 48, school: 8, hospital: 3, enterprise: 9, agency: 3 };
const HOUR_MS = 3_600_000;

/** Every case of the campaign along one of the paths, 2 per category and path, at times and due dates that vary. */
function mixedRun(campaignId: string, seed: number): ReturnType<typeof casePathEvents>[] {
  const random = randomNumbers(seed);
  return CATEGORY_CODES.flatMap((category, c) =>
    CASE_PATHS.flatMap((path, p) =>
      [0, 1].map((copy) =>
        casePathEvents({
          campaignId,
          unitId: `unit-${String(c)}-${String(p)}-${String(copy)}`,
          unitName: `${category} ${path} ${copy} 单位`,
          category,
          path,
          enrolledAt: new Date(Date.UTC(2019, 2, 1 + c * 7 + p + copy) + Math.floor(random() * 20 * HOUR_MS)),
          // Hours to a few weeks, to the millisecond, so that stays of every length meet in each stage.
          step: () => Math.floor(random() * 30 * 24 * HOUR_MS),
          dueInDays: 20 + Math.floor(random() * 200),
          progressReports: copy,
        }),
      ),
    ),
  );
}

/** The statistics as the api folded them from the events before the projection, and what the dashboard adds. */
async function foldedFromEvents(orm: MikroORM, campaignId: string) {
  const cases: { state: CaseState; spans: StageSpan[] }[] = [];
  let current = null as { caseId: string; events: { body: CaseEventBody; occurredAt: string }[] } | null;
  const close = (): void => {
    if (!current) return;
    const { state, spans } = caseHistory(current.caseId, current.events);
    if (state) cases.push({ state, spans });
  };
  for await (const event of eventsInChainOrder(orm.em.fork(), { caseIdPrefix: `case:${campaignId}:`, batchSize: 300 })) {
    if (current?.caseId !== event.caseId) {
      close();
      current = { caseId: event.caseId, events: [] };
    }
    current.events.push({ body: eventBodyOf(event), occurredAt: event.occurredAt.toISOString() });
  }
  close();
  const open = cases.filter(({ state }) => !FINAL_STAGES.includes(state.stage));
  const dueStatus = Object.fromEntries(DUE_STATUSES.map((status) => [status, 0])) as Record<DueStatus, number>;
  for (const { state } of open) dueStatus[dueStanding(currentDueOn(state) ?? null, TODAY).status] += 1;
  const longestWaiting: WaitingCase[] = open
    .filter(({ state }) => state.stage !== 'certified')
    .map(({ state, spans }) => ({
      caseId: state.caseId,
      unitName: state.unitName,
      category: state.category,
      stage: state.stage,
      stageEnteredAt: new Date(spans.at(-1)?.enteredAt ?? 0),
      dueOn: currentDueOn(state) ?? null,
    }))
    .sort((a, b) => a.stageEnteredAt.getTime() - b.stageEnteredAt.getTime() || (a.caseId < b.caseId ? -1 : 1))
    .slice(0, 10);
  const months = new Map<string, number>();
  for (const { state } of cases) {
    const month = state.certification?.certifiedOn.slice(0, 7);
    if (month) months.set(month, (months.get(month) ?? 0) + 1);
  }
  return {
    statistics: foldedCampaignStatistics(cases, TARGETS, TODAY),
    dueStatus,
    longestWaiting,
    certificationsByMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
  };
}

describe.each(DATABASE_KINDS)('campaign statistics from the stage projection on %s', (_kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;
  let statistics: StageStatisticsStore;
  const campaignId = randomUUID();

  /** The figures the api answers, from the projection. */
  async function fromProjection() {
    const reading = await statistics.read(campaignId, TODAY);
    return {
      statistics: { ...campaignStatistics(reading.counts, TARGETS, reading.p90Days), overdue: reading.dueStatus.overdue },
      dueStatus: reading.dueStatus,
      longestWaiting: reading.longestWaiting,
      certificationsByMonth: reading.certificationsByMonth,
    };
  }

  /** The projection's rows exactly as stored. */
  async function projectionRows(): Promise<unknown[]> {
    const connection = orm.em.getConnection();
    const select = async (sql: string): Promise<unknown[]> => (await connection.execute(sql)) as unknown[];
    return [
      await select('select * from case_stage_stay order by case_id, entered_sequence'),
      await select('select * from campaign_stage_count order by campaign_id, category, stage'),
      await select('select case_id, stage, stage_entered_at, certified_on from case_record order by case_id'),
    ];
  }

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    await migrateUp(orm);
    statistics = new StageStatisticsStore(orm);
    const store = new CaseEventStore(orm);
    // Cases side by side, as the workers append them: on PostgreSQL the counters take concurrent upserts.
    const cases = [...mixedRun(campaignId, 11), ...mixedRun(randomUUID(), 29).slice(0, 30)];
    await pMap(
      cases,
      async (events) => {
        for (const event of events) await store.append(event);
      },
      { concurrency: 8 },
    );
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('answers what folding every event gave, and what the dashboard adds, without reading the events', async () => {
    const folded = await foldedFromEvents(orm, campaignId);
    const projected = await fromProjection();
    expect(projected).toEqual(folded);
    // The mixed run reaches every figure: every stage, due status and path.
    expect(folded.statistics.cases).toBe(CATEGORY_CODES.length * CASE_PATHS.length * 2);
    expect(Object.values(folded.dueStatus).every((count) => count > 0)).toBe(true);
    expect(Object.keys(folded.statistics.timeInStage).sort()).toEqual(
      ['cultivation', 'inspection', 'passed', 'recommended', 'rectification', 'self_assessment', 'certified'].sort(),
    );
    expect(folded.certificationsByMonth.length).toBeGreaterThan(1);
    expect(folded.statistics.passRate).not.toBeNull();
  });

  it('rebuilds exactly the stays, counters and columns the appends kept', async () => {
    const live = await projectionRows();
    const figures = await fromProjection();
    await orm.em.getConnection().execute(`update campaign_stage_count set cases = cases + 5`);
    await orm.em.getConnection().execute(`delete from case_stage_stay where stage = 'inspection'`);
    await orm.em.getConnection().execute(`update case_record set stage_entered_at = null, certified_on = null`);
    expect(await projectionRows()).not.toEqual(live);
    await new ProjectionRebuilder(orm, 7).rebuild();
    expect(await projectionRows()).toEqual(live);
    expect(await fromProjection()).toEqual(figures);
  });

  it('folds the cases already under way when the migration adds the projection', async () => {
    const live = await projectionRows();
    const connection = orm.em.getConnection();
    await connection.execute('delete from case_stage_stay');
    await connection.execute('delete from campaign_stage_count');
    await connection.execute('update case_record set stage_entered_at = null, certified_on = null');
    // What the migration runs after creating the tables and columns, through its own raw `execute`.
    await orm.em.fork().transactional(async (em) => {
      const folded = await backfillStageStatistics(
        (sql, params) => em.getConnection().execute(sql, params, 'all', em.getTransactionContext()),
        database.config.kind,
        50,
      );
      expect(folded).toBe(CATEGORY_CODES.length * CASE_PATHS.length * 2 + 30);
    });
    expect(await projectionRows()).toEqual(live);
  });
});
