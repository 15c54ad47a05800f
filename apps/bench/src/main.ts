import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type NativeConnection } from '@temporalio/worker';
import { quantile } from 'simple-statistics';
import { AppConfig, repoRoot } from '#config';
import { CaseSearchAttributes, type CaseActivities } from '#contracts';
import { CATEGORY_CODES, indicatorsOf, type CategoryCode, type IndicatorFramework } from '#domain';
import { migrateUp } from '#persistence';
import { createApiApp } from '../../api/src/api-app.js';
import { createCaseWorker } from '../../worker/src/case-worker.js';
import { WorkerModule } from '../../worker/src/worker.module.js';

/**
 * npm run bench:lifecycle -- [--cases N] [--concurrency C] [--enroll M]
 * Drives N cases through the whole lifecycle over HTTP with C concurrent actors on the embedded stack (Temporal
 * dev server, SQLite), then the same driver against a baseline whose append activity writes nothing, then
 * enrolls M more cases in batches and reads the process's resident memory with them all open.
 */
const { values } = parseArgs({
  options: { cases: { type: 'string', default: '60' }, concurrency: { type: 'string', default: '20' }, enroll: { type: 'string', default: '2000' }, cache: { type: 'string' } },
});
const CASES = Number(values.cases);
const CONCURRENCY = Number(values.concurrency);
const ENROLL = Number(values.enroll);

/** Api tokens of the cast (one administrator, two assessors, a Jinhua reviewer); unit contacts get one per unit. */
interface Cast {
  readonly admin: string;
  readonly alice: string;
  readonly bob: string;
  readonly jinhua: string;
  /** The assessors' actor ids, to assign them. */
  readonly assessorIds: readonly [string, string];
}

interface Variant {
  name: string;
  wrap?: (activities: CaseActivities) => CaseActivities;
}

interface Run {
  variant: string;
  steps: number;
  seconds: number;
  latencies: number[];
}

async function post(base: string, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function runVariant(env: TestWorkflowEnvironment, connection: NativeConnection, variant: Variant, dataDir: string): Promise<Run & { stop: () => Promise<void>; base: string; campaignId: string; cast: Cast }> {
  const adminPassword = randomBytes(24).toString('base64url');
  const config = AppConfig.fromEnvironment({
    BOOTSTRAP_ADMIN_USERNAME: 'bench-admin',
    BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: `sqlite:${join(dataDir, `${variant.name}.sqlite`)}`,
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_TASK_QUEUE: `bench-${variant.name}`,
    LOG_LEVEL: 'error',
    ...(values.cache === undefined ? {} : { WORKER_MAX_CACHED_WORKFLOWS: values.cache }),
  });
  const context = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: false });
  await migrateUp(context.get<MikroORM>(MikroORM));
  const worker = await createCaseWorker(context, connection, variant.wrap);
  const running = worker.run();
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const base = `${(await api.getUrl()).replace('[::1]', '127.0.0.1')}/api`;
  const session = String((await post(base, '/auth/login', { username: 'bench-admin', password: adminPassword })).accessToken);
  const apiToken = async (role: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> => post(base, '/api-tokens', { name: `bench ${role}`, role, ...extra }, session);
  const [admin, alice, bob, jinhua] = await Promise.all([apiToken('administrator'), apiToken('assessor'), apiToken('assessor'), apiToken('jinhua_reviewer')]);
  const cast: Cast = {
    admin: String(admin.token),
    alice: String(alice.token),
    bob: String(bob.token),
    jinhua: String(jinhua.token),
    assessorIds: [String(alice.actorId), String(bob.actorId)],
  };
  const frameworks = {} as Record<CategoryCode, IndicatorFramework>;
  for (const category of CATEGORY_CODES) {
    frameworks[category] = (await (await fetch(`${base}/frameworks/${category}/2019.1`, { headers: { authorization: `Bearer ${cast.admin}` } })).json()) as IndicatorFramework;
  }
  const campaignId = String((await post(base, '/campaigns', { year: 2019, name: `bench-${variant.name}` }, cast.admin)).id);
  const latencies: number[] = [];
  const timed = async (path: string, body: unknown, actor?: string): Promise<Record<string, unknown>> => {
    const started = performance.now();
    const result = await post(base, path, body, actor);
    latencies.push(performance.now() - started);
    return result;
  };
  const sheet = (category: CategoryCode, share: number) => ({
    scores: indicatorsOf(frameworks[category]).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * share, evidence: ['台账'] })),
    vetoes: [],
  });
  const lifecycle = async (index: number): Promise<void> => {
    const category = CATEGORY_CODES[index % CATEGORY_CODES.length] ?? 'village';
    const unit = await post(base, '/units', { name: `基准单位 ${variant.name} ${index}`, category, ...(category === 'enterprise' ? { ownership: 'private' } : {}) }, cast.admin);
    const contact = String((await apiToken('unit_contact', { unitId: unit.id })).token);
    const enrolled = await timed(`/campaigns/${campaignId}/enrollments`, { unitId: unit.id }, cast.admin);
    const c = `/cases/${String(enrolled.caseId)}`;
    await timed(`${c}/plan`, { summary: '方案' }, contact);
    await timed(`${c}/plan/review`, { approve: true }, cast.admin);
    await timed(`${c}/progress-reports`, { summary: '进度' }, contact);
    await timed(`${c}/readiness`, {}, contact);
    await timed(`${c}/assessors`, { assessorIds: cast.assessorIds }, cast.admin);
    await timed(`${c}/self-assessment`, sheet(category, 0.95), contact);
    await timed(`${c}/inspection-scores`, sheet(category, 0.9), cast.alice);
    await timed(`${c}/inspection-scores`, sheet(category, 0.9), cast.bob);
    await timed(`${c}/recommendation`, {}, cast.admin);
    await timed(`${c}/jinhua-decision`, { certified: true, documentNumber: `金纪〔2019〕${index}号`, certifiedOn: '2019-12-20' }, cast.jinhua);
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CASES) await lifecycle(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    variant: variant.name,
    steps: latencies.length,
    seconds,
    latencies,
    base,
    campaignId,
    cast,
    stop: async () => {
      await api.close();
      worker.shutdown();
      await running;
      await context.close();
    },
  };
}

function describeRun(run: Run): string {
  const [p50, p95, p99] = quantile(run.latencies, [0.5, 0.95, 0.99]).map((ms) => ms.toFixed(1));
  return `${run.variant.padEnd(9)} ${CASES} cases, ${run.steps} steps in ${run.seconds.toFixed(1)} s: ${(CASES / run.seconds).toFixed(2)} cases/s, ${(run.steps / run.seconds).toFixed(1)} steps/s; step latency p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms`;
}

function residentMegabytes(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cli = execFileSync('bash', [join(repoRoot(), 'scripts/temporal-cli.sh')], { encoding: 'utf8' }).trim();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: cli }, searchAttributes: Object.values(CaseSearchAttributes), extraArgs: ['--log-level', 'error'] },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-bench-'));
  try {
    console.log(`Node ${process.version}, ${CONCURRENCY} concurrent actors, embedded stack (Temporal dev server, SQLite), worker cache ${values.cache ?? 'SDK default'}`);
    const baseline = await runVariant(env, env.nativeConnection, {
      name: 'baseline',
      // Updates that append nothing: the activity answers without touching the database.
      wrap: () => ({ appendCaseEvent: (input) => Promise.resolve({ ...input, type: input.event.type, payload: {}, prevHash: '', hash: '' }) }),
    }, dataDir);
    console.log(describeRun(baseline));
    await baseline.stop();
    const lifecycle = await runVariant(env, env.nativeConnection, { name: 'lifecycle' }, dataDir);
    console.log(describeRun(lifecycle));
    console.log(`lifecycle throughput = ${((100 * baseline.seconds) / lifecycle.seconds).toFixed(0)}% of the baseline`);

    const rows = Array.from({ length: ENROLL }, (_, index) => ({ name: `基准批量单位 ${index}`, category: 'village' }));
    const enrollStarted = performance.now();
    for (let index = 0; index < rows.length; index += 500) {
      await post(lifecycle.base, `/campaigns/${lifecycle.campaignId}/enrollments/batch`, { units: rows.slice(index, index + 500) }, lifecycle.cast.admin);
    }
    const enrollSeconds = (performance.now() - enrollStarted) / 1000;
    console.log(`enrolled ${ENROLL} cases in batches of 500 in ${enrollSeconds.toFixed(1)} s (${(ENROLL / enrollSeconds).toFixed(1)} cases/s)`);
    global.gc?.();
    console.log(`resident memory of the process (worker + api + driver) with ${ENROLL + CASES} cases, ${ENROLL} of them open: ${residentMegabytes()} MB`);
    await lifecycle.stop();
  } finally {
    await env.teardown();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
