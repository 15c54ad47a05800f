import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deploymentIdOf, migrateUp, openOrm } from '#persistence';
import { DeploymentMismatch, pairDeployment } from '#temporal';
import { createSqliteDatabase, type TestDatabase } from '../support/databases.js';
import { useDevServer } from '../support/suite.js';
import { uniqueTaskQueue } from '../support/temporal.js';

async function migratedDeployment(): Promise<{ database: TestDatabase; id: string }> {
  const database = await createSqliteDatabase();
  const orm = await openOrm(database.config);
  try {
    await migrateUp(orm);
    return { database, id: await deploymentIdOf(orm) };
  } finally {
    await orm.close();
  }
}

describe('a worker and the deployment its database belongs to', () => {
  const devServer = useDevServer();
  let ours: { database: TestDatabase; id: string } | undefined;
  let theirs: { database: TestDatabase; id: string } | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-pairing-'));

  beforeAll(async () => {
    ours = await migratedDeployment();
    theirs = await migratedDeployment();
  });

  afterAll(async () => {
    await ours?.database.drop();
    await theirs?.database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pairs a database with a namespace’s task queue on the first start, and a worker on another database refuses to start', async () => {
    if (!ours || !theirs) throw new Error('the databases were not made');
    const service = devServer.env.connection.workflowService;
    const namespace = devServer.env.namespace ?? 'default';
    const taskQueue = uniqueTaskQueue('pairing');
    // Each database has its own identity, made by its migrations.
    expect(ours.id).toMatch(/^[0-9a-f]{32}$/);
    expect(theirs.id).not.toBe(ours.id);

    expect(await pairDeployment(service, { namespace, taskQueue, deploymentId: ours.id })).toBe('paired');
    expect(await pairDeployment(service, { namespace, taskQueue, deploymentId: ours.id })).toBe('matched');
    const refused = pairDeployment(service, { namespace, taskQueue, deploymentId: theirs.id });
    await expect(refused).rejects.toThrow(DeploymentMismatch);
    await expect(refused).rejects.toThrow(`数据库（部署 ${theirs.id}）不属于 Temporal 命名空间 ${namespace} 的任务队列 ${taskQueue}（部署 ${ours.id}）`);

    // The worker process itself, started on the other database: it says why and exits before polling.
    const worker = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: theirs.database.url,
        TEMPORAL_ADDRESS: devServer.env.address,
        TEMPORAL_NAMESPACE: namespace,
        TEMPORAL_TASK_QUEUE: taskQueue,
        LOG_LEVEL: 'warn',
        AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
        SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    worker.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const [code] = (await once(worker, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(output).toContain('工作进程拒绝启动');
    expect(output).toContain(`the worker refuses to start: its database (deployment ${theirs.id})`);

    // Another task queue (another deployment on the same cluster) is paired on its own.
    expect(await pairDeployment(service, { namespace, taskQueue: uniqueTaskQueue('pairing'), deploymentId: theirs.id })).toBe('paired');
  });
});
