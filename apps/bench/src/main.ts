import 'reflect-metadata';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import pMap from 'p-map';
import { quantile } from 'simple-statistics';
import { repoRoot, WORKER_NODE_FLAGS } from '#config';
import { CaseSearchAttributes } from '#contracts';
import { CATEGORY_CODES, indicatorsOf, type CategoryCode, type IndicatorFramework } from '#domain';
import { migrateUp, openOrm } from '#persistence';
import { floorCase, floorStep } from '../../../workflows/src/floor.workflow.js';
import { freshBenchDatabase } from './bench-database.js';
import type { BenchWorkerMemory, FromBenchWorker, ToBenchWorker } from './bench-protocol.js';
import { cpuMilliseconds, processWith } from './resident-memory.js';

/**
 * npm run bench:lifecycle -- [--cases N] [--concurrency C] [--single S] [--enroll M] [--batch B] [--database sqlite|postgresql]
 *   [--cache K] [--heap MB] [--parallel P] [--profile DIR] [--rest SECONDS]
 * On the embedded stack (Temporal dev server; the app on SQLite, or PostgreSQL with --database) with the api and the
 * worker each in its own process, as in production. Three variants of the same driver (N cases, each enrolled and then
 * taken through ten steps, C concurrent actors; then S cases with one actor):
 * - floor: Temporal alone, the same eleven calls going straight through the Temporal client to a workflow whose update
 *   handler runs one local activity that does nothing (workflows/src/floor.workflow.ts), on the same dev server;
 * - baseline: the product over HTTP with an append that writes no event (it only updates the read model);
 * - lifecycle: the product.
 * Then M enrollments both ways: the floor's start + first update, E at a time (E = the batch endpoint's parallelism),
 * against the product's streaming batch endpoint (B rows a request, 10,000 at most); and each worker's resident memory
 * with them all open, at once and after SECONDS at rest.
 * Each figure of ours is printed as a ratio to the floor measured in the same run.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '20' },
    single: { type: 'string', default: '6' },
    enroll: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '10000' },
    database: { type: 'string', default: 'sqlite' },
    'postgres-url': { type: 'string', default: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    cache: { type: 'string' },
    heap: { type: 'string', default: '192' },
    /** Cases the batch endpoint starts at once (ENROLLMENT_PARALLELISM); the floor's enrollment starts as many. */
    parallel: { type: 'string', default: '16' },
    /** A folder for CPU profiles of the api and the worker (node --cpu-prof), written when they stop. */
    profile: { type: 'string' },
    /** Seconds the workers are left at rest before their memory is measured again (a deployed worker is mostly idle). */
    rest: { type: 'string', default: '30' },
  },
});
const CASES = Number(values.cases);
const CONCURRENCY = Number(values.concurrency);
const SINGLE = Number(values.single);
const ENROLL = Number(values.enroll);
const REST_SECONDS = Number(values.rest);
const BATCH = Number(values.batch);
const KIND = values.database === 'postgresql' ? 'postgresql' : 'sqlite';
const ENROLL_CONCURRENCY = Number(values.parallel);
/** Enrollment and the ten steps after it, as a certified case takes them. */
const CALLS_PER_CASE = 11;

const ADMIN_USERNAME = 'bench-admin';
const ADMIN_PASSWORD = randomBytes(24).toString('base64url');

/** Api tokens of the cast (one administrator, two assessors, a Jinhua reviewer); unit contacts get one per unit. */
interface Cast {
  readonly admin: string;
  readonly alice: string;
  readonly bob: string;
  readonly jinhua: string;
  /** The assessors' actor ids, to assign them. */
  readonly assessorIds: readonly [string, string];
}

interface Run {
  readonly variant: string;
  readonly actors: number;
  readonly cases: number;
  readonly steps: number;
  readonly seconds: number;
  readonly latencies: readonly number[];
  /** CPU time each watched process used during the run, in ms. */
  readonly cpu: ReadonlyMap<string, number>;
}

/** The processes whose CPU time each run reports, by name: the dev server, the workers, the api, the driver itself. */
const watched = new Map<string, () => number | undefined>([
  [
    'driver',
    () => {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    },
  ],
]);

/** Times one call of a run. */
type Timed = <T>(call: () => Promise<T>) => Promise<T>;

interface Stack {
  base: string;
  worker: BenchWorker;
  stop(): Promise<void>;
}

interface BenchWorker {
  readonly pid: number;
  memory(): Promise<BenchWorkerMemory>;
  stop(): Promise<void>;
}

const megabytes = (bytes: number): number => Math.round(bytes / 1024 / 1024);
const profiling = values.profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${values.profile}`];

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

/** One batch through the streaming endpoint: its progress lines counted, its result checked (every row enrolled). */
async function enrollStreaming(base: string, campaignId: string, units: readonly object[], token: string): Promise<number> {
  const response = await fetch(`${base}/campaigns/${campaignId}/enrollments/batch/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ units }),
  });
  const lines = (await response.text())
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; result?: { enrolled: number } });
  const last = lines.at(-1);
  if (!response.ok || last?.type !== 'result' || last.result?.enrolled !== units.length) {
    throw new Error(`batch enrollment: ${String(response.status)} ${JSON.stringify(last)}`);
  }
  return lines.filter((line) => line.type === 'progress').length;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

const children = new Set<ChildProcess>();
// However the driver ends, the api and worker processes end with it.
process.on('exit', () => {
  for (const running of children) running.kill('SIGKILL');
});
/** The run's Temporal dev server: stopped on an interrupt too, since it is a process of its own. */
let temporal: TestWorkflowEnvironment | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (temporal?.teardown() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

function child(script: string, env: NodeJS.ProcessEnv, execArgv: string[] = []): ChildProcess {
  const started = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(started);
  started.once('exit', () => children.delete(started));
  return started;
}

async function stopChild(running: ChildProcess, ask: () => void): Promise<void> {
  if (running.exitCode !== null) return;
  const exited = once(running, 'exit');
  ask();
  await exited;
}

async function startWorker(env: NodeJS.ProcessEnv): Promise<BenchWorker> {
  // Started as npm start and docker compose start the worker.
  const worker = child('./bench-worker.js', { ...env, WORKFLOW_THREAD_HEAP_MB: values.heap }, ['--expose-gc', ...WORKER_NODE_FLAGS, ...profiling]);
  const next = (): Promise<FromBenchWorker> =>
    Promise.race([
      once(worker, 'message').then(([message]) => message as FromBenchWorker),
      once(worker, 'exit').then(([code]) => Promise.reject(new Error(`bench worker exited with ${String(code)}`))),
    ]);
  await next();
  let stopping = false;
  worker.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`the bench worker exited during the run (${String(code ?? signal)})`);
    process.exit(1);
  });
  const send = (message: ToBenchWorker): void => {
    worker.send(message);
  };
  return {
    pid: worker.pid ?? 0,
    memory: async () => {
      const reply = next();
      send({ type: 'memory' });
      const message = await reply;
      if (message.type !== 'memory') throw new Error(`unexpected ${message.type} from the bench worker`);
      return message;
    },
    stop: () => {
      stopping = true;
      return stopChild(worker, () => {
        send({ type: 'stop' });
      });
    },
  };
}

async function startApi(env: NodeJS.ProcessEnv): Promise<{ base: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const api = child('../../api/src/main.js', { ...env, HOST: '127.0.0.1', PORT: String(port) }, profiling);
  const base = `http://127.0.0.1:${String(port)}/api`;
  const startedAt = performance.now();
  for (;;) {
    if (api.exitCode !== null) throw new Error(`the api exited with ${String(api.exitCode)}`);
    const healthy = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (performance.now() - startedAt > 60_000) throw new Error('the api did not become healthy within 60 s');
    await setTimeout(200);
  }
  return { base, pid: api.pid ?? 0, stop: () => stopChild(api, () => api.kill('SIGTERM')) };
}

async function startStack(env: TestWorkflowEnvironment, variant: 'baseline' | 'lifecycle'): Promise<Stack> {
  const database = await freshBenchDatabase(KIND, values['postgres-url'], variant);
  const orm = await openOrm(database.config);
  await migrateUp(orm);
  await orm.close();
  const settings = stackSettings(env, variant, database.url);
  const worker = await startWorker({ ...settings, BENCH_VARIANT: variant });
  const api = await startApi(settings);
  watched.set('worker', () => cpuMilliseconds(worker.pid));
  watched.set('api', () => cpuMilliseconds(api.pid));
  return {
    base: api.base,
    worker,
    stop: async () => {
      await api.stop();
      await worker.stop();
      await database.drop();
    },
  };
}

function stackSettings(env: TestWorkflowEnvironment, variant: string, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_TASK_QUEUE: `bench-${variant}`,
    LOG_LEVEL: 'error',
    BOOTSTRAP_ADMIN_USERNAME: ADMIN_USERNAME,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    // The prebuilt bundle production workers load (npm run build:workflows), not one bundled at start-up.
    WORKFLOW_BUNDLE_PATH: join(repoRoot(), 'dist/workflow-bundle.js'),
    ENROLLMENT_PARALLELISM: String(ENROLL_CONCURRENCY),
    ...(values.cache === undefined ? {} : { WORKER_MAX_CACHED_WORKFLOWS: values.cache }),
  };
}

/** Temporal alone: the floor workflow's worker (its own process, like ours) and the client that drives it. */
async function startFloor(env: TestWorkflowEnvironment, dataDir: string): Promise<{ client: Client; taskQueue: string; worker: BenchWorker }> {
  const settings = stackSettings(env, 'floor', `sqlite:${join(dataDir, 'floor-unused.sqlite')}`);
  const bundlePath = join(dataDir, 'floor-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('../../../workflows/src/floor.workflow.js', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
  writeFileSync(bundlePath, code);
  const worker = await startWorker({ ...settings, BENCH_VARIANT: 'floor', FLOOR_BUNDLE_PATH: bundlePath });
  watched.set('floor worker', () => cpuMilliseconds(worker.pid));
  return { client: env.client, taskQueue: String(settings.TEMPORAL_TASK_QUEUE), worker };
}

async function castOf(base: string): Promise<{ cast: Cast; apiToken: (role: string, extra?: Record<string, unknown>) => Promise<Record<string, unknown>> }> {
  const session = String((await post(base, '/auth/login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD })).accessToken);
  const apiToken = (role: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> =>
    post(base, '/api-tokens', { name: `bench ${role}`, role, expiresInDays: 1, ...extra }, session);
  const [admin, alice, bob, jinhua] = await Promise.all([apiToken('administrator'), apiToken('assessor'), apiToken('assessor'), apiToken('jinhua_reviewer')]);
  return {
    cast: {
      admin: String(admin.token),
      alice: String(alice.token),
      bob: String(bob.token),
      jinhua: String(jinhua.token),
      assessorIds: [String(alice.actorId), String(bob.actorId)],
    },
    apiToken,
  };
}

/** Runs `cases` lifecycles, `actors` at a time, timing each call. */
async function drive(variant: string, cases: number, actors: number, lifecycle: (index: number, timed: Timed) => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  const timed: Timed = async (call) => {
    const started = performance.now();
    const result = await call();
    latencies.push(performance.now() - started);
    return result;
  };
  const started = performance.now();
  const cpu = await cpuDuring(() =>
    pMap(
      Array.from({ length: cases }, (_, index) => index),
      (index) => lifecycle(index, timed),
      { concurrency: actors },
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  return { variant, actors, cases, steps: latencies.length, seconds, latencies, cpu };
}

/** The CPU time (ms) each watched process used while `work` ran. */
async function cpuDuring(work: () => Promise<unknown>): Promise<Map<string, number>> {
  const cpuNow = (): Map<string, number | undefined> => new Map([...watched].map(([name, read]) => [name, read()]));
  const cpuBefore = cpuNow();
  await work();
  const cpu = new Map<string, number>();
  for (const [name, after] of cpuNow()) {
    const before = cpuBefore.get(name);
    if (before !== undefined && after !== undefined && after > before) cpu.set(name, after - before);
  }
  return cpu;
}

/** CPU a call, by process: `name 1.2, …` in ms. */
function cpuPerCall(cpu: ReadonlyMap<string, number>, calls: number): string {
  return [...cpu].map(([name, ms]) => `${name} ${(ms / calls).toFixed(1)}`).join(', ');
}

/** A campaign of the product's and the cast that takes its steps over HTTP. */
interface HttpCampaign {
  readonly base: string;
  readonly campaignId: string;
  readonly cast: Cast;
  readonly frameworks: Readonly<Record<CategoryCode, IndicatorFramework>>;
  readonly apiToken: (role: string, extra?: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

async function httpCampaign(variant: string, base: string): Promise<HttpCampaign> {
  const { cast, apiToken } = await castOf(base);
  const frameworks = {} as Record<CategoryCode, IndicatorFramework>;
  for (const category of CATEGORY_CODES) {
    frameworks[category] = (await (
      await fetch(`${base}/frameworks/${category}/2019.1`, { headers: { authorization: `Bearer ${cast.admin}` } })
    ).json()) as IndicatorFramework;
  }
  const campaignId = String((await post(base, '/campaigns', { year: 2019, name: `bench-${variant}` }, cast.admin)).id);
  return { base, campaignId, cast, frameworks, apiToken };
}

/** One case through the product's whole lifecycle over HTTP; units are named after `run` and the case's index. */
function httpLifecycle({ base, campaignId, cast, frameworks, apiToken }: HttpCampaign, run: string) {
  const sheet = (category: CategoryCode, share: number) => ({
    scores: indicatorsOf(frameworks[category]).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * share, evidence: ['台账'] })),
    vetoes: [],
  });
  return async (index: number, timed: Timed): Promise<void> => {
    const category = CATEGORY_CODES[index % CATEGORY_CODES.length] ?? 'village';
    const unit = await post(
      base,
      '/units',
      { name: `基准单位 ${run} ${String(index)}`, category, ...(category === 'enterprise' ? { ownership: 'private' } : {}) },
      cast.admin,
    );
    const contact = String((await apiToken('unit_contact', { unitId: unit.id })).token);
    const step = (path: string, body: unknown, token: string) => timed(() => post(base, path, body, token));
    const enrolled = await step(`/campaigns/${campaignId}/enrollments`, { unitId: unit.id }, cast.admin);
    const c = `/cases/${String(enrolled.caseId)}`;
    await step(`${c}/plan`, { summary: '方案' }, contact);
    await step(`${c}/plan/review`, { approve: true }, cast.admin);
    await step(`${c}/progress-reports`, { summary: '进度' }, contact);
    await step(`${c}/readiness`, {}, contact);
    await step(`${c}/assessors`, { assessorIds: cast.assessorIds }, cast.admin);
    await step(`${c}/self-assessment`, sheet(category, 0.95), contact);
    await step(`${c}/inspection-scores`, sheet(category, 0.9), cast.alice);
    await step(`${c}/inspection-scores`, sheet(category, 0.9), cast.bob);
    await step(`${c}/recommendation`, {}, cast.admin);
    await step(`${c}/jinhua-decision`, { certified: true, documentNumber: `金纪〔2019〕${String(index)}号`, certifiedOn: '2019-12-20' }, cast.jinhua);
  };
}

/** The same eleven calls through the Temporal client alone: start + first update, then ten updates, the last ending it. */
function floorLifecycle(client: Client, taskQueue: string, run: string, steps = CALLS_PER_CASE) {
  return async (index: number, timed: Timed): Promise<void> => {
    const workflowId = `bench-floor-${run}-${String(index)}`;
    await timed(() =>
      client.workflow.executeUpdateWithStart(floorStep, {
        args: [steps === 1],
        startWorkflowOperation: new WithStartWorkflowOperation(floorCase, { workflowId, taskQueue, workflowIdConflictPolicy: 'FAIL' }),
      }),
    );
    const handle = client.workflow.getHandle(workflowId);
    for (let step = 2; step <= steps; step += 1) await timed(() => handle.executeUpdate(floorStep, { args: [step === steps] }));
  };
}

/** The worker's memory after REST_SECONDS with nothing to do (V8 and the allocator give memory back when idle). */
async function atRest(worker: BenchWorker): Promise<BenchWorkerMemory> {
  await setTimeout(REST_SECONDS * 1000);
  return worker.memory();
}

function describeMemory({ rss, heapUsed, heapTotal }: BenchWorkerMemory): string {
  return `${String(megabytes(rss))} MB (main heap ${String(megabytes(heapUsed))} of ${String(megabytes(heapTotal))} MB)`;
}

const stepsPerSecond = (run: Run): number => run.steps / run.seconds;
const p50 = (run: Run): number => quantile([...run.latencies], 0.5);
const percent = (ours: number, floor: number): string => `${((100 * ours) / floor).toFixed(0)} %`;

function describeRun(run: Run): string {
  const [q50, q95, q99] = quantile([...run.latencies], [0.5, 0.95, 0.99]).map((ms) => ms.toFixed(1));
  const cpu = cpuPerCall(run.cpu, run.steps);
  return `${run.variant.padEnd(9)} ${String(run.actors).padStart(2)} actor(s), ${String(run.cases)} cases, ${String(run.steps)} calls in ${run.seconds.toFixed(1)} s: ${stepsPerSecond(run).toFixed(1)} steps/s; p50 ${q50 ?? '?'} ms, p95 ${q95 ?? '?'} ms, p99 ${q99 ?? '?'} ms\n          CPU a call (ms): ${cpu}`;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cli = execFileSync('bash', [join(repoRoot(), 'scripts/temporal-cli.sh')], { encoding: 'utf8' }).trim();
  const env = (temporal = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: cli }, searchAttributes: Object.values(CaseSearchAttributes), extraArgs: ['--log-level', 'error'] },
  }));
  const serverPid = processWith(['start-dev', '--port', new URL(`http://${env.address}`).port]);
  if (serverPid !== undefined) watched.set('server', () => cpuMilliseconds(serverPid));
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-bench-'));
  try {
    console.log(
      `Node ${process.version}; ${String(CONCURRENCY)} concurrent actors, then 1; Temporal dev server; the app on ${KIND}; api and workers in their own processes; worker cache ${values.cache ?? 'default'}, workflow thread heap limit ${values.heap} MB`,
    );
    const floor = await startFloor(env, dataDir);
    const floorSaturated = await drive('floor', CASES, CONCURRENCY, floorLifecycle(floor.client, floor.taskQueue, 'saturated'));
    console.log(describeRun(floorSaturated));

    const baselineStack = await startStack(env, 'baseline');
    const baseline = await drive('baseline', CASES, CONCURRENCY, httpLifecycle(await httpCampaign('baseline', baselineStack.base), 'saturated'));
    console.log(describeRun(baseline));
    await baselineStack.stop();

    const stack = await startStack(env, 'lifecycle');
    const campaign = await httpCampaign('lifecycle', stack.base);
    const saturated = await drive('lifecycle', CASES, CONCURRENCY, httpLifecycle(campaign, 'saturated'));
    console.log(describeRun(saturated));
    const single = await drive('lifecycle', SINGLE, 1, httpLifecycle(campaign, 'single'));
    console.log(describeRun(single));
    const floorSingle = await drive('floor', SINGLE, 1, floorLifecycle(floor.client, floor.taskQueue, 'single'));
    console.log(describeRun(floorSingle));

    const idle = await stack.worker.memory();
    const floorEnrollment = await drive('floor', ENROLL, ENROLL_CONCURRENCY, floorLifecycle(floor.client, floor.taskQueue, 'enroll', 1));
    const floorEnrollRate = ENROLL / floorEnrollment.seconds;
    console.log(
      `floor     started ${String(ENROLL)} workflows with their first update, ${String(ENROLL_CONCURRENCY)} at a time, in ${floorEnrollment.seconds.toFixed(1)} s (${floorEnrollRate.toFixed(1)} workflows/s)\n          CPU a workflow (ms): ${cpuPerCall(floorEnrollment.cpu, ENROLL)}`,
    );
    const floorLoaded = await floor.worker.memory();
    const floorRested = await atRest(floor.worker);
    await floor.worker.stop();
    const rows = Array.from({ length: ENROLL }, (_, index) => ({ name: `基准批量单位 ${String(index)}`, category: 'village' }));
    let progressLines = 0;
    const enrollStarted = performance.now();
    const enrollCpu = await cpuDuring(async () => {
      for (let index = 0; index < rows.length; index += BATCH) {
        const lines = await enrollStreaming(stack.base, campaign.campaignId, rows.slice(index, index + BATCH), campaign.cast.admin);
        progressLines += lines;
      }
    });
    const enrollSeconds = (performance.now() - enrollStarted) / 1000;
    const enrollRate = ENROLL / enrollSeconds;
    console.log(
      `lifecycle enrolled ${String(ENROLL)} cases in batches of ${String(BATCH)} in ${enrollSeconds.toFixed(1)} s (${enrollRate.toFixed(1)} cases/s), ${String(progressLines)} progress lines streamed\n          CPU a case (ms): ${cpuPerCall(enrollCpu, ENROLL)}`,
    );
    const loaded = await stack.worker.memory();
    const rested = await atRest(stack.worker);
    console.log(`worker resident memory: ${describeMemory(idle)} after the lifecycle runs; ${describeMemory(loaded)} with ${String(ENROLL)} more cases open`);
    console.log(`floor worker resident memory: ${describeMemory(floorLoaded)} with its ${String(ENROLL)} workflows open`);
    console.log(`after ${String(REST_SECONDS)} s at rest: worker ${describeMemory(rested)}, floor worker ${describeMemory(floorRested)}`);
    await stack.stop();

    console.log(`\nagainst the floor, same run (${KIND}):`);
    console.log(
      `  steps/s, ${String(CONCURRENCY)} actors: ${percent(stepsPerSecond(saturated), stepsPerSecond(floorSaturated))} of the floor (target ≥ 70 %); baseline ${percent(stepsPerSecond(baseline), stepsPerSecond(floorSaturated))}`,
    );
    console.log(`  step p50, 1 actor: floor + ${(p50(single) - p50(floorSingle)).toFixed(1)} ms (target ≤ + 5 ms)`);
    console.log(`  enrollment: ${percent(enrollRate, floorEnrollRate)} of the floor's start rate (target ≥ 80 %)`);
  } finally {
    await env.teardown();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
