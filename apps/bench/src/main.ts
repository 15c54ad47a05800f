import 'reflect-metadata';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pMap from 'p-map';
import { quantile } from 'simple-statistics';
import { repoRoot } from '#config';
import { CaseSearchAttributes } from '#contracts';
import { CATEGORY_CODES, indicatorsOf, type CategoryCode, type IndicatorFramework } from '#domain';
import { migrateUp, openOrm } from '#persistence';
import type { FromBenchWorker, ToBenchWorker } from './bench-protocol.js';

/**
 * npm run bench:lifecycle -- [--cases N] [--concurrency C] [--enroll M] [--batch B] [--cache K] [--heap MB]
 * On the embedded stack (Temporal dev server, SQLite) with the api and the worker each in its own process, as in
 * production: drives N cases through the whole lifecycle over HTTP with C concurrent actors, first against a
 * baseline worker whose append writes no event (it only updates the read model), then against the real one; then enrolls M more cases
 * through the batch endpoint (B rows a request) and reads the worker's resident memory with them all open.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '20' },
    enroll: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '1000' },
    cache: { type: 'string' },
    heap: { type: 'string', default: '192' },
  },
});
const CASES = Number(values.cases);
const CONCURRENCY = Number(values.concurrency);
const ENROLL = Number(values.enroll);
const BATCH = Number(values.batch);

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
  variant: string;
  steps: number;
  seconds: number;
  latencies: number[];
}

interface Stack {
  base: string;
  worker: BenchWorker;
  stop(): Promise<void>;
}

interface BenchWorker {
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

const megabytes = (bytes: number): number => Math.round(bytes / 1024 / 1024);

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
  // The heap limit production workers run with (npm start, docker compose).
  const worker = child('./bench-worker.js', env, ['--expose-gc', `--max-old-space-size=${values.heap}`]);
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

async function startApi(env: NodeJS.ProcessEnv): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const api = child('../../api/src/main.js', { ...env, HOST: '127.0.0.1', PORT: String(port) });
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
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { base, stop: () => stopChild(api, () => api.kill('SIGTERM')) };
}

async function startStack(env: TestWorkflowEnvironment, variant: string, dataDir: string): Promise<Stack> {
  const databasePath = join(dataDir, `${variant}.sqlite`);
  const orm = await openOrm({ kind: 'sqlite', path: databasePath });
  await migrateUp(orm);
  await orm.close();
  const settings: NodeJS.ProcessEnv = {
    DATABASE_URL: `sqlite:${databasePath}`,
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_TASK_QUEUE: `bench-${variant}`,
    LOG_LEVEL: 'error',
    BOOTSTRAP_ADMIN_USERNAME: ADMIN_USERNAME,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    // The prebuilt bundle production workers load (npm run build:workflows), not one bundled at start-up.
    WORKFLOW_BUNDLE_PATH: join(repoRoot(), 'dist/workflow-bundle.js'),
    ...(values.cache === undefined ? {} : { WORKER_MAX_CACHED_WORKFLOWS: values.cache }),
  };
  const worker = await startWorker({ ...settings, BENCH_BASELINE: variant === 'baseline' ? '1' : '0' });
  const api = await startApi(settings);
  return {
    base: api.base,
    worker,
    stop: async () => {
      await api.stop();
      await worker.stop();
    },
  };
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

async function driveLifecycles(variant: string, base: string): Promise<Run & { campaignId: string; cast: Cast }> {
  const { cast, apiToken } = await castOf(base);
  const frameworks = {} as Record<CategoryCode, IndicatorFramework>;
  for (const category of CATEGORY_CODES) {
    frameworks[category] = (await (
      await fetch(`${base}/frameworks/${category}/2019.1`, { headers: { authorization: `Bearer ${cast.admin}` } })
    ).json()) as IndicatorFramework;
  }
  const campaignId = String((await post(base, '/campaigns', { year: 2019, name: `bench-${variant}` }, cast.admin)).id);
  const latencies: number[] = [];
  const timed = async (path: string, body: unknown, token: string): Promise<Record<string, unknown>> => {
    const started = performance.now();
    const result = await post(base, path, body, token);
    latencies.push(performance.now() - started);
    return result;
  };
  const sheet = (category: CategoryCode, share: number) => ({
    scores: indicatorsOf(frameworks[category]).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * share, evidence: ['台账'] })),
    vetoes: [],
  });
  const lifecycle = async (index: number): Promise<void> => {
    const category = CATEGORY_CODES[index % CATEGORY_CODES.length] ?? 'village';
    const unit = await post(
      base,
      '/units',
      { name: `基准单位 ${variant} ${String(index)}`, category, ...(category === 'enterprise' ? { ownership: 'private' } : {}) },
      cast.admin,
    );
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
    await timed(`${c}/jinhua-decision`, { certified: true, documentNumber: `金纪〔2019〕${String(index)}号`, certifiedOn: '2019-12-20' }, cast.jinhua);
  };
  const started = performance.now();
  await pMap(
    Array.from({ length: CASES }, (_, index) => index),
    lifecycle,
    { concurrency: CONCURRENCY },
  );
  return { variant, steps: latencies.length, seconds: (performance.now() - started) / 1000, latencies, campaignId, cast };
}

function describeRun(run: Run): string {
  const [p50, p95, p99] = quantile(run.latencies, [0.5, 0.95, 0.99]).map((ms) => ms.toFixed(1));
  return `${run.variant.padEnd(9)} ${String(CASES)} cases, ${String(run.steps)} steps in ${run.seconds.toFixed(1)} s: ${(CASES / run.seconds).toFixed(2)} cases/s, ${(run.steps / run.seconds).toFixed(1)} steps/s; step latency p50 ${p50 ?? '?'} ms, p95 ${p95 ?? '?'} ms, p99 ${p99 ?? '?'} ms`;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const cli = execFileSync('bash', [join(repoRoot(), 'scripts/temporal-cli.sh')], { encoding: 'utf8' }).trim();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: cli }, searchAttributes: Object.values(CaseSearchAttributes), extraArgs: ['--log-level', 'error'] },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-bench-'));
  try {
    console.log(
      `Node ${process.version}; ${String(CONCURRENCY)} concurrent actors; Temporal dev server and SQLite; api and worker in their own processes; worker cache ${values.cache ?? 'default'}, worker heap limit ${values.heap} MB`,
    );
    const baselineStack = await startStack(env, 'baseline', dataDir);
    const baseline = await driveLifecycles('baseline', baselineStack.base);
    console.log(describeRun(baseline));
    await baselineStack.stop();

    const stack = await startStack(env, 'lifecycle', dataDir);
    const lifecycle = await driveLifecycles('lifecycle', stack.base);
    console.log(describeRun(lifecycle));
    console.log(`lifecycle throughput = ${((100 * baseline.seconds) / lifecycle.seconds).toFixed(0)}% of the baseline`);

    const idle = await stack.worker.memory();
    const rows = Array.from({ length: ENROLL }, (_, index) => ({ name: `基准批量单位 ${String(index)}`, category: 'village' }));
    const enrollStarted = performance.now();
    for (let index = 0; index < rows.length; index += BATCH) {
      await post(stack.base, `/campaigns/${lifecycle.campaignId}/enrollments/batch`, { units: rows.slice(index, index + BATCH) }, lifecycle.cast.admin);
    }
    const enrollSeconds = (performance.now() - enrollStarted) / 1000;
    console.log(
      `enrolled ${String(ENROLL)} cases in batches of ${String(BATCH)} in ${enrollSeconds.toFixed(1)} s (${(ENROLL / enrollSeconds).toFixed(1)} cases/s)`,
    );
    const loaded = await stack.worker.memory();
    console.log(
      `worker resident memory: ${String(megabytes(idle.rss))} MB after the lifecycle run; ${String(megabytes(loaded.rss))} MB (heap ${String(megabytes(loaded.heapUsed))} MB) with ${String(ENROLL)} more cases open`,
    );
    await stack.stop();
  } finally {
    await env.teardown();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
