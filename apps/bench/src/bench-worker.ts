import 'reflect-metadata';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { AppConfig } from '#config';
import { eventsOfStep, type AppendCaseEventInput, type CaseActivities, type RecordedCaseEvent } from '#contracts';
import { deadlineOnEntry } from '#domain';
import type { FloorActivities } from '../../../workflows/src/floor.workflow.js';
import { projectCaseEvent } from '#persistence';
import { caseWorkerCapacity, createCaseWorker, limitWorkflowThreadHeap } from '../../worker/src/case-worker.js';
import { WorkerModule } from '../../worker/src/worker.module.js';
import type { FromBenchWorker, ToBenchWorker } from './bench-protocol.js';

/**
 * The benchmark's worker, in its own process as in production so that its memory is its own. BENCH_VARIANT says which:
 * `lifecycle` is the product's worker; `baseline` the same with an append that writes no event (it only updates the
 * case read model, which the api's access checks read); `floor` runs no product code, only the floor workflow.
 */
const baseline = (orm: MikroORM): CaseActivities => {
  const project = async (inputs: readonly AppendCaseEventInput[]): Promise<RecordedCaseEvent[]> => {
    try {
      await orm.em.fork().transactional(async (em) => {
        for (const input of inputs) await projectCaseEvent(em, input.caseId, input.event, new Date(input.occurredAt));
      });
    } catch (error) {
      // A retried append (its workflow task timed out on a busy machine) projects again; the product's append is
      // idempotent on the event id, this stand-in only on the projection's keys.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    return inputs.map((input) => ({ ...input, type: input.event.type, payload: input.event.payload as Record<string, unknown>, prevHash: '', hash: '' }));
  };
  return {
    appendCaseEvent: async (input) => {
      const [recorded] = await project([input]);
      if (!recorded) throw new Error(`${input.eventId} was not projected`);
      return recorded;
    },
    appendCaseStep: (input) =>
      project(
        eventsOfStep(
          input,
          input.deadline ? deadlineOnEntry(input.deadline.entry.deadline, input.deadline.entry.enteredOn, input.deadline.entry.duration) : null,
        ),
      ),
  };
};

function floorBundlePath(): string {
  const path = process.env.FLOOR_BUNDLE_PATH;
  if (!path) throw new Error('FLOOR_BUNDLE_PATH is not set: the driver bundles the floor workflow');
  return path;
}

function send(message: FromBenchWorker): void {
  process.send?.(message);
}

const floorActivities: FloorActivities = { nothing: () => Promise.resolve() };

async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  const variant = process.env.BENCH_VARIANT ?? 'lifecycle';
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const context = variant === 'floor' ? undefined : await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: false });
  // The floor's workflow thread has the same heap limit as ours (createCaseWorker sets it too).
  limitWorkflowThreadHeap(config);
  const worker = context
    ? await createCaseWorker(context, connection, variant === 'baseline' ? (activities) => ({ ...activities, ...baseline(context.get(MikroORM)) }) : undefined)
    : await Worker.create({
        connection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        activities: floorActivities,
        ...caseWorkerCapacity(config),
        // Prebuilt by the driver, as ours is (WORKFLOW_BUNDLE_PATH): bundling here would keep webpack in this heap.
        workflowBundle: { codePath: floorBundlePath() },
      });
  process.on('message', (message: ToBenchWorker) => {
    if (message.type === 'memory') {
      global.gc?.();
      const { rss, heapUsed, heapTotal } = process.memoryUsage();
      send({ type: 'memory', rss, heapUsed, heapTotal });
    } else {
      worker.shutdown();
    }
  });
  const running = worker.run();
  send({ type: 'ready' });
  await running;
  await connection.close();
  await context?.close();
  process.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
