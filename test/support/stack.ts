import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AppConfig } from '#config';
import { migrateUp } from '#persistence';
import { createApiApp } from '../../apps/api/src/api-app.js';
import type { TestDatabase } from './databases.js';
import { httpClient } from './http.js';
import { uniqueTaskQueue } from './temporal.js';
import { startWorker, type RunningWorker } from './worker.js';

export interface RunningStack {
  readonly http: ReturnType<typeof httpClient>;
  /** Base URL of the api, ending in /api. */
  readonly url: string;
  readonly worker: RunningWorker;
  stop(): Promise<void>;
}

/** The api listening on a free port and a worker with real activities, on a migrated database and a real dev server. */
export async function startStack(env: TestWorkflowEnvironment, database: TestDatabase): Promise<RunningStack> {
  const config = AppConfig.fromEnvironment({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e'),
    LOG_LEVEL: 'silent',
  });
  const worker = await startWorker(config, env.nativeConnection);
  await migrateUp(worker.app.get<MikroORM>(MikroORM));
  const api = await createApiApp(config);
  const url = `${await listen(api)}/api`;
  return {
    http: httpClient(url),
    url,
    worker,
    stop: async () => {
      await api.close();
      await worker.stop();
    },
  };
}

export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

export const ACTORS = {
  admin: { 'x-qinglian-dev-actor': 'administrator:admin-1' },
  contact: { 'x-qinglian-dev-actor': 'unit_contact:contact-1' },
  alice: { 'x-qinglian-dev-actor': 'assessor:assessor-alice' },
  bob: { 'x-qinglian-dev-actor': 'assessor:assessor-bob' },
  carol: { 'x-qinglian-dev-actor': 'assessor:assessor-carol' },
  jinhua: { 'x-qinglian-dev-actor': 'jinhua_reviewer:jinhua-1' },
} as const;
