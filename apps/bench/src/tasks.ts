import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { quantile } from 'simple-statistics';
import {
  addCalendarDays,
  CATEGORY_CODES,
  initialCaseState,
  shanghaiDate,
  SYSTEM_ACTOR,
  workingDayOnOrAfter,
  type CaseState,
  type HumanRole,
  type PlanStatus,
} from '#domain';
import { AccountStore, CaseRecordEntity, migrateUp, openOrm, UnitEntity } from '#persistence';
import { startBenchApi } from './bench-api.js';
import { freshBenchDatabase } from './bench-database.js';

/**
 * npm run bench:tasks -- [--cases 10000] [--requests 200] [--database sqlite|postgresql] [--postgres-url URL]
 * GET /api/me/tasks (我的待办) with N open cases: the read model is filled directly through the persistence layer, one
 * CaseRecordEntity a case built from its folded state exactly as the projection builds it on each append (no events,
 * no Temporal: the list reads only case_record), on a fresh SQLite file or a fresh PostgreSQL database. Then the api,
 * alone in its own process as `npm start` runs it, answers R requests per role over loopback HTTP, one at a time after
 * a warm-up, and p50 / p95 of each are printed.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '200' },
    database: { type: 'string', default: 'sqlite' },
    'postgres-url': { type: 'string', default: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const CASES = Number(values.cases);
const REQUESTS = Number(values.requests);
const KIND = values.database === 'postgresql' ? 'postgresql' : 'sqlite';
const PASSWORD = randomBytes(24).toString('base64url');
const ASSESSORS = 50;
/** Requests per role before the timed ones (the api's code paths warm up). */
const WARM_UP = 100;

/** A small deterministic generator, so that every run fills the same cases. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Where the open cases stand: 40 % in cultivation (by plan status), 15 % assessing themselves, 20 % under inspection,
 * 5 % rectifying, 10 % passed and 10 % recommended; due dates from two months ago to eight months ahead.
 */
function openCase(index: number, campaignId: string, unitId: string, assessorIds: readonly string[], random: () => number): CaseState {
  const base = initialCaseState({
    caseId: `case:${campaignId}:${unitId}`,
    campaignId,
    unitId,
    unitName: `基准单位 ${String(index).padStart(5, '0')}`,
    category: CATEGORY_CODES[index % CATEGORY_CODES.length] ?? 'village',
  });
  const due = workingDayOnOrAfter(addCalendarDays(shanghaiDate(new Date()), Math.floor(random() * 300) - 60));
  const pick = (count: number) => {
    const pool = [...assessorIds];
    for (let i = 0; i < count; i += 1) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] ?? '', pool[i] ?? ''];
    }
    return pool.slice(0, count);
  };
  const share = random();
  if (share < 0.4) {
    const plans: PlanStatus[] = ['not_submitted', 'submitted', 'returned', 'approved', 'approved', 'approved', 'submitted', 'not_submitted'];
    return { ...base, stage: 'cultivation', planStatus: plans[index % plans.length] ?? 'approved', deadlines: { cultivation: due } };
  }
  const cultivated = { ...base, planStatus: 'approved' as const, progressReports: 2, deadlines: { cultivation: addCalendarDays(due, -90) } };
  if (share < 0.55)
    return {
      ...cultivated,
      stage: 'self_assessment',
      assessorIds: random() < 0.5 ? [] : pick(2),
      deadlines: { ...cultivated.deadlines, self_assessment: due },
    };
  const assessed = { ...cultivated, selfAssessmentTotal: 88 };
  if (share < 0.75) {
    const assigned = pick(random() < 0.1 ? 1 : 2 + Math.floor(random() * 2));
    const sheets = Object.fromEntries(assigned.filter(() => random() < 0.4).map((id) => [id, { scores: [], vetoes: [] }]));
    return { ...assessed, stage: 'inspection', assessorIds: assigned, inspection: { round: 1, sheets }, deadlines: { ...assessed.deadlines, inspection: due } };
  }
  const inspected = { ...assessed, assessorIds: pick(2), inspection: { round: 1, sheets: {} } };
  if (share < 0.8)
    return {
      ...inspected,
      stage: 'rectification',
      rectificationRounds: 1,
      lastOutcome: { kind: 'rectification', total: 72 },
      deadlines: { ...inspected.deadlines, rectification: due },
    };
  const passed = { ...inspected, lastOutcome: { kind: 'pass' as const, total: 91 } };
  return share < 0.9 ? { ...passed, stage: 'passed' } : { ...passed, stage: 'recommended' };
}

async function main(): Promise<void> {
  const database = await freshBenchDatabase(KIND, values['postgres-url'], 'tasks');
  const orm = await openOrm(database.config);
  await migrateUp(orm);
  const accounts = new AccountStore(orm);
  const contactUnit = new UnitEntity({ id: randomUUID(), name: '基准单位 00000', category: 'agency', ownership: null, createdAt: new Date() });
  await orm.em.fork().insert(UnitEntity, contactUnit);
  const roles: HumanRole[] = ['administrator', 'assessor', 'unit_contact', 'jinhua_reviewer', 'auditor'];
  const ids = new Map<HumanRole, string>();
  for (const role of roles) {
    const account = await accounts.create(
      {
        username: `bench.${role.replace('_', '-')}`,
        displayName: role,
        role,
        password: PASSWORD,
        ...(role === 'unit_contact' ? { unitId: contactUnit.id } : {}),
      },
      SYSTEM_ACTOR,
    );
    ids.set(role, account.id);
  }
  // The benchmarked assessor is one of a pool of ASSESSORS, so they have about 1/ASSESSORS of the inspections.
  const assessorIds = [ids.get('assessor') ?? '', ...Array.from({ length: ASSESSORS - 1 }, () => randomUUID())];
  const campaigns = Array.from({ length: 5 }, () => randomUUID());
  const random = generator(20_191_231);
  const started = performance.now();
  for (let from = 0; from < CASES; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, CASES - from) }, (_, offset) => {
      const index = from + offset;
      const state = openCase(index, campaigns[index % campaigns.length] ?? '', index === 0 ? contactUnit.id : randomUUID(), assessorIds, random);
      return new CaseRecordEntity(state, new Date());
    });
    await orm.em.fork().insertMany(CaseRecordEntity, rows);
  }
  const filled = performance.now() - started;
  // As autovacuum leaves a table that has been in use: statistics and visibility map up to date.
  if (database.config.kind === 'postgresql') await orm.em.getConnection().execute('vacuum analyze case_record');
  await orm.close();

  const dir = mkdtempSync(join(tmpdir(), 'qinglian-bench-tasks-api-'));
  const bench = await startBenchApi({ DATA_DIR: dir, DATABASE_URL: database.url, AUTH_LOGIN_RATE_LIMIT: '1000' });
  const { url } = bench;
  try {
    console.log(
      `我的待办 GET /api/me/tasks, ${CASES.toLocaleString('en')} open cases on ${KIND} (filled in ${(filled / 1000).toFixed(1)} s), ${REQUESTS} requests each:`,
    );
    const tokens = new Map<HumanRole, string>();
    for (const role of roles) {
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `bench.${role.replace('_', '-')}`, password: PASSWORD }),
      });
      tokens.set(role, ((await login.json()) as { accessToken: string }).accessToken);
    }
    const row = async (role: HumanRole, path: string, label: string): Promise<void> => {
      const headers = { authorization: `Bearer ${tokens.get(role) ?? ''}` };
      let total = 0;
      const times: number[] = [];
      for (let request = -WARM_UP; request < REQUESTS; request += 1) {
        const at = performance.now();
        const answer = await fetch(`${url}${path}`, { headers });
        const body = (await answer.json()) as { total: number };
        if (answer.status !== 200) throw new Error(`${label}: ${answer.status} ${JSON.stringify(body)}`);
        if (request >= 0) times.push(performance.now() - at);
        total = body.total;
      }
      console.log(
        `  ${label.padEnd(44)}${String(total).padStart(6)}   ${quantile(times, 0.5).toFixed(1).padStart(6)}   ${quantile(times, 0.95).toFixed(1).padStart(6)}`,
      );
    };
    console.log(`  ${'role (page 1 of 20 unless said)'.padEnd(44)}${'tasks'.padStart(6)}   p50 ms   p95 ms`);
    for (const role of roles) {
      await row(role, '/me/tasks?page=1&pageSize=20', role);
      // The office has thousands of tasks: also a page deep in the list, and the largest page.
      if (role === 'administrator') {
        await row(role, '/me/tasks?page=100&pageSize=20', `${role} (page=100)`);
        await row(role, '/me/tasks?page=1&pageSize=100', `${role} (pageSize=100)`);
      }
    }
    // 台账: the case list as the office and the others page, filter and search it (unit names are 基准单位 00000…).
    const campaign = campaigns[0] ?? '';
    const lists: readonly (readonly [HumanRole, string, string])[] = [
      ['administrator', '', 'administrator, by unit name'],
      ['administrator', 'sort=dueOn', 'administrator, by due date'],
      ['administrator', 'sort=dueOn&order=desc&page=50', 'administrator, by due date desc, page 50'],
      ['administrator', `campaignId=${campaign}&stage=inspection&open=true`, 'administrator, one campaign, 检查中'],
      ['administrator', 'dueStatus=overdue&sort=dueOn', 'administrator, 逾期'],
      ['administrator', `q=${encodeURIComponent('单位 0123')}`, 'administrator, search 单位 0123'],
      ['administrator', `q=${encodeURIComponent('基准')}&sort=stageEnteredAt`, 'administrator, search 基准 (every case)'],
      ['administrator', `q=${encodeURIComponent('没有的单位')}`, 'administrator, search, no match'],
      ['assessor', '', 'assessor, their cases'],
      ['unit_contact', '', 'unit contact, their unit'],
      ['jinhua_reviewer', '', 'Jinhua reviewer'],
    ];
    console.log(`案件列表与搜索 GET /api/cases:`);
    console.log(`  ${'who, what (page 1 of 20 unless said)'.padEnd(44)}${'total'.padStart(6)}   p50 ms   p95 ms`);
    for (const [role, query, label] of lists) await row(role, `/cases?${query}`, label);
  } finally {
    await bench.stop();
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}

await main();
