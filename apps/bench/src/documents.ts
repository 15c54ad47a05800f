import 'reflect-metadata';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { quantile } from 'simple-statistics';
import { SYSTEM_ACTOR, initialCaseState } from '#domain';
import { AccountStore, CaseRecordEntity, migrateUp, openOrm, UnitEntity } from '#persistence';
import { startBenchApi } from './bench-api.js';
import { residentMegabytes } from './resident-memory.js';

/**
 * npm run bench:documents -- [--megabytes 20] [--rounds 5] [--concurrent 10]
 * The api alone in its own process (as `npm start` runs it) on a fresh SQLite database and the folder store: a unit
 * contact uploads PDF files of the given size one after the other, then `concurrent` at once, while the api's resident
 * memory is sampled from /proc. The floor is this machine writing and hashing the same bytes to a file.
 */
const { values } = parseArgs({
  options: { megabytes: { type: 'string', default: '20' }, rounds: { type: 'string', default: '5' }, concurrent: { type: 'string', default: '10' } },
});
const SIZE = Number(values.megabytes) * 1024 * 1024;
const ROUNDS = Number(values.rounds);
const CONCURRENT = Number(values.concurrent);
const PASSWORD = randomBytes(24).toString('base64url');

/** A PDF (by its magic number) of SIZE bytes whose content differs every time, so no upload is deduplicated. */
function pdfOfSize(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qinglian-bench-documents-'));
  const database = { kind: 'sqlite', path: join(dir, 'qinglian.sqlite') } as const;
  const unitId = randomUUID();
  const caseId = `case:${randomUUID()}:${unitId}`;
  const orm = await openOrm(database);
  await migrateUp(orm);
  await orm.em.fork().insert(UnitEntity, new UnitEntity({ id: unitId, name: '基准测试医院', category: 'hospital', ownership: null, createdAt: new Date() }));
  const state = initialCaseState({ caseId, campaignId: caseId.split(':')[1] ?? '', unitId, unitName: '基准测试医院', category: 'hospital' });
  await orm.em.fork().insert(CaseRecordEntity, new CaseRecordEntity(state, new Date()));
  await new AccountStore(orm).create({ username: 'bench.contact', displayName: '联络人', role: 'unit_contact', unitId, password: PASSWORD }, SYSTEM_ACTOR);
  await orm.close();

  const bench = await startBenchApi({ DATA_DIR: dir, DATABASE_URL: `sqlite:${database.path}`, DOCUMENT_MAX_BYTES: String(SIZE + 1024) });
  const { url, process: api } = bench;
  try {
    const login = (await (
      await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench.contact', password: PASSWORD }),
      })
    ).json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${login.accessToken}` };
    const upload = async (bytes: Buffer): Promise<number> => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), '基准.pdf');
      const started = performance.now();
      const answer = await fetch(`${url}/cases/${caseId}/documents`, { method: 'POST', headers, body: form });
      if (answer.status !== 201) throw new Error(`upload answered ${answer.status}: ${await answer.text()}`);
      return performance.now() - started;
    };

    const floor: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const bytes = pdfOfSize();
      const started = performance.now();
      createHash('sha256').update(bytes).digest('hex');
      writeFileSync(join(dir, 'floor.bin'), bytes);
      floor.push(performance.now() - started);
    }
    await upload(pdfOfSize());
    const sequential: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) sequential.push(await upload(pdfOfSize()));

    const idle = residentMegabytes(api.pid ?? 0);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, residentMegabytes(api.pid ?? 0));
    }, 20);
    const files = Array.from({ length: CONCURRENT }, pdfOfSize);
    const started = performance.now();
    await Promise.all(files.map(upload));
    const together = performance.now() - started;
    clearInterval(sampler);

    const megabytes = SIZE / 1024 / 1024;
    const rate = (ms: number) => (megabytes / (ms / 1000)).toFixed(0);
    console.log(`documents, ${megabytes} MB PDF files, folder store, SQLite (median of ${ROUNDS}):`);
    console.log(`  floor: hash + write to a file      ${rate(quantile(floor, 0.5))} MB/s`);
    console.log(
      `  one upload at a time (HTTP, multipart, type, hash, store, row)  ${rate(quantile(sequential, 0.5))} MB/s  (p50 ${quantile(sequential, 0.5).toFixed(0)} ms)`,
    );
    console.log(`  ${CONCURRENT} at once: ${rate(together / CONCURRENT)} MB/s in all (${(together / 1000).toFixed(1)} s)`);
    console.log(`  api resident memory: idle ${idle.toFixed(0)} MB, peak during the ${CONCURRENT} uploads ${peak.toFixed(0)} MB`);
  } finally {
    await bench.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
