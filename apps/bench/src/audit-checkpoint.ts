import 'reflect-metadata';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { campaignSettings } from '#domain';
import {
  AuditVerifier,
  CampaignEntity,
  CheckpointLog,
  checkpointFileName,
  CheckpointWriter,
  FolderCheckpointStore,
  migrateUp,
  openOrm,
  ProjectionRebuilder,
} from '#persistence';
import { freshBenchDatabase } from './bench-database.js';
import { campaignCases, insertChainedInBulk } from './campaign-fill.js';

/**
 * npm run bench:audit-checkpoint -- [--cases 10000] [--events 200000] [--database sqlite|postgresql] [--runs 3] [--checkpoints 24]
 * Writing a signed audit checkpoint over a campaign of N cases and about E events (the heads query, the previous
 * checkpoint's check, the Merkle root, the signature, the file), and a full verification with and without the trail
 * checked against a log of C checkpoints. Each is run R times in a row; the best is reported.
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

async function timed<T>(run: () => Promise<T>): Promise<{ best: number; times: number[]; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let index = 0; index < RUNS; index += 1) {
    const at = performance.now();
    last = await run();
    times.push((performance.now() - at) / 1000);
  }
  if (last === undefined) throw new Error('--runs must be at least 1');
  return { best: Math.min(...times), times, last };
}

const seconds = (times: readonly number[]): string => times.map((time) => `${time.toFixed(2)} s`).join(', ');

async function main(): Promise<void> {
  if (!(RUNS >= 1 && CHECKPOINTS >= RUNS)) throw new Error('--runs must be at least 1, and --checkpoints at least --runs');
  const database = await freshBenchDatabase(KIND, values['postgres-url'], 'checkpoint');
  const directory = mkdtempSync(join(tmpdir(), 'qinglian-bench-checkpoints-'));
  const orm = await openOrm(database.config);
  try {
    await migrateUp(orm);
    const { settings } = campaignSettings({}, () => ['2019.1']);
    const campaign = new CampaignEntity({ id: randomUUID(), year: 2026, name: '基准活动', createdAt: new Date(), settings });
    await orm.em.fork().insert(CampaignEntity, campaign);
    const events = await insertChainedInBulk(orm, campaignCases(campaign.id, SIZE));
    await new ProjectionRebuilder(orm).rebuild();
    if (KIND === 'postgresql') await orm.em.getConnection().execute('vacuum analyze');

    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const log = new CheckpointLog([new FolderCheckpointStore(directory)], publicKey);
    const writer = new CheckpointWriter(orm, log, privateKey);
    const write = await timed(() => writer.write());
    for (let index = RUNS; index < CHECKPOINTS; index += 1) await writer.write();
    const bytes = statSync(join(directory, checkpointFileName(1))).size;

    const plain = await timed(() => new AuditVerifier(orm).verifyAll());
    const history = await timed(() => log.history());
    const checked = await timed(() => new AuditVerifier(orm, { checkpoints: log }).verifyAll());
    if (!checked.last.ok)
      throw new Error(`the verifier found a problem in a freshly written store: ${JSON.stringify(checked.last.checkpoints?.problems.slice(0, 3))}`);

    console.log(
      `审计检查点 audit checkpoints over ${SIZE.cases.toLocaleString('en')} cases and ${events.toLocaleString('en')} events on ${KIND}, best of ${String(RUNS)}:`,
    );
    console.log(
      `  write one checkpoint                        ${write.best.toFixed(2)} s   (${seconds(write.times)}); file ${(bytes / 1024 / 1024).toFixed(2)} MB`,
    );
    console.log(`  read and check ${String(CHECKPOINTS)} checkpoints             ${history.best.toFixed(2)} s   (${seconds(history.times)})`);
    console.log(`  full verify, chains and read model           ${plain.best.toFixed(2)} s   (${seconds(plain.times)})`);
    console.log(`  full verify, also against ${String(CHECKPOINTS)} checkpoints    ${checked.best.toFixed(2)} s   (${seconds(checked.times)})`);
  } finally {
    await orm.close();
    rmSync(directory, { recursive: true, force: true });
    await database.drop();
  }
}

await main();
