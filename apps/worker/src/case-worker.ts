import type { INestApplicationContext } from '@nestjs/common';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { AppConfig } from '#config';
import { CommandSigner, processTracing, workflowCodeOptions } from '#temporal';
import { activitiesFrom, type WorkerActivities } from './activities/index.js';

/**
 * A worker on the case task queue, its activities served by the given Nest context; traced when the process traces
 * (startTracing): its activities, and its workflows' updates and the activities they schedule, are spans.
 * Tests may wrap single activities (fault injection); production passes none.
 */
export async function createCaseWorker(
  app: INestApplicationContext,
  connection: NativeConnection,
  wrap: (activities: WorkerActivities) => WorkerActivities = (activities) => activities,
): Promise<Worker> {
  const config = app.get(AppConfig);
  const tracing = processTracing();
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: wrap(activitiesFrom(app)),
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    stickyQueueScheduleToStartTimeout: `${config.failover.stickyTimeoutSeconds} seconds`,
    maxConcurrentWorkflowTaskExecutions: config.failover.maxConcurrentWorkflowTasks,
    maxConcurrentWorkflowTaskPolls: Math.max(2, Math.floor(config.failover.maxConcurrentWorkflowTasks / 2)),
    ...tracing?.workerOptions,
    ...(await workflowCodeOptions(config.workflowBundlePath, CommandSigner.fromConfig(config).verifyKey, { tracing: tracing !== undefined })),
  });
}
