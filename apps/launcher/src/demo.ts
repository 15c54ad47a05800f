import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ACTOR_ROLE_NAMES, SYSTEM_ACTOR } from '#domain';
import { repoRoot } from '#config';
import { AccountStore } from '#persistence';
import { OfficeCalendar } from '../../api/src/common/office-calendar.js';
import { demoPassword, describeStages, seedDemo, type SeededDemo } from '../../cli/src/seed/demo-seed.js';
import { DATA_DIR_LOCK, DataDirInUse, lockDataDir } from './data-dir-lock.js';
import { runEmbedded } from './embedded.js';

/** One case day every 30 real seconds from Monday 4 November 2019: a working week in under four minutes. */
const DEMO_CLOCK = { secondsPerDay: '30', startsOn: '2019-11-04' } as const;
/** Marks a folder as the demo's, so that only such a folder is ever emptied. */
const MARKER = '.qinglian-demo';
const ADMIN = { username: 'office.admin', displayName: '市纪委项目办' } as const;

/**
 * `npm run demo`: the embedded system in a folder of its own (DEMO_DATA_DIR, default var/demo), fresh on every start,
 * with the 2019 Yongkang campaign moved along the demo's paths on a compressed case clock.
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.DEMO_DATA_DIR ?? join(repoRoot(), 'var/demo'));
  // Never empty the folder of a demo still running: hold its lock while emptying (the system takes it again).
  mkdirSync(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir).catch((error: unknown) => {
    console.error(error instanceof DataDirInUse ? error.message : error);
    process.exit(1);
  });
  freshDemoFolder(dataDir);
  await unlock();
  const admin = { ...ADMIN, password: demoPassword() };
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    // Always the embedded stores, never a database or cluster the environment names for other uses.
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
    CASE_CLOCK_SECONDS_PER_DAY: process.env.CASE_CLOCK_SECONDS_PER_DAY ?? DEMO_CLOCK.secondsPerDay,
    CASE_CLOCK_STARTS_ON: process.env.CASE_CLOCK_STARTS_ON ?? DEMO_CLOCK.startsOn,
    // The demo logs in one account per unit from this machine within a minute.
    AUTH_LOGIN_RATE_LIMIT: process.env.AUTH_LOGIN_RATE_LIMIT ?? '1000',
  };
  delete environment.BOOTSTRAP_ADMIN_USERNAME;
  delete environment.BOOTSTRAP_ADMIN_PASSWORD;
  let office: OfficeCalendar | undefined;

  await runEmbedded({
    environment,
    banner: '清廉细胞示范点创建管理演示已启动 / the Qinglian demo is running',
    prepareDatabase: async (orm, config) => {
      await new AccountStore(orm).create({ ...ADMIN, role: 'administrator', password: admin.password }, SYSTEM_ACTOR);
      // The api's "today" runs from its start, which follows at once.
      office = new OfficeCalendar(config);
    },
    whenRunning: async ({ config, apiUrl }) => {
      const clock = config.caseClock;
      if (!clock || !office) throw new Error('the demo runs on the case clock');
      const calendar = office;
      console.log(`演示数据准备中 / seeding the demo (case clock from ${clock.startsOn ?? 'today'}, ${clock.secondsPerDay} s a day)…`);
      const seeded = await seedDemo({
        api: apiUrl,
        admin,
        today: () => calendar.today(),
        dayMs: clock.secondsPerDay * 1000,
        log: (line) => {
          console.log(line);
        },
      });
      return describeDemo(seeded, { ...clock, today: calendar.today() });
    },
  });
}

/** What the demo prints once: the campaign, the clock, the accounts and their passwords. */
function describeDemo(seeded: SeededDemo, clock: { secondsPerDay: number; startsOn: string | undefined; today: string }): string[] {
  const width = Math.max(...seeded.accounts.map((account) => account.username.length));
  return [
    `  演示活动 / campaign: 2019年永康市清廉细胞示范点创建 (${seeded.campaignId})`,
    `    ${describeStages(seeded.stages)}`,
    `  模拟时钟 / case clock: ${clock.startsOn ?? ''} 起，每 ${clock.secondsPerDay} 秒为一天 / one case day every ${clock.secondsPerDay} s; 今天 / today ${clock.today}`,
    '  账户 / accounts (口令仅显示这一次 / passwords are shown this once):',
    ...seeded.accounts.map(
      (account) => `    ${account.username.padEnd(width)}  ${account.password}  ${ACTOR_ROLE_NAMES[account.role]} · ${account.displayName}`,
    ),
    `    单位联络人 / unit contacts: contact.01 … contact.${String(seeded.contactCount)}（每单位一人 / one per unit, 同一口令 / one password）  ${seeded.contactPassword}`,
    ...seeded.examples.map((example) => `      例 / e.g. ${example.username}  ${example.unitName}  ${example.standing}`),
  ];
}

/** Empties the demo's folder (or creates it) and marks it; refuses a folder with anything but a demo in it. */
function freshDemoFolder(dataDir: string): void {
  if (readdirSync(dataDir).some((entry) => entry !== DATA_DIR_LOCK) && !existsSync(join(dataDir, MARKER))) {
    console.error(
      `${dataDir} 中已有非演示数据，演示不会清空它；请另选 DEMO_DATA_DIR / ${dataDir} holds data that is not the demo's: the demo will not empty it; choose another DEMO_DATA_DIR`,
    );
    process.exit(1);
  }
  for (const entry of readdirSync(dataDir)) {
    if (entry !== DATA_DIR_LOCK) rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
  writeFileSync(join(dataDir, MARKER), 'npm run demo: this folder is emptied on every start\n');
}

void main();
