import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import canonicalize from 'canonicalize';
import { campaignSettings } from '#domain';
import { AuditVerifier, CampaignEntity, eventsInChainOrder, hashedFieldsOf, migrateUp, openOrm, ProjectionRebuilder } from '#persistence';
import { freshBenchDatabase } from './bench-database.js';
import { campaignCases, insertChainedInBulk } from './campaign-fill.js';

/**
 * npm run bench:audit -- [--cases 10000] [--events 200000] [--database sqlite|postgresql] [--runs 3] [--postgres-url URL]
 * A full `audit:verify` over a campaign of N cases and about E hash-chained events, against the floor of hashing the
 * same bytes: every event's prev_hash and canonical JSON (exactly what its SHA-256 covers) written to a file once, then
 * read and hashed by `sha256sum`. Each is run R times in a row (the file and the database pages warm); the best run of
 * each is compared.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    events: { type: 'string', default: '200000' },
    database: { type: 'string', default: 'sqlite' },
    runs: { type: 'string', default: '3' },
    'postgres-url': { type: 'string', default: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const SIZE = { cases: Number(values.cases), events: Number(values.events) };
const KIND = values.database === 'postgresql' ? 'postgresql' : 'sqlite';
const RUNS = Number(values.runs);

async function timedRuns<T>(run: () => Promise<T> | T): Promise<{ best: number; times: number[]; last: T }> {
  if (!(RUNS >= 1)) throw new Error('--runs must be at least 1');
  const times: number[] = [];
  const at = performance.now();
  let last = await run();
  times.push((performance.now() - at) / 1000);
  while (times.length < RUNS) {
    const again = performance.now();
    last = await run();
    times.push((performance.now() - again) / 1000);
  }
  return { best: Math.min(...times), times, last };
}

const seconds = (times: readonly number[]): string => times.map((time) => `${time.toFixed(2)} s`).join(', ');

async function main(): Promise<void> {
  const database = await freshBenchDatabase(KIND, values['postgres-url'], 'audit');
  const dir = mkdtempSync(join(tmpdir(), 'qinglian-bench-audit-'));
  const orm = await openOrm(database.config);
  try {
    await migrateUp(orm);
    const { settings } = campaignSettings({}, () => ['2019.1']);
    const campaign = new CampaignEntity({ id: randomUUID(), year: 2026, name: '基准活动', createdAt: new Date(), settings });
    await orm.em.fork().insert(CampaignEntity, campaign);
    const events = await insertChainedInBulk(orm, campaignCases(campaign.id, SIZE));
    await new ProjectionRebuilder(orm).rebuild();
    if (KIND === 'postgresql') await orm.em.getConnection().execute('vacuum analyze');

    const hashedBytes = join(dir, 'hashed-bytes');
    const file = createWriteStream(hashedBytes);
    for await (const event of eventsInChainOrder(orm.em.fork(), { batchSize: 1000 })) {
      const chunk = event.prevHash + (canonicalize(hashedFieldsOf(event)) ?? '');
      if (!file.write(chunk)) await once(file, 'drain');
    }
    file.end();
    await once(file, 'finish');
    const bytes = statSync(hashedBytes).size;
    const megabytes = bytes / 1024 / 1024;

    const floor = await timedRuns(() => {
      const result = spawnSync('sha256sum', [hashedBytes]);
      if (result.status !== 0) throw new Error(`sha256sum failed: ${result.stderr.toString()}`);
    });
    const verifier = new AuditVerifier(orm);
    const verify = await timedRuns(() => verifier.verifyAll());
    if (!verify.last.ok) throw new Error(`the verifier found a problem in a freshly written store: ${JSON.stringify(verify.last)}`);

    const rate = (best: number): string => `${(megabytes / best).toFixed(1)} MB/s, ${Math.round(events / best).toLocaleString('en')} events/s`;
    console.log(
      `审计校验 audit:verify over ${SIZE.cases.toLocaleString('en')} cases and ${events.toLocaleString('en')} events on ${KIND} ` +
        `(${megabytes.toFixed(1)} MB hashed), best of ${String(RUNS)}:`,
    );
    console.log(`  sha256sum over the same bytes   ${rate(floor.best)}   (${seconds(floor.times)})`);
    console.log(`  full verify                     ${rate(verify.best)}   (${seconds(verify.times)})`);
    console.log(`  verify / sha256sum throughput   ${((floor.best / verify.best) * 100).toFixed(1)} % (target ≥ 25 %)`);
  } finally {
    await orm.close();
    rmSync(dir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP) console.log(database.url);
    else await database.drop();
  }
}

await main();
