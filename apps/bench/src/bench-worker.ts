import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { AppConfig } from '#config';
import type { CaseActivities } from '#contracts';
import { projectCaseEvent } from '#persistence';
import { createCaseWorker } from '../../worker/src/case-worker.js';
import { WorkerModule } from '../../worker/src/worker.module.js';
import type { FromBenchWorker, ToBenchWorker } from './bench-protocol.js';

/**
 * The benchmark's worker, in its own process as in production so that its memory is its own. With BENCH_BASELINE=1
 * the append activity writes no event: it only updates the case read model, which the api's access checks read.
 */
const baseline = (orm: MikroORM): CaseActivities => ({
  appendCaseEvent: async (input) => {
    await orm.em.fork().transactional((em) => projectCaseEvent(em, input.caseId, input.event, new Date(input.occurredAt)));
    return { ...input, type: input.event.type, payload: {}, prevHash: '', hash: '' };
  },
});

function send(message: FromBenchWorker): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const context = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: false });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await createCaseWorker(
    context,
    connection,
    process.env.BENCH_BASELINE === '1' ? (activities) => ({ ...activities, ...baseline(context.get(MikroORM)) }) : undefined,
  );
  process.on('message', (message: ToBenchWorker) => {
    if (message.type === 'memory') {
      global.gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'memory', rss, heapUsed });
    } else {
      worker.shutdown();
    }
  });
  const running = worker.run();
  send({ type: 'ready' });
  await running;
  await connection.close();
  await context.close();
  process.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
