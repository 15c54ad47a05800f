import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { AppConfig } from '#config';
import { CommandSigner } from '#temporal';
import type { WorkerActivities } from '../../apps/worker/src/activities/index.js';
import { createCaseWorker } from '../../apps/worker/src/case-worker.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

export interface RunningWorker {
  readonly app: INestApplicationContext;
  readonly worker: Worker;
  stop(): Promise<void>;
}

/** The real worker (Nest context, real activities on the configured database) running until stop(). */
export async function startWorker(
  config: AppConfig,
  connection: NativeConnection,
  wrap?: (activities: WorkerActivities) => WorkerActivities,
): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: false });
  const worker = await createCaseWorker(app, connection, wrap);
  const running = worker.run();
  return {
    app,
    worker,
    stop: async () => {
      worker.shutdown();
      await running;
      await app.close();
    },
  };
}

/** Signs case commands with the key the tests' workers check them with (those made from the default DATA_DIR). */
export function testCommandSigner(): CommandSigner {
  return CommandSigner.fromConfig(AppConfig.fromEnvironment({ LOG_LEVEL: 'silent' }));
}
