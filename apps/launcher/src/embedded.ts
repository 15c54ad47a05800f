import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { AppConfig, ConfigError, repoRoot, WORKER_NODE_FLAGS } from '#config';
import { CASE_SEARCH_ATTRIBUTE_REGISTRATIONS } from '#contracts';
import type { MikroORM } from '@mikro-orm/core';
import { migrateUp, openOrm } from '#persistence';
import { Child } from './children.js';
import { DataDirInUse, lockDataDir } from './data-dir-lock.js';
import { waitFor } from './wait-for.js';

const SHUTDOWN_GRACE_MS = 15_000;

/** The system as it runs: where its api answers, and the configuration it runs with. */
export interface RunningSystem {
  readonly config: AppConfig;
  /** The api's origin, e.g. http://127.0.0.1:3000. */
  readonly apiUrl: string;
}

export interface EmbeddedOptions {
  /** The environment of the system and its children. */
  readonly environment: NodeJS.ProcessEnv;
  /** The first line of what is printed once the system runs. */
  readonly banner: string;
  /** Runs on the migrated app database before the api and the worker start (e.g. to create the first administrator). */
  readonly prepareDatabase?: (orm: MikroORM, config: AppConfig) => Promise<void>;
  /** Runs once the api and a worker answer; its lines are printed after the addresses. A failure stops everything. */
  readonly whenRunning?: (system: RunningSystem) => Promise<readonly string[]>;
}

/**
 * The whole system on one machine (Temporal dev server on SQLite, app on SQLite unless configured), until Ctrl-C or
 * SIGTERM: it stops the api and the worker (which drains its tasks), then the dev server.
 */
export async function runEmbedded(options: EmbeddedOptions): Promise<void> {
  const config = AppConfig.fromEnvironment(options.environment);
  const root = repoRoot();
  // The SQLite files, the documents and the audit checkpoints live here: only the user running the system may enter it.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  // One running system per data directory: a second one would share its files under its feet.
  const unlock = await lockDataDir(config.dataDir).catch((error: unknown) => {
    console.error(error instanceof DataDirInUse ? error.message : error);
    process.exit(1);
  });
  const children: Child[] = [];
  let shuttingDown = false;

  const shutdown = async (reason: string, exitCode: number): Promise<never> => {
    if (!shuttingDown) {
      shuttingDown = true;
      console.log(`\n${reason}: 正在停止 / stopping…`);
      // api and worker first (the worker drains its tasks), then the dev server they talk to.
      for (const child of [...children].reverse()) {
        await child.stop(SHUTDOWN_GRACE_MS);
      }
      await unlock().catch(() => undefined);
      console.log('已停止 / stopped.');
      process.exit(exitCode);
    }
    return new Promise<never>(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => void shutdown(signal, 0));
  }

  try {
    if (!config.temporal.external) {
      await assertPortFree(config.temporal.devServerPort, 'TEMPORAL_DEV_PORT');
      await assertPortFree(config.temporal.uiPort, 'TEMPORAL_UI_PORT');
      const cli = await temporalCli(root);
      const log = join(config.dataDir, 'temporal-server.log');
      const devServer = new Child(
        'temporal',
        cli,
        [
          'server',
          'start-dev',
          '--ip',
          '127.0.0.1',
          '--port',
          String(config.temporal.devServerPort),
          '--ui-port',
          String(config.temporal.uiPort),
          '--db-filename',
          join(config.dataDir, 'temporal.sqlite'),
          '--namespace',
          config.temporal.namespace,
          '--log-level',
          'warn',
          ...CASE_SEARCH_ATTRIBUTE_REGISTRATIONS.flatMap((registration) => ['--search-attribute', registration]),
        ],
        { stdio: ['ignore', openSync(log, 'a'), openSync(log, 'a')], guarded: true },
      );
      children.push(devServer);
      console.log(`Temporal 开发服务器启动中 / starting the Temporal dev server (log: ${log})…`);
      await waitFor(
        'Temporal dev server',
        () => temporalReachable(config.temporal.address),
        60_000,
        () => !devServer.running,
      );
    }

    const orm = await openOrm(config.database);
    try {
      const applied = await migrateUp(orm);
      console.log(applied.length ? `数据库迁移 / migrations applied: ${applied.join(', ')}` : '数据库已是最新 / database schema up to date');
      await options.prepareDatabase?.(orm, config);
    } finally {
      await orm.close();
    }

    const env = { ...options.environment, TEMPORAL_ADDRESS: config.temporal.address, DATA_DIR: config.dataDir };
    const worker = new Child('worker', process.execPath, [...WORKER_NODE_FLAGS, join(root, 'dist/apps/worker/src/main.js')], {
      stdio: 'inherit',
      env,
      cwd: root,
    });
    const api = new Child('api', process.execPath, [join(root, 'dist/apps/api/src/main.js')], { stdio: 'inherit', env, cwd: root });
    children.push(worker, api);
    for (const child of children) {
      void child.exited.then((code) => {
        if (!shuttingDown) void shutdown(`${child.name} exited (${code ?? 'signal'})`, 1);
      });
    }

    const apiUrl = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
    // Ready when the api answers healthy (its public status) and a worker polls the case task queue (it bundles the
    // workflows first if their sources changed since the last start), which the launcher asks Temporal itself: the
    // api tells the public no more than its status.
    await waitFor(
      'api and worker',
      async () => (await fetch(`${apiUrl}/api/health`)).ok && (await workersPolling(config)) > 0,
      120_000,
      () => !api.running || !worker.running,
    );
    const lines = (await options.whenRunning?.({ config, apiUrl })) ?? [];
    console.log(
      [
        '',
        options.banner,
        `  工作台 / console:  ${apiUrl}/`,
        `  API:              ${apiUrl}/api`,
        `  OpenAPI 文档:      ${apiUrl}/api/docs   (JSON: ${apiUrl}/api/docs-json)`,
        `  Temporal UI:      ${config.temporal.external ? '(external cluster)' : config.temporal.uiUrl}`,
        `  数据 / data:       ${config.database.kind === 'sqlite' ? config.database.path : 'PostgreSQL'}`,
        ...lines,
        '按 Ctrl-C 停止 / press Ctrl-C to stop',
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    await shutdown('启动失败 / start-up failed', 1);
  }
}

/** Path of the pinned Temporal CLI; building it shows its progress on this terminal. */
async function temporalCli(root: string): Promise<string> {
  const provision = spawn('bash', [join(root, 'scripts/temporal-cli.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  provision.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const [code] = (await once(provision, 'exit')) as [number | null];
  if (code !== 0) throw new Error('Temporal CLI unavailable (see the message above)');
  return stdout.trim();
}

/** Whether a Temporal frontend answers at `address` (throws when nothing does). */
export async function temporalReachable(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

async function workersPolling(config: AppConfig): Promise<number> {
  const connection = await Connection.connect({ address: config.temporal.address, connectTimeout: 1000 });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace: config.temporal.namespace,
      taskQueue: { name: config.temporal.taskQueue },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return pollers.length;
  } finally {
    await connection.close();
  }
}

function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () => {
      reject(new Error(`端口 ${port} 已被占用 / port ${port} is in use: stop what holds it or set ${variable}`));
    });
    server.listen(port, '127.0.0.1', () =>
      server.close(() => {
        resolve();
      }),
    );
  });
}
