import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../support/cli.js';
import { eventually, freePort, httpClient } from '../support/http.js';
import { temporalCliPath } from '../support/temporal.js';

/** The seeding, the wait for the first overdue case and the reminders take a few case days on the demo's clock. */
const DEMO_READY_MS = 300_000;

/** What the demo printed, read back: the campaign, and a password by username. */
function printed(output: string) {
  const campaignId = /演示活动 \/ campaign: .* \(([0-9a-f-]{36})\)/.exec(output)?.[1];
  const passwordOf = (username: string) => new RegExp(`^\\s+${username.replace('.', '\\.')}\\s+(\\S+)\\s`, 'm').exec(output)?.[1];
  const contactPassword = /unit contacts: .*\s(\S+)$/m.exec(output)?.[1];
  const overdueContact = /e\.g\. (contact\.\d+) .*rectification, overdue/.exec(output)?.[1];
  if (!campaignId || !contactPassword || !overdueContact) throw new Error(`the demo did not print its campaign and accounts:\n${output}`);
  return { campaignId, passwordOf, contactPassword, overdueContact };
}

describe('npm run demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-demo-'));
  let demo: ChildProcess;
  let output = '';
  let api: string;

  beforeAll(async () => {
    const ports = { api: await freePort(), temporal: await freePort(), ui: await freePort() };
    api = `http://127.0.0.1:${ports.api}/api`;
    demo = spawn(process.execPath, ['dist/apps/launcher/src/demo.js'], {
      env: {
        ...process.env,
        DEMO_DATA_DIR: dataDir,
        PORT: String(ports.api),
        TEMPORAL_DEV_PORT: String(ports.temporal),
        TEMPORAL_UI_PORT: String(ports.ui),
        TEMPORAL_CLI_PATH: temporalCliPath(),
        TEMPORAL_TASK_QUEUE: 'demo-test',
        LOG_LEVEL: 'warn',
        // The demo's own data, whatever the environment names: these must not be used.
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/not-the-demo',
        TEMPORAL_ADDRESS: '127.0.0.1:1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    demo.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    await eventually(
      'the demo to report it is running',
      () => {
        if (demo.exitCode !== null) throw new Error(`the demo exited ${demo.exitCode}:\n${output}`);
        return Promise.resolve(output.includes('the Qinglian demo is running') ? true : undefined);
      },
      DEMO_READY_MS,
    );
  }, DEMO_READY_MS + 10_000);

  afterAll(async () => {
    if (demo.exitCode === null) {
      const exited = once(demo, 'exit');
      demo.kill('SIGINT');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function login(username: string, password: string | undefined) {
    const session = await httpClient(api).post<{ accessToken: string }>('/auth/login', { username, password });
    expect(session.status).toBe(200);
    return httpClient(api, { authorization: `Bearer ${session.body.accessToken}` });
  }

  it(
    'spreads the 2019 Yongkang campaign over the stages, with overdue cases, reminders arriving, and the accounts it printed',
    async () => {
      const { campaignId, passwordOf, contactPassword, overdueContact } = printed(output);
      const office = await login('office.admin', passwordOf('office.admin'));
      const casesIn = async (stage: string) => (await office.get<{ total: number }>(`/cases?campaignId=${campaignId}&stage=${stage}&pageSize=1`)).body.total;
      expect((await office.get<{ total: number }>(`/cases?campaignId=${campaignId}&pageSize=1`)).body.total).toBe(71);
      expect(await casesIn('certified')).toBeGreaterThanOrEqual(1);
      expect(await casesIn('revoked')).toBe(1);
      expect(await casesIn('rectification')).toBeGreaterThanOrEqual(1);
      expect(await casesIn('inspection')).toBeGreaterThanOrEqual(1);
      expect(await casesIn('cultivation')).toBeGreaterThanOrEqual(1);

      const contact = await login(overdueContact, contactPassword);
      const tasks = (await contact.get<{ items: { caseId: string; stage: string; dueStatus: string }[] }>('/me/tasks')).body.items;
      const overdue = tasks.find((task) => task.dueStatus === 'overdue');
      expect(overdue).toMatchObject({ stage: 'rectification' });

      // Every staff account logs in with the password printed for it.
      for (const username of ['audit.zhou', 'jinhua.chen', 'assessor.wang', 'assessor.li', 'assessor.zhao']) await login(username, passwordOf(username));
      const auditor = await login('audit.zhou', passwordOf('audit.zhou'));
      expect((await auditor.get('/audit/verify')).body).toMatchObject({ ok: true });

      const reminder = await eventually(
        'a reminder on the overdue case',
        async () => (await office.get<{ type: string }[]>(`/cases/${overdue?.caseId ?? ''}/events`)).body.find((event) => event.type === 'ReminderSent'),
        DEMO_READY_MS,
      );
      expect(reminder).toMatchObject({ type: 'ReminderSent' });
    },
    DEMO_READY_MS,
  );

  it('seeds the campaign again without a hand-made token: one issued for the run in its database, revoked after, nothing changed', async () => {
    const { campaignId, passwordOf } = printed(output);
    const office = await login('office.admin', passwordOf('office.admin'));
    const seeded = await runCli(['seed:yongkang-2019', '--api', api.replace(/\/api$/, '')], { DATA_DIR: dataDir, DATABASE_URL: '', QINGLIAN_API_TOKEN: '' });
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain(`campaign found: 2019年永康市清廉细胞示范点创建 (${campaignId})`);
    expect(seeded.stdout).toContain('0 newly enrolled, 71 already enrolled');
    const tokens = (await office.get<{ id: string; role: string; revokedAt: string | null }[]>('/api-tokens')).body;
    expect(tokens).toEqual([expect.objectContaining({ role: 'administrator', revokedAt: expect.any(String) })]);
    const records = (await office.get<{ items: { type: string }[] }>('/account-events?pageSize=100')).body.items.map((event) => event.type);
    expect(records).toEqual(expect.arrayContaining(['ApiTokenCreated', 'ApiTokenRevoked']));
  });

  it('stops every child on SIGINT, and never empties a folder that is not a demo’s', async () => {
    const exited = once(demo, 'exit') as Promise<[number | null]>;
    demo.kill('SIGINT');
    expect((await exited)[0]).toBe(0);

    const foreign = mkdtempSync(join(tmpdir(), 'qinglian-not-demo-'));
    writeFileSync(join(foreign, 'qinglian.sqlite'), 'precious');
    try {
      const refused = spawn(process.execPath, ['dist/apps/launcher/src/demo.js'], {
        env: { ...process.env, DEMO_DATA_DIR: foreign },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      refused.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      expect(((await once(refused, 'exit')) as [number | null])[0]).toBe(1);
      expect(stderr).toContain('DEMO_DATA_DIR');
      expect(readFileSync(join(foreign, 'qinglian.sqlite'), 'utf8')).toBe('precious');
    } finally {
      rmSync(foreign, { recursive: true, force: true });
    }
  });
});
