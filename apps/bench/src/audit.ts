import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import canonicalize from 'canonicalize';
import { campaignSettings } from '#domain';
import {
  AuditVerifier,
  CampaignEntity,
  CheckpointLog,
  checkpointFileName,
  CheckpointWriter,
  eventsInChainOrder,
  FolderCheckpointStore,
  hashedFieldsOf,
  migrateUp,
  openOrm,
  ProjectionRebuilder,
} from '#persistence';
import { freshBenchDatabase } from './bench-database.js';
import { campaignCases, insertChainedInBulk } from './campaign-fill.js';

/**
 * npm run bench:audit -- [--cases 10000] [--events 200000] [--database sqlite|postgresql] [--runs 3] [--checkpoints 24] [--postgres-url URL]
 * Over a campaign of N cases and about E hash-chained events:
 * - a full `audit:verify` against the floor of hashing the same bytes: every event's prev_hash and canonical JSON
 *   (exactly what its SHA-256 covers) written to a file once, then read and hashed by `sha256sum`;
 * - writing a signed audit checkpoint (the heads query, the previous checkpoint's check, the Merkle root, the signature,
 *   the file), reading and checking a log of C of them, and the full verification against that log.
 * Each is run R times in a row (the file and the database pages warm); the best run of each is reported.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    events: { type: 'string', default: '200000' },
    database: { type: 'string', default: 'sqlite' },
    runs: { type: 'string', default: '3' },
    checkpoints: { type: 'string', default: '24' },
    'postgres-url': { type: 'string', default: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const SIZE = { cases: Number(values.cases), events: Number(values.events) };
const KIND = values.database === 'postgresql' ? 'postgresql' : 'sqlite';
const RUNS = Number(values.runs);
const CHECKPOINTS = Number(values.checkpoints);

async function timedRuns<T>(run: () => Promise<T> | T): Promise<{ best: number; times: number[]; last: T }> {
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
  if (!(RUNS >= 1 && CHECKPOINTS >= RUNS)) throw new Error('--runs must be at least 1, and --checkpoints at least --runs');
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

    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const checkpointDir = join(dir, 'checkpoints');
    const log = new CheckpointLog([new FolderCheckpointStore(checkpointDir)], publicKey);
    const writer = new CheckpointWriter(orm, log, privateKey);
    const write = await timedRuns(() => writer.write());
    for (let index = RUNS; index < CHECKPOINTS; index += 1) await writer.write();
    const checkpointBytes = statSync(join(checkpointDir, checkpointFileName(1))).size;
    const history = await timedRuns(() => log.history());
    const checked = await timedRuns(() => new AuditVerifier(orm, { checkpoints: log }).verifyAll());
    if (!checked.last.ok)
      throw new Error(`the verifier found a problem against the checkpoints: ${JSON.stringify(checked.last.checkpoints?.problems.slice(0, 3))}`);

    const rate = (best: number): string => `${(megabytes / best).toFixed(1)} MB/s, ${Math.round(events / best).toLocaleString('en')} events/s`;
    console.log(
      `审计校验 audit:verify over ${SIZE.cases.toLocaleString('en')} cases and ${events.toLocaleString('en')} events on ${KIND} ` +
        `(${megabytes.toFixed(1)} MB hashed), best of ${String(RUNS)}:`,
    );
    console.log(`  sha256sum over the same bytes   ${rate(floor.best)}   (${seconds(floor.times)})`);
    console.log(`  full verify                     ${rate(verify.best)}   (${seconds(verify.times)})`);
    console.log(`  verify / sha256sum throughput   ${((floor.best / verify.best) * 100).toFixed(1)} % (target ≥ 25 %)`);
    console.log(`审计检查点 audit checkpoints, best of ${String(RUNS)}:`);
    console.log(
      `  write one checkpoint                        ${write.best.toFixed(2)} s   (${seconds(write.times)}); file ${(checkpointBytes / 1024 / 1024).toFixed(2)} MB`,
    );
    console.log(`  read and check ${String(CHECKPOINTS)} checkpoints             ${history.best.toFixed(2)} s   (${seconds(history.times)})`);
    console.log(`  full verify, also against ${String(CHECKPOINTS)} checkpoints    ${checked.best.toFixed(2)} s   (${seconds(checked.times)})`);
  } finally {
    await orm.close();
    rmSync(dir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP) console.log(database.url);
    else await database.drop();
  }
}

await main();
