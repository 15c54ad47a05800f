/**
 * A worker thread's share of full verifications: for each job it is sent, walks the chains of one range of cases over a
 * connection of its own and posts each batch's completed cases back. It stays for the next job, its code compiled.
 *
 * Loaded by Node itself (compiled, or from the TypeScript source with its types stripped under the test runner), so it
 * imports only packages and, by a URL of the same kind as its own, `event-rows`.
 */
import { parentPort } from 'node:worker_threads';
import type { ChainWalkJob, ChainWalkMessage } from './chain-walk-job.js';
import type * as EventRows from './event-rows.js';

const port = parentPort;
if (!port) throw new Error('chain-walk-worker runs as a worker thread');

const ownKind = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const { ChainWalk, eventRowsOf, POSTGRESQL_TEXT_TIME_COLUMNS } = (await import(new URL(`./event-rows${ownKind}`, import.meta.url).href)) as typeof EventRows;

interface Connection {
  readonly query: (sql: string, params: readonly unknown[]) => Promise<unknown[]>;
  readonly columns?: string;
  readonly close: () => Promise<void>;
}

async function connect(job: ChainWalkJob): Promise<Connection> {
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
  // The server may end the connection between queries (a restart, a dropped database): the next query fails with it,
  // and the event itself must not end the thread.
  client.on('error', () => undefined);
  await client.connect();
  // Each statement prepared once on the connection (a range has two: its first page, and every page after).
  const prepared = new Map<string, string>();
  return {
    query: async (sql, params) => {
      let index = 0;
      const text = sql.replaceAll('?', () => `$${String((index += 1))}`);
      let name = prepared.get(text);
      if (name === undefined) prepared.set(text, (name = `chain-walk-${String(prepared.size + 1)}`));
      return (await client.query({ name, text, values: [...params] })).rows as unknown[];
    },
    columns: POSTGRESQL_TEXT_TIME_COLUMNS,
    close: () => client.end(),
  };
}

async function walk(job: ChainWalkJob): Promise<void> {
  const connection = await connect(job);
  let closing: Promise<void> | undefined;
  // Once, and whatever the server did to the connection meanwhile: every row the walk needed has been read.
  const close = (): Promise<void> => (closing ??= connection.close().catch(() => undefined));
  try {
    const walk = new ChainWalk(new Map(job.watched));
    const rows = eventRowsOf(connection.query, {
      batchSize: job.batchSize,
      ...job.range,
      ...(connection.columns === undefined ? {} : { columns: connection.columns }),
    });
    for await (const batch of rows) {
      const cases = [];
      for (const row of batch) {
        const ended = walk.next(row);
        if (ended) cases.push(ended);
      }
      port?.postMessage({ kind: 'cases', cases, eventsChecked: walk.eventsChecked } satisfies ChainWalkMessage);
    }
    const last = walk.end();
    // Closed before the walk is reported done: the thread is then idle, holding no connection.
    await close();
    port?.postMessage({
      kind: 'done',
      cases: last ? [last] : [],
      eventsChecked: walk.eventsChecked,
      firstBrokenLink: walk.firstBrokenLink,
    } satisfies ChainWalkMessage);
  } finally {
    await close();
  }
}

port.on('message', (job: ChainWalkJob) => {
  walk(job).catch((error: unknown) => {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ChainWalkMessage);
  });
});
