import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pMap from 'p-map';
import { quantile } from 'simple-statistics';
import { campaignSettings, SYSTEM_ACTOR } from '#domain';
import { AccountStore, CampaignEntity, CaseEventStore, migrateUp, openOrm, ProjectionRebuilder } from '#persistence';
import { startBenchApi } from './bench-api.js';
import { freshBenchDatabase } from './bench-database.js';
import { campaignCases, insertChainedInBulk } from './campaign-fill.js';

/**
 * npm run bench:statistics -- [--cases 10000] [--events 200000] [--requests 200] [--database sqlite|postgresql]
 *   [--fill append|rebuild] [--concurrency 4] [--postgres-url URL] [--keep]
 * GET /api/campaigns/:id/statistics (督办看板) for one campaign of N cases and about E events, on a fresh SQLite file
 * or PostgreSQL database. `--fill append` writes every event through CaseEventStore.append (the worker's path: the
 * event, the case read model and the stage projection in one transaction, C cases at a time) and reports the append
 * rate; `--fill rebuild` inserts the hash-chained events in bulk and builds the projections with
 * `npm run projections:rebuild`'s code (for sizes where appending one by one takes too long), and reports how long
 * the rebuild took. Then the api, alone in its own process, answers R requests one after the other after a warm-up.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    events: { type: 'string', default: '200000' },
    requests: { type: 'string', default: '200' },
    database: { type: 'string', default: 'sqlite' },
    fill: { type: 'string', default: 'append' },
    concurrency: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
    'postgres-url': { type: 'string', default: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const CASES = Number(values.cases);
const EVENTS = Number(values.events);
const REQUESTS = Number(values.requests);
const KIND = values.database === 'postgresql' ? 'postgresql' : 'sqlite';
const FILL = values.fill === 'rebuild' ? 'rebuild' : 'append';
const CONCURRENCY = Number(values.concurrency);
const WARM_UP = 50;
const SIZE = { cases: CASES, events: EVENTS };
const PASSWORD = randomBytes(24).toString('base64url');

async function main(): Promise<void> {
  const database = await freshBenchDatabase(KIND, values['postgres-url'], 'statistics');
  const orm = await openOrm(database.config);
  await migrateUp(orm);
  await new AccountStore(orm).create({ username: 'bench.office', displayName: '基准管理员', role: 'administrator', password: PASSWORD }, SYSTEM_ACTOR);
  const { settings } = campaignSettings({ targets: { village: 4000, school: 1000, enterprise: 1500 } }, () => ['2019.1']);
  const campaign = new CampaignEntity({ id: randomUUID(), year: 2026, name: '基准活动', createdAt: new Date(), settings });
  await orm.em.fork().insert(CampaignEntity, campaign);
  let events = 0;
  let filled: string;
  const started = performance.now();
  if (FILL === 'append') {
    const store = new CaseEventStore(orm);
    await pMap(
      campaignCases(campaign.id, SIZE),
      async (ofCase) => {
        for (const event of ofCase) await store.append(event);
        events += ofCase.length;
      },
      { concurrency: CONCURRENCY },
    );
    const seconds = (performance.now() - started) / 1000;
    filled = `appended one by one in ${seconds.toFixed(0)} s, ${(events / seconds).toFixed(0)} events/s with ${String(CONCURRENCY)} cases at a time`;
  } else {
    events = await insertChainedInBulk(orm, campaignCases(campaign.id, SIZE));
    const inserted = (performance.now() - started) / 1000;
    const rebuildStarted = performance.now();
    await new ProjectionRebuilder(orm).rebuild();
    filled = `events inserted in bulk in ${inserted.toFixed(0)} s, projections rebuilt from them in ${((performance.now() - rebuildStarted) / 1000).toFixed(0)} s`;
  }
  // As autovacuum leaves tables that have been in use: statistics and visibility map up to date.
  if (KIND === 'postgresql') await orm.em.getConnection().execute('vacuum analyze');
  await orm.close();

  const dir = mkdtempSync(join(tmpdir(), 'qinglian-bench-statistics-api-'));
  const bench = await startBenchApi({ DATA_DIR: dir, DATABASE_URL: database.url, AUTH_LOGIN_RATE_LIMIT: '1000' });
  try {
    const login = await fetch(`${bench.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.office', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    /** R requests of `path` one after the other, after a warm-up: the answers' times and the last answer. */
    const timed = async (path: string): Promise<{ times: number[]; answer: unknown }> => {
      const times: number[] = [];
      let answer: unknown = null;
      for (let request = -WARM_UP; request < REQUESTS; request += 1) {
        const at = performance.now();
        const response = await fetch(`${bench.url}${path}`, { headers });
        answer = await response.json();
        if (response.status !== 200) throw new Error(`${String(response.status)} ${JSON.stringify(answer)}`);
        if (request >= 0) times.push(performance.now() - at);
      }
      return { times, answer };
    };
    const percentiles = (times: number[]): string => `p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`;
    // The floor on this machine at this moment: the same session check and one indexed read.
    const floor = await timed(`/campaigns/${campaign.id}`);
    const statistics = await timed(`/campaigns/${campaign.id}/statistics`);
    const figures = statistics.answer as {
      cases: number;
      dueStatus: Record<string, number>;
      passRate: number | null;
      timeInStage: Record<string, { completed: number }>;
    };
    console.log(
      `督办看板 GET /api/campaigns/:id/statistics, ${CASES.toLocaleString('en')} cases and ${events.toLocaleString('en')} events on ${KIND} (${filled}):`,
    );
    console.log(
      `  ${String(figures.cases)} cases, due status ${JSON.stringify(figures.dueStatus)}, pass rate ${String(figures.passRate)}, ` +
        `${String(Object.values(figures.timeInStage).reduce((sum, stage) => sum + stage.completed, 0))} ended stays`,
    );
    console.log(`  ${String(REQUESTS)} requests each after ${String(WARM_UP)} to warm up:`);
    console.log(`    GET /api/campaigns/:id/statistics   ${percentiles(statistics.times)}`);
    console.log(`    GET /api/campaigns/:id (the floor)  ${percentiles(floor.times)}`);
  } finally {
    await bench.stop();
    rmSync(dir, { recursive: true, force: true });
    if (values.keep) console.log(`  kept: DATABASE_URL=${database.url}`);
    else await database.drop();
  }
}

await main();
