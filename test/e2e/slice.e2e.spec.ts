import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { AppConfig } from '#config';
import { migrateUp, openOrm } from '#persistence';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { runCli } from '../support/cli.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { eventually, freePort, httpClient } from '../support/http.js';
import { listen } from '../support/http.js';
import { TEST_ADMIN, type RunningStack } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

// The case's clock runs at real speed from 1 March 2019, so its due dates are those of that spring.
describeOnEachDatabase('the slice over HTTP', { environment: { CASE_CLOCK_SECONDS_PER_DAY: '86400', CASE_CLOCK_STARTS_ON: '2019-03-01' } }, (suite) => {
  let http: RunningStack['http'];

  beforeAll(() => {
    http = suite.stack.http;
  });

  it('reports the database, Temporal and the polling worker as up', async () => {
    const health = await eventually('a polling worker', async () => {
      const result = await http.get<{ status: string; workers: number; checks: unknown }>('/health');
      return result.body.workers > 0 ? result : undefined;
    });
    expect(health.body).toMatchObject({ down: [] });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, temporal: { status: 'up' } }, down: [] });
  });

  it('tells the public its status only; the details take an administrator’s or auditor’s token', async () => {
    const publicly = await suite.stack.anonymous.get('/health');
    expect([publicly.status, publicly.body]).toEqual([200, { status: 'ok' }]);
    expect(Object.keys((await http.get('/health', suite.stack.actors.auditor)).body).sort()).toEqual(['checks', 'down', 'status', 'workers']);
    // Other roles are the public here.
    expect((await http.get('/health', suite.stack.actors.alice)).body).toEqual({ status: 'ok' });
    // A token given must be valid: a monitor with a stale one hears so.
    expect((await suite.stack.anonymous.get<{ code: string }>('/health', { authorization: 'Bearer qlt_no-such-token-at-all' })).body.code).toBe(
      'TOKEN_INVALID',
    );
  });

  it('enrolls a unit, refuses an illegal step, records a legal one, and shows the chained audit trail', async () => {
    const unit = await http.post<{ id: string }>('/units', { name: '道明光学股份有限公司', category: 'enterprise', ownership: 'private' });
    expect(unit.status).toBe(201);
    const campaign = await http.post<{ id: string }>('/campaigns', { year: 2019, name: '2019年清廉细胞示范点创建' });
    expect(campaign.status).toBe(201);

    const ADMIN = suite.stack.actors.admin;
    const enrolled = await http.post(`/campaigns/${campaign.body.id}/enrollments`, { unitId: unit.body.id }, ADMIN);
    expect(enrolled.status).toBe(201);
    // 120 calendar days of cultivation end on Saturday 29 June: due the next working day.
    expect(enrolled.body).toMatchObject({
      stage: 'cultivation',
      stageName: '培育 / Cultivation',
      planStatus: 'not_submitted',
      deadlines: { cultivation: '2019-07-01' },
      lastSequence: 2,
    });
    const caseId = `case:${campaign.body.id}:${unit.body.id}`;
    expect(enrolled.body.caseId).toBe(caseId);

    const again = await http.post(`/campaigns/${campaign.body.id}/enrollments`, { unitId: unit.body.id }, ADMIN);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ENROLLED');

    // The administrator sees the case, but only the unit contact submits the plan.
    const byAdmin = await http.post(`/cases/${caseId}/plan`, { summary: '党建引领、企业内控制度' }, ADMIN);
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      messageZh: expect.stringContaining('角色'),
      messageEn: expect.stringContaining('administrator'),
    });
    const CONTACT = await suite.stack.contactOf(unit.body.id);
    expect((await http.get<unknown[]>(`/cases/${caseId}/events`)).body).toHaveLength(2);

    const submitted = await http.post(`/cases/${caseId}/plan`, { summary: '党建引领、企业内控制度', documentRefs: ['DM-2019-07'] }, CONTACT);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ planStatus: 'submitted', lastSequence: 3 });

    const twice = await http.post(`/cases/${caseId}/plan`, { summary: '再次提交' }, CONTACT);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PLAN_ALREADY_SUBMITTED');

    const events = await http.get<
      { sequence: number; type: string; actor: { id: string; role: string }; prevHash: string; hash: string; occurredAt: string }[]
    >(`/cases/${caseId}/events`);
    expect(events.body.map((event) => [event.sequence, event.type, event.actor.role])).toEqual([
      [1, 'CaseEnrolled', 'administrator'],
      [2, 'DeadlineSet', 'system'],
      [3, 'PlanSubmitted', 'unit_contact'],
    ]);
    const me = (await http.get<{ id: string }>('/auth/me', CONTACT)).body;
    expect(events.body.map((event) => event.actor.id)).toEqual([suite.stack.ids.admin, 'system', me.id]);
    // The timeline names each person (the system has no name).
    expect(events.body.map((event) => (event.actor as { name?: string | null }).name)).toEqual([
      TEST_ADMIN.username,
      null,
      expect.stringMatching(/^unit-contact-/),
    ]);
    expect(events.body[1]?.prevHash).toBe(events.body[0]?.hash);
    expect(events.body[2]?.prevHash).toBe(events.body[1]?.hash);
    // The same state, read by the office: what differs is only what each may do next.
    const { openSteps: officeSteps, recordedAt, ...read } = (await http.get<{ openSteps: string[]; recordedAt: string }>(`/cases/${caseId}`)).body;
    const { openSteps: contactSteps, ...answered } = submitted.body as { openSteps: string[] };
    expect(read).toEqual(answered);
    expect(contactSteps).toEqual([]);
    expect(officeSteps).toContain('reviewPlan');
    // Read from the read model: as of the last recorded event, and says when that was.
    expect(recordedAt).toBe(events.body.at(-1)?.occurredAt);

    // With no worker running, the office still reads the case, its timeline and the list.
    await suite.stack.stopWorker();
    try {
      const withoutWorker = await http.get<{ openSteps: string[]; recordedAt: string }>(`/cases/${caseId}`);
      expect(withoutWorker.status).toBe(200);
      expect(withoutWorker.body).toEqual({ ...read, openSteps: officeSteps, recordedAt });
      expect((await http.get<unknown[]>(`/cases/${caseId}/events`)).body).toHaveLength(3);
      const list = await http.get<{ items: { caseId: string; lastSequence?: number }[] }>(`/cases?campaignId=${campaign.body.id}`);
      expect(list.body.items.map((item) => item.caseId)).toEqual([caseId]);
    } finally {
      await suite.stack.startWorker();
    }
  });

  it('takes an Idempotency-Key on a step: a retry gets the first answer and records nothing more; the key with another request answers 422', async () => {
    const campaignId = await suite.stack.createCampaign({ year: 2019, name: '幂等键测试活动' });
    const { caseId, unitId } = await suite.stack.enrollNewUnit(campaignId, '幂等键测试村');
    const CONTACT = await suite.stack.contactOf(unitId);
    const plan = { summary: '第一次提交的方案' };
    const withKey = (key: string): Record<string, string> => ({ ...CONTACT, 'idempotency-key': key });

    // Two tries at once (the caller gave up on the first and sent it again) and one long after: one record, one answer.
    const [first, concurrent] = await Promise.all([
      http.post(`/cases/${caseId}/plan`, plan, withKey('"plan-7f3a"')),
      http.post(`/cases/${caseId}/plan`, plan, withKey('"plan-7f3a"')),
    ]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ planStatus: 'submitted', lastSequence: 3 });
    expect(concurrent).toMatchObject({ status: 200, body: first.body });
    expect(await http.post(`/cases/${caseId}/plan`, plan, withKey('plan-7f3a'))).toMatchObject({ status: 200, body: first.body });
    const planEvents = async (): Promise<number> =>
      (await http.get<{ type: string }[]>(`/cases/${caseId}/events`)).body.filter((event) => event.type === 'PlanSubmitted').length;
    expect(await planEvents()).toBe(1);

    // The same key with another body is refused; without a key the repeat is a second submission, refused by the rules.
    const reused = await http.post(`/cases/${caseId}/plan`, { summary: '改过的方案' }, withKey('plan-7f3a'));
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', messageZh: expect.stringContaining('幂等键') });
    expect((await http.post(`/cases/${caseId}/plan`, plan, CONTACT)).status).toBe(409);
    const malformed = await http.post(`/cases/${caseId}/plan`, plan, withKey('with space'));
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('Idempotency-Key');
    expect(await planEvents()).toBe(1);

    // A refused step leaves its key free; distinct keys are distinct reports, a repeated one is not.
    expect((await http.post(`/cases/${caseId}/progress-reports`, { summary: '三月进度' }, withKey('report-1'))).status).toBe(409);
    expect((await http.post(`/cases/${caseId}/plan/review`, { approve: true }, suite.stack.actors.admin)).status).toBe(200);
    const march = await http.post<{ progressReports: number }>(`/cases/${caseId}/progress-reports`, { summary: '三月进度' }, withKey('report-1'));
    expect(march.status).toBe(200);
    expect(await http.post(`/cases/${caseId}/progress-reports`, { summary: '三月进度' }, withKey('report-1'))).toMatchObject({ status: 200, body: march.body });
    const april = await http.post<{ progressReports: number }>(`/cases/${caseId}/progress-reports`, { summary: '三月进度' }, withKey('report-2'));
    expect(april.body.progressReports).toBe(march.body.progressReports + 1);

    // Each try is in the step latency metrics by its outcome; the metrics need an administrator's or auditor's token.
    expect((await suite.stack.anonymous.get('/metrics')).status).toBe(401);
    const metrics = await http.get<string>('/metrics', suite.stack.actors.auditor);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const count = (series: string): number => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(metrics.body)?.[1] ?? 0);
    // The concurrent try joined the first's Update (recorded); the later one was answered from the key (replayed).
    expect(count('qinglian_step_duration_seconds_count{step="submitPlan",outcome="replayed"}')).toBeGreaterThanOrEqual(1);
    expect(count('qinglian_step_duration_seconds_count{step="submitPlan",outcome="recorded"}')).toBeGreaterThanOrEqual(2);
    expect(count('qinglian_step_duration_seconds_count{step="submitPlan",outcome="refused"}')).toBeGreaterThanOrEqual(2);
    expect(count('qinglian_step_duration_seconds_count{step="submitProgressReport",outcome="recorded"}')).toBeGreaterThanOrEqual(2);
    expect(count('qinglian_enrollments_total{outcome="enrolled"}')).toBeGreaterThanOrEqual(2);
    expect(metrics.body).toContain('qinglian_api_process_resident_memory_bytes');
  });

  it('answers bad input with 400 naming each field, and unknown things with 404', async () => {
    const bad = await http.post<{ errors: { field: string }[] }>('/units', { name: '', category: 'bank', extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field).sort()).toEqual(['category', 'extra', 'name']);

    const noOwnership = await http.post('/units', { name: '先行集团', category: 'enterprise' });
    expect(noOwnership.status).toBe(400);

    const noActor = await suite.stack.anonymous.post<{ code: string }>(`/campaigns/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/enrollments`, {
      unitId: crypto.randomUUID(),
    });
    expect(noActor.status).toBe(401);
    expect(noActor.body.code).toBe('UNAUTHENTICATED');

    const missingCampaign = await http.post(`/campaigns/${crypto.randomUUID()}/enrollments`, { unitId: crypto.randomUUID() });
    expect(missingCampaign.status).toBe(404);

    expect((await http.get('/cases/not-a-case')).status).toBe(400);
    expect((await http.get(`/cases/case:${crypto.randomUUID()}:${crypto.randomUUID()}`)).status).toBe(404);
    expect((await http.get(`/cases/case:${crypto.randomUUID()}:${crypto.randomUUID()}/events`)).status).toBe(404);
  });

  it('creates campaigns with stage durations in calendar or working days and a reminder policy, still taking the legacy stageDurationDays', async () => {
    const created = await http.post<{ settings: Record<string, unknown> }>('/campaigns', {
      year: 2025,
      name: `期限与提醒-${crypto.randomUUID()}`,
      stageDurations: { self_assessment: { days: 10, unit: 'working' } },
      stageDurationDays: { cultivation: 90 },
      reminderPolicy: { beforeDueWorkingDays: [5, 1], escalateAfterWorkingDays: 2 },
    });
    expect(created.status).toBe(201);
    expect(created.body.settings).toMatchObject({
      stageDurations: {
        cultivation: { days: 90, unit: 'calendar' },
        self_assessment: { days: 10, unit: 'working' },
        inspection: { days: 20, unit: 'working' },
      },
      reminderPolicy: { beforeDueWorkingDays: [5, 1], onDueDay: true, overdueEveryWorkingDays: 1, escalateAfterWorkingDays: 2, sendAt: '09:00' },
    });
    expect(created.body.settings).not.toHaveProperty('stageDurationDays');

    const bad = await http.post<{ errors: { field: string }[] }>('/campaigns', {
      year: 2025,
      name: `期限与提醒-${crypto.randomUUID()}`,
      stageDurations: { inspection: { days: 0, unit: 'weeks' }, planning: { days: 3, unit: 'working' } },
      reminderPolicy: { sendAt: '25:00', beforeDueWorkingDays: [7, 7] },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['stageDurations.inspection.days', 'stageDurations.inspection.unit', 'stageDurations.planning', 'reminderPolicy.sendAt']),
    );

    const repeatedOffsets = await http.post<{ errors: { field: string }[] }>('/campaigns', {
      year: 2025,
      name: `期限与提醒-${crypto.randomUUID()}`,
      reminderPolicy: { beforeDueWorkingDays: [7, 7] },
    });
    expect(repeatedOffsets.status).toBe(400);
    expect(repeatedOffsets.body.errors.map((error) => error.field)).toEqual(['reminderPolicy.beforeDueWorkingDays']);

    const { schemas } = (await http.get<{ components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> } }>('/docs-json'))
      .body.components;
    expect(Object.keys(schemas.CreateCampaignDto?.properties ?? {})).toEqual(expect.arrayContaining(['stageDurations', 'stageDurationDays', 'reminderPolicy']));
    expect(Object.keys(schemas.StageDurationsDto?.properties ?? {}).sort()).toEqual(['cultivation', 'inspection', 'rectification', 'self_assessment']);
    expect(schemas.StageDurationsDto?.properties?.self_assessment?.description).toBe('自评期限（缺省 15 working）/ Self-assessment (default 15 working)');
    expect(schemas.ReminderPolicyDto?.properties?.sendAt?.description).toContain('Asia/Shanghai');
  });

  it('answers which days are working days, and refuses dates beyond the calendar naming the field', async () => {
    const week = await http.get<{ workingDays: number; days: { date: string; workingDay: boolean }[]; coverage: { firstYear: number; lastYear: number } }>(
      '/calendar/working-days?from=2025-09-27&to=2025-10-11',
    );
    expect(week.status).toBe(200);
    expect(week.body.days.filter((day) => day.workingDay).map((day) => day.date)).toEqual([
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
    ]);
    expect(week.body.workingDays).toBe(6);

    const beyond = await http.get<{ errors: { field: string; messages: string[] }[] }>(
      `/calendar/working-days?from=2025-01-01&to=${week.body.coverage.lastYear + 1}-01-05`,
    );
    expect(beyond.status).toBe(400);
    expect(beyond.body.errors).toEqual([
      { field: 'to', messages: [expect.stringContaining(`The working-day calendar covers ${week.body.coverage.firstYear}–${week.body.coverage.lastYear}`)] },
    ]);
    expect((await http.get('/calendar/working-days?from=2025-10-11&to=2025-09-27')).status).toBe(400);
  });

  it('verifies the audit trail over HTTP and with npm run audit:verify', async () => {
    const all = await http.get<{ ok: boolean; casesChecked: number; eventsChecked: number }>('/audit/verify');
    expect(all.status).toBe(200);
    expect(all.body.ok).toBe(true);
    expect(all.body.casesChecked).toBeGreaterThanOrEqual(1);
    expect(all.body.eventsChecked).toBeGreaterThanOrEqual(2);
    expect((await http.get('/audit/verify?caseId=has%20spaces')).status).toBe(400);

    const cli = await runCli(['audit:verify'], { DATABASE_URL: suite.database.url, DATA_DIR: suite.stack.config.dataDir });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`audit trail intact: ${all.body.casesChecked} cases, ${all.body.eventsChecked} events`);
  });

  it('creates an administrator with npm run account:create-admin, the password read from standard input', async () => {
    const run = (username: string, password: string) =>
      runCli(['account:create-admin', '--username', username], { DATABASE_URL: suite.database.url }, `${password}\n`);
    const weak = await run('second.admin', 'password123');
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('at least 12 characters');
    const created = await run('second.admin', 'a second administrator passphrase');
    expect(created.stdout).toContain('administrator created: second.admin');
    expect(created.status).toBe(0);
  });

  it('logs the new administrator in', async () => {
    const login = await suite.stack.anonymous.post<{ account: { role: string } }>('/auth/login', {
      username: 'second.admin',
      password: 'a second administrator passphrase',
    });
    expect(login.status).toBe(200);
    expect(login.body.account.role).toBe('administrator');
  });

  it('serves the OpenAPI document and page, and tags every answer with a request id', async () => {
    const document = await http.get<{ paths: Record<string, unknown> }>('/docs-json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/units',
        '/api/campaigns/{campaignId}/enrollments',
        '/api/cases/{caseId}',
        '/api/cases/{caseId}/plan',
        '/api/cases/{caseId}/events',
        '/api/audit/verify',
      ]),
    );
    const page = await http.get<string>('/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger');
    // Served under helmet's strict content security policy: the page may load scripts from files only.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.body).toMatch(/<script src=/);
    expect(page.body).not.toMatch(/<script>/);
    const traced = await http.get('/health', { 'x-request-id': 'trace-123' });
    expect(traced.headers.get('x-request-id')).toBe('trace-123');
    expect((await http.get('/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health when Temporal is unreachable', () => {
  it('answers 503, naming temporal and why only to an administrator', async () => {
    const database = await DATABASE_KINDS[0][1]();
    const orm = await openOrm(database.config);
    await migrateUp(orm);
    await orm.close();
    const api = await createApiApp(
      AppConfig.fromEnvironment({
        DATABASE_URL: database.url,
        TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
        LOG_LEVEL: 'silent',
        BOOTSTRAP_ADMIN_USERNAME: TEST_ADMIN.username,
        BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
        SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      }),
    );
    try {
      const anonymous = httpClient(`${await listen(api)}/api`);
      const publicly = await anonymous.get('/health');
      expect([publicly.status, publicly.body]).toEqual([503, { status: 'unavailable' }]);
      const login = await anonymous.post<{ accessToken: string }>('/auth/login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
      const health = await anonymous.get<{ down: string[]; checks: { database: { status: string }; temporal: { detail?: string } } }>('/health', {
        authorization: `Bearer ${login.body.accessToken}`,
      });
      expect(health.status).toBe(503);
      expect(health.body.down).toEqual(['temporal']);
      expect(health.body.checks.database.status).toBe('up');
      expect(health.body.checks.temporal.detail).toEqual(expect.any(String));

      // A step needs Temporal: 503, when to try again, and why in Chinese; what the database holds still reads.
      const admin = { authorization: `Bearer ${login.body.accessToken}` };
      const unit = await anonymous.post<{ id: string }>('/units', { name: '引擎停机村', category: 'village' }, admin);
      const campaign = await anonymous.post<{ id: string }>('/campaigns', { year: 2019, name: '引擎停机活动' }, admin);
      expect([unit.status, campaign.status]).toEqual([201, 201]);
      const enrolled = await anonymous.post(`/campaigns/${campaign.body.id}/enrollments`, { unitId: unit.body.id }, admin);
      expect(enrolled.status).toBe(503);
      expect(enrolled.headers.get('retry-after')).toBe('2');
      expect(enrolled.body).toMatchObject({ code: 'WORKFLOW_ENGINE_UNAVAILABLE', messageZh: expect.stringContaining('流程引擎暂不可用') });
      expect((await anonymous.get(`/units/${unit.body.id}`, admin)).status).toBe(200);
    } finally {
      await api.close();
      await database.drop();
    }
  });
});
