import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { pino } from 'pino';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig, ConfigError, endWithLauncher, loggingOptions } from '#config';
import { deploymentIdOf } from '#persistence';
import { DeploymentMismatch, pairDeployment, startTracing } from '#temporal';
import { createCaseWorker } from './case-worker.js';
import { PinoTemporalLogger } from './temporal-logger.js';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  // Before the Nest context and the worker are made: their Temporal client and interceptors look for it.
  const tracing = await startTracing(config, 'qinglian-worker');
  Runtime.install({
    logger: new PinoTemporalLogger(pino({ ...loggingOptions(config, 'worker'), base: { service: 'worker', component: 'temporal-sdk' } })),
    // The SDK's own worker metrics (task slots, poll and schedule-to-start latencies, activity and workflow task timings).
    ...(config.workerMetricsAddress
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.workerMetricsAddress, countersTotalSuffix: true, unitSuffix: true } } } }
      : {}),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const deploymentId = await deploymentIdOf(app.get(MikroORM));
  const pairing = await pairDeployment(connection.workflowService, {
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deploymentId,
  });
  logger.log(
    `deployment ${deploymentId} ${pairing === 'paired' ? 'paired with' : 'matches'} task queue ${config.temporal.taskQueue} of namespace ${config.temporal.namespace}`,
  );
  const worker = await createCaseWorker(app, connection);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining the worker`);
    worker.shutdown();
  };
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
  endWithLauncher();

  logger.log(`worker polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
  try {
    await worker.run();
  } finally {
    await connection.close();
    await app.close();
    await tracing?.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof DeploymentMismatch ? error.message : error);
  process.exit(1);
});
