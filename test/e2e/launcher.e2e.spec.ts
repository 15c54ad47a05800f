import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, freePort, httpClient } from '../support/http.js';
import { launch, portAnswers, processesOn, type Launched } from '../support/launcher.js';
import { TEST_ADMIN } from '../support/stack.js';
import { temporalCliPath } from '../support/temporal.js';

async function interrupt(launched: Launched): Promise<number | null> {
  const exited = once(launched.process, 'exit') as Promise<[number | null]>;
  launched.process.kill('SIGINT');
  const [code] = await exited;
  return code;
}

describe('npm start (the embedded launcher)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-launch-'));
  let env: NodeJS.ProcessEnv;
  let ports: { api: number; temporal: number; ui: number; workerMetrics: number };

  beforeAll(async () => {
    ports = { api: await freePort(), temporal: await freePort(), ui: await freePort(), workerMetrics: await freePort() };
    env = {
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      TEMPORAL_DEV_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      WORKER_METRICS_ADDRESS: `127.0.0.1:${ports.workerMetrics}`,
      TEMPORAL_CLI_PATH: temporalCliPath(),
      TEMPORAL_TASK_QUEUE: 'launcher-test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      AUTH_TOKEN_SECRET: 'launcher-test-secret-of-at-least-32-characters',
      BOOTSTRAP_ADMIN_USERNAME: TEST_ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
    };
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts everything, stops every child on SIGINT, and a second start finds the same data', async () => {
    const first = await launch(env);
    const anonymous = httpClient(`http://127.0.0.1:${ports.api}/api`);
    const login = await anonymous.post<{ accessToken: string }>('/auth/login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    expect(login.status).toBe(200);
    // The session lives in the database and the secret in the environment: the token still works after a restart.
    const http = httpClient(`http://127.0.0.1:${ports.api}/api`, { authorization: `Bearer ${login.body.accessToken}` });
    expect(first.output()).toContain(`http://127.0.0.1:${ports.api}/api/docs`);
    expect(first.output()).toContain(`http://127.0.0.1:${ports.ui}`);
    expect((await http.get('/health')).body).toMatchObject({ status: 'ok', down: [] });
    // The worker serves the Temporal SDK's metrics on its internal address.
    const workerMetrics = await (await fetch(`http://127.0.0.1:${ports.workerMetrics}/metrics`)).text();
    expect(workerMetrics).toMatch(/^temporal_\w+/m);

    const unit = await http.post<{ id: string }>('/units', { name: '永康中学', category: 'school' });
    const campaign = await http.post<{ id: string }>('/campaigns', { year: 2019, name: '2019年清廉学校' });
    const enrolled = await http.post<{ caseId: string; lastSequence: number; deadlines: Record<string, string> }>(
      `/campaigns/${campaign.body.id}/enrollments`,
      { unitId: unit.body.id },
    );
    expect(enrolled.status).toBe(201);

    expect(await interrupt(first)).toBe(0);
    for (const port of Object.values(ports)) {
      expect(await portAnswers(port)).toBe(false);
    }

    const second = await launch(env);
    try {
      expect(second.output()).toContain('database schema up to date');
      expect((await http.get(`/units/${unit.body.id}`)).body).toMatchObject({ name: '永康中学' });
      // The enrollment and its cultivation due date (set, or pending when it falls beyond the calendar's years).
      expect(enrolled.body.lastSequence).toBe(2);
      expect((await http.get(`/cases/${enrolled.body.caseId}`)).body).toMatchObject({
        stage: 'cultivation',
        lastSequence: 2,
        deadlines: enrolled.body.deadlines,
      });
      expect((await http.get<unknown[]>(`/cases/${enrolled.body.caseId}/events`)).body).toHaveLength(2);
    } finally {
      expect(await interrupt(second)).toBe(0);
    }
  });

  it('refuses a second system on a data directory in use, and ends every child when the launcher is killed outright', async () => {
    const first = await launch(env);
    const running = processesOn(dataDir);
    // The launcher, the guard and the dev server under it, the worker, the api.
    expect(running.length).toBeGreaterThanOrEqual(5);

    // A second start on the same data is refused before it touches anything; the first runs on.
    const second = spawn(process.execPath, ['dist/apps/launcher/src/main.js'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let refusal = '';
    second.stderr.setEncoding('utf8').on('data', (chunk: string) => (refusal += chunk));
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(refusal).toContain(`数据目录 ${dataDir} 正由另一个运行中的 Qinglian 使用`);
    expect(refusal).toContain('is in use by another running Qinglian');
    expect((await httpClient(`http://127.0.0.1:${ports.api}/api`).get('/health')).body).toEqual({ status: 'ok' });

    // Killed as the OOM killer or a supervisor's stop timeout would: nothing it started outlives it.
    first.process.kill('SIGKILL');
    await eventually('every process of the killed system to end', () => Promise.resolve(processesOn(dataDir).length === 0 ? true : undefined), 60_000);
    for (const port of Object.values(ports)) expect(await portAnswers(port)).toBe(false);

    // The lock it left is taken over once stale: the next start runs on the same data.
    const third = await launch(env);
    try {
      expect(third.output()).toContain('database schema up to date');
    } finally {
      expect(await interrupt(third)).toBe(0);
    }
    expect(processesOn(dataDir)).toEqual([]);
  });

  it('refuses to start with bad configuration, naming every bad variable', async () => {
    const child = spawn(process.execPath, ['dist/apps/launcher/src/main.js'], {
      env: { ...process.env, ...env, PORT: 'eighty', LOG_LEVEL: 'loud' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(output).toContain('PORT');
    expect(output).toContain('LOG_LEVEL');
  });
});
