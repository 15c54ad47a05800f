import { setFlagsFromString } from 'node:v8';
import type { INestApplicationContext } from '@nestjs/common';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
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
  limitWorkflowThreadHeap(config);
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: wrap(activitiesFrom(app)),
    ...caseWorkerCapacity(config),
    ...tracing?.workerOptions,
    ...(await workflowCodeOptions(config.workflowBundlePath, CommandSigner.fromConfig(config).verifyKey, { tracing: tracing !== undefined })),
  });
}

/** How much a case worker holds and how soon it lets go of its cases' tasks (WORKER_* settings); the benchmark's floor worker runs with the same. */
export function caseWorkerCapacity(
  config: AppConfig,
): Pick<WorkerOptions, 'maxCachedWorkflows' | 'stickyQueueScheduleToStartTimeout' | 'maxConcurrentWorkflowTaskExecutions'> {
  return {
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    stickyQueueScheduleToStartTimeout: `${config.failover.stickyTimeoutSeconds} seconds`,
    maxConcurrentWorkflowTaskExecutions: config.failover.maxConcurrentWorkflowTasks,
  };
}

/**
 * Bounds the heap of the workflow thread the SDK is about to start (V8 reads the limit when it creates an isolate); the
 * main thread's was set when the process started (WORKER_NODE_FLAGS): it holds no cases, and bounded as tightly it
 * spent its time collecting garbage.
 */
export function limitWorkflowThreadHeap(config: AppConfig): void {
  setFlagsFromString(`--max-old-space-size=${String(config.workflowThreadHeapMb)}`);
}
