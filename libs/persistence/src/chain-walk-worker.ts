/**
 * A worker thread's share of a full verification: walks the chains of one range of cases over its own connection and
 * posts each batch's completed cases to the thread that started it.
 *
 * Loaded by Node itself (compiled, or from the TypeScript source with its types stripped under the test runner), so it
 * imports only packages and, by a URL of the same kind as its own, `event-rows`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChainWalkJob, ChainWalkMessage } from './chain-walk-job.js';
import type * as EventRows from './event-rows.js';

const job = workerData as ChainWalkJob;
const port = parentPort;
if (!port) throw new Error('chain-walk-worker runs as a worker thread');

const ownKind = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const { ChainWalk, eventRowsOf } = (await import(new URL(`./event-rows${ownKind}`, import.meta.url).href)) as typeof EventRows;

async function connect(): Promise<{ query: (sql: string, params: readonly unknown[]) => Promise<unknown[]>; close: () => Promise<void> }> {
  if (job.database.kind === 'sqlite') {
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(job.database.path, { readOnly: true, timeout: 10_000 });
    return {
      query: (sql, params) => Promise.resolve(db.prepare(sql).all(...(params as (string | number)[]))),
      close: () => {
        db.close();
        return Promise.resolve();
      },
    };
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: job.database.url, application_name: 'qinglian audit:verify' });
  await client.connect();
  return {
    query: async (sql, params) => {
      let index = 0;
      const numbered = sql.replaceAll('?', () => `$${String((index += 1))}`);
      return (await client.query(numbered, [...params])).rows as unknown[];
    },
    close: () => client.end(),
  };
}

const connection = await connect();
try {
  const walk = new ChainWalk(new Map(job.watched));
  for await (const batch of eventRowsOf(connection.query, { batchSize: job.batchSize, ...job.range })) {
    const cases = [];
    for (const row of batch) {
      const ended = walk.next(row);
      if (ended) cases.push(ended);
    }
    port.postMessage({ kind: 'cases', cases, eventsChecked: walk.eventsChecked } satisfies ChainWalkMessage);
  }
  const last = walk.end();
  port.postMessage({ kind: 'done', cases: last ? [last] : [], eventsChecked: walk.eventsChecked, firstBrokenLink: walk.firstBrokenLink } satisfies ChainWalkMessage);
} finally {
  await connection.close();
}
