import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addCalendarDays, CASE_STAGES, CATEGORY_CODES, initialCaseState, SYSTEM_ACTOR, type CaseState } from '#domain';
import { AccountStore, CaseRecordEntity, migrateUp, openOrm } from '#persistence';
import { startBenchApi } from './bench-api.js';
import { residentMegabytes } from './resident-memory.js';

/**
 * node dist/apps/bench/src/ledger-export.js [--cases 5000,50000] [--heap 128]
 * 台账导出: for each size, a fresh SQLite read model of that many cases (written directly, as the projection writes
 * them), the api alone in its own process with its JavaScript heap capped at `heap` MiB, and GET /api/cases/export of
 * every case (all columns) as XLSX and as CSV, while the api's resident memory is sampled from /proc every 20 ms.
 * Streaming shows as exports that finish under the cap and a peak that does not grow with the size.
 */
const { values } = parseArgs({ options: { cases: { type: 'string', default: '5000,50000' }, heap: { type: 'string', default: '128' } } });
const SIZES = values.cases.split(',').map(Number);
/** Scores of an inspection sheet, so that the folded state of a case under inspection is the size of a real one. */
const SHEET = { scores: Array.from({ length: 40 }, (_, index) => ({ indicatorCode: `I-${index}`, points: 2.5, evidence: ['台账'] })), vetoes: [] };
const PASSWORD = randomBytes(24).toString('base64url');

/** A case in one of the stages, due within two months, with a name long enough to look like a real unit's. */
function caseState(index: number, campaignId: string): CaseState {
  const unitId = randomUUID();
  const stage = CASE_STAGES[index % CASE_STAGES.length] ?? 'cultivation';
  return {
    ...initialCaseState({
      caseId: `case:${campaignId}:${unitId}`,
      campaignId,
      unitId,
      unitName: `永康市基准测试单位第 ${String(index).padStart(6, '0')} 号`,
      category: CATEGORY_CODES[index % CATEGORY_CODES.length] ?? 'village',
    }),
    stage,
    deadlines: { cultivation: addCalendarDays('2019-09-01', index % 60) },
    ...(stage === 'inspection' ? { inspection: { round: 1, sheets: { [randomUUID()]: SHEET, [randomUUID()]: SHEET } } } : {}),
    ...(stage === 'certified' ? { certification: { documentNumber: `金纪〔2019〕${index}号`, certifiedOn: '2019-12-20' } } : {}),
  };
}

async function measure(cases: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qinglian-bench-ledger-'));
  const path = join(dir, 'qinglian.sqlite');
  const orm = await openOrm({ kind: 'sqlite', path });
  await migrateUp(orm);
  const campaignId = randomUUID();
  for (let from = 0; from < cases; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, cases - from) }, (_, offset) => new CaseRecordEntity(caseState(from + offset, campaignId), new Date()));
    await orm.em.fork().insertMany(CaseRecordEntity, rows);
  }
  await new AccountStore(orm).create({ username: 'bench.office', displayName: '项目办', role: 'administrator', password: PASSWORD }, SYSTEM_ACTOR);
  await orm.close();

  const bench = await startBenchApi({ DATA_DIR: dir, DATABASE_URL: `sqlite:${path}`, NODE_OPTIONS: `--max-old-space-size=${values.heap}` });
  const pid = bench.process.pid ?? 0;
  const lines: string[] = [];
  try {
    const login = (await (
      await fetch(`${bench.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench.office', password: PASSWORD }),
      })
    ).json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${login.accessToken}` };
    const download = async (query: string): Promise<number> => {
      const answer = await fetch(`${bench.url}/cases/export?${query}`, { headers });
      if (answer.status !== 200) throw new Error(`export answered ${answer.status}: ${await answer.text()}`);
      return (await answer.arrayBuffer()).byteLength;
    };
    // A small export first, so the code paths are loaded before the idle reading.
    await download(`format=xlsx&campaignId=${campaignId}&q=000001`);
    for (const format of ['xlsx', 'csv']) {
      const idle = residentMegabytes(pid);
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, residentMegabytes(pid));
      }, 20);
      const started = performance.now();
      const bytes = await download(`format=${format}&campaignId=${campaignId}`);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      lines.push(
        `  ${cases.toLocaleString('en').padStart(7)}  ${format.padEnd(5)} ${(bytes / 1024 / 1024).toFixed(1).padStart(6)} MB ${seconds.toFixed(1).padStart(6)} s ${String(Math.round(cases / seconds)).padStart(7)} rows/s   api RSS idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`,
      );
    }
  } finally {
    await bench.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

console.log(`台账导出 GET /api/cases/export, every case of a campaign, SQLite, the api in its own process (heap capped at ${values.heap} MiB):`);
for (const cases of SIZES) for (const line of await measure(cases)) console.log(line);
