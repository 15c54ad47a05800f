import { execFile, execFileSync } from 'node:child_process';
import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTE_REGISTRATIONS } from '#contracts';
import { Child } from '../../apps/launcher/src/children.js';
import { temporalReachable } from '../../apps/launcher/src/embedded.js';
import { createPostgresDatabase, type TestDatabase } from './databases.js';
import { eventually, freePort } from './http.js';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres.js';
import { systemKeys } from './stack.js';
import { temporalCliPath, uniqueTaskQueue } from './temporal.js';
import { startTemporalServer, type TemporalServer } from './temporal-server.js';

const run = promisify(execFile);
const GRACE_MS = 15_000;
/** Starting or stopping a whole system (building nothing) on a busy machine. */
const START_TIMEOUT_MS = 300_000;

/** Where the app's own data lives: a SQLite file, the machine's PostgreSQL, or a PostgreSQL server the test may restart. */
export type ClusterDatabase = 'sqlite' | 'postgresql' | 'private-postgresql';

export interface ClusterOptions {
  readonly database: ClusterDatabase;
  /** Worker processes on the case task queue. */
  readonly workers: number;
  /** Api processes; more than one are behind HAProxy (deploy/haproxy.cfg), which is then the one address. */
  readonly apis?: number;
  /**
   * Temporal: a dev server keeping its state in a file (the embedded default), or the Temporal server itself on
   * PostgreSQL (the production shape: scripts/temporal-server.sh builds it).
   */
  readonly temporal?: 'dev-server' | 'server';
  /** Variables for every process, over the cluster's own. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * The built system (`dist/`) as separate processes, the way it runs in production: a Temporal dev server keeping its
 * state in a file (so it survives a restart), the app database, workers and an api, each of which a test may kill or
 * restart. Every process is linked to the test process and ends with it.
 */
export interface Cluster {
  /** The api's base URL, ending in /api. */
  readonly apiUrl: string;
  readonly dataDir: string;
  readonly taskQueue: string;
  /** Kills worker `index` outright (SIGKILL: no draining, its tasks left mid-way). */
  killWorker(index: number): Promise<void>;
  startWorker(index: number): Promise<void>;
  /** Stops the Temporal dev server and starts it again on the same port and file. */
  restartTemporal(): Promise<void>;
  /** Restarts the private PostgreSQL server (database 'private-postgresql' only). */
  restartDatabase(): Promise<void>;
  /** The last lines the processes wrote (for a failing test's message). */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** The variables every process of a test system shares: its folder, its database, its keys and its first administrator. */
export function systemEnvironment(dataDir: string, databaseUrl: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...systemKeys(),
  };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-cluster-'));
  const log = (name: string) => openSync(join(dataDir, `${name}.log`), 'a');
  // The last lines of a process's log, after its last few errors (a 500's cause is often far above the end).
  const tail = (name: string, lines = 20) => {
    const all = readFileSync(join(dataDir, `${name}.log`), 'utf8')
      .trimEnd()
      .split('\n');
    const last = all.slice(-lines);
    const errors = all.slice(0, -lines).filter((line) => /"level":(50|60)|\bERROR\b/.test(line));
    return [...errors.slice(-3), ...last].join('\n');
  };
  const processes: Child[] = [];
  let privatePostgres: PrivatePostgres | undefined;
  let sharedDatabase: TestDatabase | undefined;
  let temporal: Child | undefined;
  let temporalServer: TemporalServer | undefined;

  const stopAll = async () => {
    for (const child of [...processes].reverse()) await child.stop(GRACE_MS);
    await temporal?.stop(GRACE_MS);
    await temporalServer?.stop();
    await sharedDatabase?.drop();
    await privatePostgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    let databaseUrl: string;
    if (options.database === 'sqlite') databaseUrl = `sqlite:${join(dataDir, 'qinglian.sqlite')}`;
    else if (options.database === 'postgresql') databaseUrl = (sharedDatabase = await createPostgresDatabase()).url;
    else {
      privatePostgres = await startPrivatePostgres();
      await privatePostgres.createDatabase('qinglian');
      databaseUrl = privatePostgres.urlOf('qinglian');
    }

    const dist = (app: string, file = 'main.js') => join(process.cwd(), `dist/apps/${app}/src/${file}`);
    if (options.temporal === 'server') temporalServer = await startTemporalServer({ logLevel: 'error' });
    const temporalPort = await freePort();
    const temporalAddress = temporalServer?.address ?? `127.0.0.1:${temporalPort}`;
    const uiPort = await freePort();
    const startTemporal = async () => {
      if (temporalServer) return;
      // Under the launcher's guard (built), which ends the dev server when the test process ends.
      const dev = new Child(
        'temporal',
        process.execPath,
        [
          dist('launcher', 'guard.js'),
          temporalCliPath(),
          'server',
          'start-dev',
          '--ip',
          '127.0.0.1',
          '--port',
          String(temporalPort),
          '--ui-port',
          String(uiPort),
          '--headless',
          '--db-filename',
          join(dataDir, 'temporal.sqlite'),
          '--log-level',
          'warn',
          ...CASE_SEARCH_ATTRIBUTE_REGISTRATIONS.flatMap((registration) => ['--search-attribute', registration]),
        ],
        { stdio: ['ignore', log('temporal'), log('temporal')] },
      );
      temporal = dev;
      await eventually('the Temporal dev server to answer', () => temporalReachable(temporalAddress), 60_000);
    };
    await startTemporal();

    const taskQueue = uniqueTaskQueue('faults');
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      ...systemEnvironment(dataDir, databaseUrl),
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      HOST: '127.0.0.1',
      ...options.environment,
    };
    await run(process.execPath, [dist('cli'), 'migration:up'], { env: environment });
    // Workers load a prebuilt bundle, as the production image's do: one restarting mid-run does not spend the
    // machine's two cores bundling the workflow code while the other carries the load.
    const bundle = join(dataDir, 'workflow-bundle.js');
    await run(process.execPath, [dist('worker', 'bundle-workflows.js'), bundle], { env: environment });
    environment.WORKFLOW_BUNDLE_PATH = bundle;

    const workers: (Child | undefined)[] = [];
    const startWorker = async (index: number) => {
      const worker = new Child(`worker-${index}`, process.execPath, [dist('worker')], {
        stdio: ['ignore', log(`worker-${index}`), log(`worker-${index}`)],
        env: environment,
      });
      workers[index] = worker;
      processes.push(worker);
      // Polling once Temporal lists a poller of its process (the SDK names a worker <pid>@<host>).
      await eventually(
        `worker ${index} to poll`,
        async () => {
          if (!worker.running) throw new Error(`worker ${index} exited:\n${tail(`worker-${index}`)}`);
          return (await pollerIdentities(temporalAddress, taskQueue)).some((identity) => identity.startsWith(`${worker.pid}@`)) ? true : undefined;
        },
        60_000,
      );
    };
    for (let index = 0; index < options.workers; index += 1) await startWorker(index);

    const apiPorts: number[] = [];
    for (let index = 0; index < (options.apis ?? 1); index += 1) {
      const port = await freePort();
      apiPorts.push(port);
      const name = `api-${index}`;
      const api = new Child(name, process.execPath, [dist('api')], {
        stdio: ['ignore', log(name), log(name)],
        env: { ...environment, PORT: String(port), ...((options.apis ?? 1) > 1 ? { HTTP_TRUST_PROXY_HOPS: '1' } : {}) },
      });
      processes.push(api);
      await eventually(
        `${name} to answer healthy`,
        async () => {
          if (!api.running) throw new Error(`${name} exited:\n${tail(name)}`);
          return (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok ? true : undefined;
        },
        60_000,
      );
    }
    let apiUrl = `http://127.0.0.1:${apiPorts[0] ?? 0}/api`;
    if (apiPorts.length > 1) {
      const port = await freePort();
      const config = join(dataDir, 'haproxy.cfg');
      writeFileSync(config, balancerConfig(port, apiPorts));
      const balancer = new Child('haproxy', process.execPath, [dist('launcher', 'guard.js'), haproxyPath(), '-db', '-f', config], {
        stdio: ['ignore', log('haproxy'), log('haproxy')],
      });
      processes.unshift(balancer);
      apiUrl = `http://127.0.0.1:${port}/api`;
      await eventually('the balancer to pass requests on', async () => ((await fetch(`${apiUrl}/health`).catch(() => null))?.ok ? true : undefined), 30_000);
    }

    return {
      apiUrl,
      dataDir,
      taskQueue,
      killWorker: async (index) => {
        const worker = workers[index];
        if (!worker?.running) throw new Error(`worker ${index} is not running`);
        await worker.kill('SIGKILL');
      },
      startWorker,
      restartTemporal: async () => {
        if (temporalServer) return temporalServer.restart();
        await temporal?.stop(GRACE_MS);
        await startTemporal();
      },
      restartDatabase: async () => {
        if (!privatePostgres) throw new Error("only a cluster on its own PostgreSQL ('private-postgresql') can restart it");
        await privatePostgres.restart();
      },
      logTail: (lines = 20) =>
        readdirSync(dataDir)
          .filter((name) => name.endsWith('.log'))
          .map((name) => `--- ${name}\n${tail(name.slice(0, -'.log'.length), lines)}`)
          .join('\n'),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

async function pollerIdentities(address: string, taskQueue: string): Promise<string[]> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return pollers.map((poller) => poller.identity ?? '');
  } finally {
    await connection.close();
  }
}

/** The production shape (FAULTS_SHAPE=production: npm run test:production-shape) in place of the embedded one. */
export function productionShape(options: ClusterOptions): ClusterOptions {
  if (process.env.FAULTS_SHAPE !== 'production') return options;
  return {
    ...options,
    temporal: 'server',
    workers: Math.max(2, options.workers),
    apis: Math.max(2, options.apis ?? 1),
    // Several processes on one SQLite file is not how production runs.
    database: options.database === 'sqlite' ? 'postgresql' : options.database,
  };
}

/** deploy/haproxy.cfg (compose's proxy) with this machine's addresses: the balancer listens on `port`, the apis on `apiPorts`. */
function balancerConfig(port: number, apiPorts: readonly number[]): string {
  return readFileSync(join(process.cwd(), 'deploy/haproxy.cfg'), 'utf8')
    .replace(/^resolvers docker\n(?: .*\n)+\n/m, '')
    .replace(/ init-addr none resolvers docker$/m, '')
    .replace(/^(\s*)bind :3000$/m, `$1bind 127.0.0.1:${port}`)
    .replace(/^(\s*)server-template api \d+ api:3000$/m, (_line, indent: string) =>
      apiPorts.map((apiPort, index) => `${indent}server api${index} 127.0.0.1:${apiPort}`).join('\n'),
    );
}

/** HAProxy (scripts/test.sh provides it as HAPROXY_PATH). */
function haproxyPath(): string {
  return process.env.HAPROXY_PATH ?? execFileSync('bash', ['scripts/ensure-haproxy.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** A cluster for the enclosing block: started before its tests, stopped after them; `cluster` answers inside them. */
export function useCluster(options: ClusterOptions): { readonly cluster: Cluster } {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(productionShape(options));
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await cluster?.stop();
  }, START_TIMEOUT_MS);
  return {
    get cluster() {
      if (!cluster) throw new Error('the cluster starts in a beforeAll hook: read it inside a test');
      return cluster;
    },
  };
}
