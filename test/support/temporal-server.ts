import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Connection, isGrpcServiceError } from '@temporalio/client';
import { defaultPayloadConverter, SearchAttributeType } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time.js';
import proto from '@temporalio/proto';
import pg from 'pg';
import { CaseSearchAttributes } from '#contracts';
import { TEST_POSTGRES_URL } from './databases.js';
import { eventually } from './http.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Runs the server and ends it when this process ends, however it ends (its IPC channel closes): see guard.ts. */
const GUARD = fileURLToPath(new URL('../../apps/launcher/src/guard.ts', import.meta.url));
const GRPC_ALREADY_EXISTS = 6;
const START_TIMEOUT_MS = 120_000;
const { CommandType, IndexedValueType, TaskQueueKind } = proto.temporal.api.enums.v1;
const { ServingStatus } = proto.grpc.health.v1.HealthCheckResponse;

/** The folder scripts/temporal-server.sh provides (scripts/test.sh exports it as TEMPORAL_SERVER_DIR). */
export function temporalServerDir(): string {
  return (
    process.env.TEMPORAL_SERVER_DIR ??
    execFileSync('bash', ['scripts/temporal-server.sh'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
  );
}

export interface TemporalServerOptions {
  /** The PostgreSQL server of Temporal's two databases; by default TEST_POSTGRES_URL's (127.0.0.1:5432, user postgres). */
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  /** The namespace created, with the case search attributes registered on it (default `default`). */
  readonly namespace?: string;
  /** Holds temporal-server, temporal-sql-tool and schema/ (default: temporalServerDir()). */
  readonly serverDir?: string;
  readonly numHistoryShards?: number;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface TemporalServer {
  /** host:port of the frontend (gRPC). */
  readonly address: string;
  readonly namespace: string;
  /** Temporal's persistence and visibility databases. */
  readonly databases: readonly [string, string];
  /** The server's folder: its config (config/development.yaml) and its log (server.log). */
  readonly folder: string;
  /** Stops the process and starts it again on the same ports and databases; resolves once it runs a workflow again. */
  restart(): Promise<void>;
  /** Stops the process and drops both databases (idempotent). */
  stop(): Promise<void>;
}

interface Ports {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen(port, '127.0.0.1', () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

/**
 * Free ports below 32768: Temporal's SQL schema keeps a member's port as a SMALLINT (cluster_membership.rpc_port; a
 * higher one stops the server at start-up, "value out of range for type smallint"), and outside Linux's ephemeral range
 * (32768–60999) no outgoing connection takes one of them between a stop and a restart.
 */
async function freeLowPorts(): Promise<Ports> {
  const ports = new Set<number>();
  while (ports.size < 9) {
    const port = 10_000 + randomInt(32_768 - 10_000);
    if (!ports.has(port) && (await listenable(port))) ports.add(port);
  }
  const [frontend, frontendHttp, frontendMembership, history, historyMembership, matching, matchingMembership, worker, workerMembership] = [...ports] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { frontend, frontendHttp, frontendMembership, history, historyMembership, matching, matchingMembership, worker, workerMembership };
}

interface Postgres {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

function postgresOf(options: TemporalServerOptions): Postgres {
  const url = new URL(TEST_POSTGRES_URL);
  return {
    host: options.host ?? url.hostname,
    port: options.port ?? Number(url.port || 5432),
    user: options.user ?? decodeURIComponent(url.username || 'postgres'),
    password: options.password ?? decodeURIComponent(url.password),
  };
}

async function onPostgres(postgres: Postgres, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ ...postgres, database: 'postgres' });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The server's static config as the production image renders it for PostgreSQL, on free loopback ports. */
function serverConfig(postgres: Postgres, databases: readonly [string, string], ports: Ports, options: TemporalServerOptions): unknown {
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${postgres.host}:${String(postgres.port)}`,
      connectProtocol: 'tcp',
      user: postgres.user,
      password: postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (grpcPort: number, membershipPort: number, httpPort?: number) => ({
    rpc: { grpcPort, membershipPort, bindOnIP: '127.0.0.1', ...(httpPort === undefined ? {} : { httpPort }) },
  });
  const disabled = { history: { state: 'disabled' }, visibility: { state: 'disabled' } };
  return {
    log: { stdout: true, level: options.logLevel ?? 'error' },
    persistence: {
      numHistoryShards: options.numHistoryShards ?? 4,
      defaultStore: 'default',
      visibilityStore: 'visibility',
      // Each of the four services opens its own pools: small ones keep the server (and one restarting beside the
      // apps and workers of a fault run) within the machine's PostgreSQL's 100 connections.
      datastores: { default: store(databases[0], 6), visibility: store(databases[1], 3) },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: {
      frontend: rpc(ports.frontend, ports.frontendMembership, ports.frontendHttp),
      history: rpc(ports.history, ports.historyMembership),
      matching: rpc(ports.matching, ports.matchingMembership),
      worker: rpc(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${String(ports.frontend)}`,
          httpAddress: `127.0.0.1:${String(ports.frontendHttp)}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: disabled,
    namespaceDefaults: { archival: disabled },
  };
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function tail(file: string, lines = 20): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function alreadyExists(error: unknown): boolean {
  if (!isGrpcServiceError(error)) return false;
  const code: number = error.code;
  return code === GRPC_ALREADY_EXISTS;
}

/**
 * Waits until a workflow can carry the case search attributes end to end. On SQL visibility a custom search attribute is
 * an alias in the namespace's record; listSearchAttributes reads that record and lists it at once, but the frontend
 * (which checks and maps them on start and in queries) and history (on a workflow's upsert) map them from namespace
 * caches of their own, refreshed every 2 s (system.namespaceCacheRefreshInterval): until then a start fails ("Namespace
 * default has no mapping defined for search attribute …") and an upsert fails the workflow task. So: a probe workflow
 * started with all four (the frontend's mapping), whose first workflow task, answered here by hand, upserts them and
 * completes (history's); then deleted. After a restart it also proves history and matching serve again.
 */
async function searchAttributesInUse(connection: Connection, namespace: string): Promise<void> {
  const service = connection.workflowService;
  const identity = 'qinglian test support';
  const workflowId = `temporal-server-probe-${randomBytes(4).toString('hex')}`;
  const taskQueue = { name: workflowId, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL };
  const indexedFields = Object.fromEntries(
    Object.values(CaseSearchAttributes).map((key) => [
      key.name,
      defaultPayloadConverter.toPayload(key.type === SearchAttributeType.DATETIME ? new Date(0).toISOString() : 'probe'),
    ]),
  );
  const requestId = randomUUID();
  await eventually(`the frontend mapping the case search attributes of ${namespace}`, async () => {
    await service.startWorkflowExecution({
      namespace,
      workflowId,
      workflowType: { name: 'searchAttributesProbe' },
      taskQueue,
      requestId,
      identity,
      searchAttributes: { indexedFields },
    });
    return true;
  });
  await eventually(`history mapping the case search attributes of ${namespace}`, async () => {
    const task = await connection.withDeadline(Date.now() + 5000, () => service.pollWorkflowTaskQueue({ namespace, taskQueue, identity }));
    if (task.taskToken.length === 0) return undefined;
    await service.respondWorkflowTaskCompleted({
      namespace,
      taskToken: task.taskToken,
      identity,
      commands: [
        {
          commandType: CommandType.COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
          upsertWorkflowSearchAttributesCommandAttributes: { searchAttributes: { indexedFields } },
        },
        { commandType: CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION, completeWorkflowExecutionCommandAttributes: {} },
      ],
    });
    return true;
  });
  await service.deleteWorkflowExecution({ namespace, workflowExecution: { workflowId } });
}

/**
 * A real Temporal server (the production build, v1.29.1) on PostgreSQL: two fresh databases with their schema set up
 * by temporal-sql-tool as deploy/temporal-setup.sh does, the server on free loopback ports, and the namespace with the
 * case search attributes registered (as the compose file's temporal-namespace step does). The server ends with this
 * process if stop() is never called; its databases then stay (named temporal_<random>).
 */
export async function startTemporalServer(options: TemporalServerOptions = {}): Promise<TemporalServer> {
  const serverDir = options.serverDir ?? temporalServerDir();
  const postgres = postgresOf(options);
  const namespace = options.namespace ?? 'default';
  const prefix = `temporal_${randomBytes(5).toString('hex')}`;
  const databases = [prefix, `${prefix}_visibility`] as const;
  const folder = mkdtempSync(join(tmpdir(), 'qinglian-temporal-'));
  const logFile = join(folder, 'server.log');
  const ports = await freeLowPorts();
  const address = `127.0.0.1:${String(ports.frontend)}`;
  let child: ChildProcess | undefined;
  let stopped = false;

  const stopProcess = async (): Promise<void> => {
    const current = child;
    child = undefined;
    if (!current || !running(current)) return;
    const exited = once(current, 'exit');
    // The guard passes SIGTERM on (and SIGKILLs the server if it has not stopped within its grace period).
    current.kill('SIGTERM');
    await exited;
  };

  const drop = async (): Promise<void> => {
    await onPostgres(
      postgres,
      databases.map((name) => `drop database if exists ${name} with (force)`),
    );
    rmSync(folder, { recursive: true, force: true });
  };

  /** Starts the process and waits until its frontend answers health checks as SERVING. */
  const startProcess = async (): Promise<Connection> => {
    const log = openSync(logFile, 'a');
    const args = ['--root', folder, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'];
    const started = spawn(process.execPath, ['--no-warnings', GUARD, join(serverDir, 'temporal-server'), ...args], {
      stdio: ['ignore', log, log, 'ipc'],
    });
    closeSync(log);
    // The channel only links the guard to this process: it neither keeps this process alive nor carries messages.
    started.channel?.unref();
    child = started;
    const ready = await eventually(
      `the Temporal server at ${address}`,
      async () => {
        if (!running(started)) return 'exited' as const;
        const connection = await Connection.connect({ address, connectTimeout: '2s' });
        try {
          const { status } = await connection.healthService.check({ service: 'temporal.api.workflowservice.v1.WorkflowService' });
          if (status !== ServingStatus.SERVING) throw new Error(`health: ${String(status)}`);
          return connection;
        } catch (error) {
          await connection.close();
          throw error;
        }
      },
      START_TIMEOUT_MS,
    );
    if (ready === 'exited') throw new Error(`temporal-server exited (${String(started.exitCode ?? started.signalCode)}) before serving:\n${tail(logFile)}`);
    return ready;
  };

  try {
    await onPostgres(
      postgres,
      databases.map((name) => `create database ${name}`),
    );
    const sqlTool = join(serverDir, 'temporal-sql-tool');
    await Promise.all(
      databases.map(async (database, index) => {
        const connectArgs = ['--plugin', 'postgres12', '--endpoint', postgres.host, '--port', String(postgres.port), '--user', postgres.user];
        const args = [...connectArgs, '--password', postgres.password, '--database', database];
        const schema = join(serverDir, 'schema/postgresql/v12', index === 0 ? 'temporal' : 'visibility', 'versioned');
        await promisify(execFile)(sqlTool, [...args, 'setup-schema', '-v', '0.0']);
        await promisify(execFile)(sqlTool, [...args, 'update-schema', '-d', schema]);
      }),
    );
    mkdirSync(join(folder, 'config'));
    // YAML is a superset of JSON.
    const config = `# The Temporal server of a test run (test/support/temporal-server.ts).\n${JSON.stringify(serverConfig(postgres, databases, ports, options), null, 2)}\n`;
    writeFileSync(join(folder, 'config/development.yaml'), config);

    const connection = await startProcess();
    try {
      await eventually(`the namespace ${namespace}`, async () => {
        try {
          await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('30 days') });
        } catch (error) {
          if (!alreadyExists(error)) throw error;
        }
        return true;
      });
      // A namespace just created is unknown to the frontend's namespace cache (refreshed every 2 s) for a moment:
      // the request fails with NotFound until then. (As in deploy/temporal-setup.sh, which retries it.)
      await eventually(`the case search attributes added to ${namespace}`, async () => {
        const searchAttributes = Object.fromEntries(
          Object.values(CaseSearchAttributes).map((key) => [key.name, IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}`]]),
        );
        try {
          await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
        } catch (error) {
          if (!alreadyExists(error)) throw error;
        }
        return true;
      });
      await searchAttributesInUse(connection, namespace);
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stopProcess();
    await drop();
    throw error;
  }

  return {
    address,
    namespace,
    databases,
    folder,
    async restart() {
      if (stopped) throw new Error('the Temporal server was stopped');
      await stopProcess();
      const connection = await startProcess();
      try {
        await searchAttributesInUse(connection, namespace);
      } finally {
        await connection.close();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopProcess();
      await drop();
    },
  };
}
