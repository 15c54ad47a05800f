import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { indicatorsOf, type HumanRole, type IndicatorFramework } from '#domain';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import type { HttpResult } from '../support/http.js';
import { startStack, TEST_ADMIN, TEST_PASSWORD, type AuthHeaders, type RunningStack } from '../support/stack.js';
import { startDevServer } from '../support/temporal.js';

const EVERYONE: readonly HumanRole[] = ['administrator', 'assessor', 'unit_contact', 'jinhua_reviewer', 'auditor'];
const OFFICE: readonly HumanRole[] = ['administrator'];
const OVERSIGHT: readonly HumanRole[] = ['administrator', 'auditor'];
/** The office, and a unit's own contact on their unit (another unit answers 404: see the unit group-chat tests). */
const OFFICE_AND_UNIT: readonly HumanRole[] = ['administrator', 'unit_contact'];

/**
 * Who may use each route of the OpenAPI document. Written out by hand, not derived from the decorators it
 * checks: a route added to the api without an entry here fails the matrix, and so does an entry whose route
 * is gone. Case routes are asked about a case in the caller's scope; scope itself is tested below.
 */
const EXPECTED: Readonly<Record<string, 'public' | readonly HumanRole[]>> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': EVERYONE,
  'GET /api/auth/me': EVERYONE,
  'POST /api/auth/password': EVERYONE,
  'POST /api/accounts': OFFICE,
  'GET /api/accounts': OVERSIGHT,
  'GET /api/accounts/{accountId}': OVERSIGHT,
  'POST /api/accounts/{accountId}/session-revocation': OFFICE,
  'POST /api/accounts/{accountId}/unlock': OFFICE,
  'POST /api/accounts/{accountId}/status': OFFICE,
  'GET /api/account-events': OVERSIGHT,
  'POST /api/api-tokens': OFFICE,
  'GET /api/api-tokens': OFFICE,
  'POST /api/api-tokens/{tokenId}/revocation': OFFICE,
  'POST /api/units': OFFICE,
  'GET /api/units/{unitId}': EVERYONE,
  'GET /api/units/{unitId}/group-chat': OFFICE_AND_UNIT,
  'PUT /api/units/{unitId}/group-chat': OFFICE_AND_UNIT,
  'DELETE /api/units/{unitId}/group-chat': OFFICE_AND_UNIT,
  'POST /api/campaigns': OFFICE,
  'GET /api/campaigns': EVERYONE,
  'GET /api/campaigns/{campaignId}': EVERYONE,
  'GET /api/campaigns/{campaignId}/statistics': OVERSIGHT,
  'POST /api/campaigns/{campaignId}/enrollments': OFFICE,
  'POST /api/campaigns/{campaignId}/enrollments/batch': OFFICE,
  'POST /api/campaigns/{campaignId}/enrollments/batch.csv': OFFICE,
  'GET /api/cases': EVERYONE,
  'GET /api/cases/{caseId}': EVERYONE,
  'GET /api/cases/{caseId}/state': EVERYONE,
  'GET /api/cases/{caseId}/events': EVERYONE,
  'POST /api/cases/{caseId}/plan': ['unit_contact'],
  'POST /api/cases/{caseId}/plan/review': OFFICE,
  'POST /api/cases/{caseId}/progress-reports': ['unit_contact'],
  'POST /api/cases/{caseId}/readiness': ['unit_contact', 'administrator'],
  'POST /api/cases/{caseId}/self-assessment': ['unit_contact'],
  'POST /api/cases/{caseId}/assessors': OFFICE,
  'POST /api/cases/{caseId}/conflicts': ['administrator', 'assessor'],
  'POST /api/cases/{caseId}/inspection-scores': ['assessor'],
  'POST /api/cases/{caseId}/rectification': ['unit_contact'],
  'POST /api/cases/{caseId}/recommendation': OFFICE,
  'POST /api/cases/{caseId}/jinhua-decision': ['jinhua_reviewer'],
  'POST /api/cases/{caseId}/annual-reviews': ['administrator', 'jinhua_reviewer'],
  'POST /api/cases/{caseId}/revocation': OFFICE,
  'POST /api/cases/{caseId}/withdrawal': OFFICE,
  'POST /api/cases/{caseId}/deadline-extensions': OFFICE,
  'GET /api/frameworks': EVERYONE,
  'GET /api/frameworks/{category}/{version}': EVERYONE,
  'GET /api/schedules': OVERSIGHT,
  'POST /api/schedules/{scheduleId}/pause': OFFICE,
  'POST /api/schedules/{scheduleId}/resume': OFFICE,
  'POST /api/schedules/{scheduleId}/trigger': OFFICE,
  'GET /api/audit/verify': OVERSIGHT,
  'GET /api/calendar/working-days': EVERYONE,
  'GET /api/inbox': EVERYONE,
  'GET /api/inbox/unread-count': EVERYONE,
  'POST /api/inbox/read-all': EVERYONE,
  'POST /api/inbox/{notificationId}/read': EVERYONE,
  'GET /api/me/notification-preferences': EVERYONE,
  'PUT /api/me/notification-preferences': EVERYONE,
};

const CASE_ROUTES = Object.keys(EXPECTED).filter((route) => route.includes('{caseId}'));

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startDevServer();
});

afterAll(async () => {
  await env.teardown();
});

describe.each(DATABASE_KINDS)('authorisation on %s', (_kind, createDatabase) => {
  let database: TestDatabase;
  let stack: RunningStack;
  let routes: string[];
  let campaignId: string;
  /** A case in cultivation: alice and bob assigned, bob with a declared conflict. */
  let ownCase: string;
  let ownUnit: string;
  /** Another unit's case. */
  let otherCase: string;
  /** A case recommended to Jinhua. */
  let recommendedCase: string;
  let victimAccount: string;
  let spareToken: string;
  const callers = new Map<HumanRole, { headers: AuthHeaders; caseId: string }>();

  async function ok<T>(result: Promise<HttpResult<T>>, status = 200): Promise<T> {
    const answer = await result;
    if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async function enroll(name: string): Promise<{ caseId: string; unitId: string }> {
    const unit = await ok(stack.http.post<{ id: string }>('/units', { name, category: 'village' }), 201);
    const enrolled = await ok(stack.http.post<{ caseId: string }>(`/campaigns/${campaignId}/enrollments`, { unitId: unit.id }), 201);
    return { caseId: enrolled.caseId, unitId: unit.id };
  }

  beforeAll(async () => {
    database = await createDatabase();
    stack = await startStack(env, database);
    const { ids, actors } = stack;
    routes = Object.entries((await ok(stack.http.get<{ paths: Record<string, Record<string, unknown>> }>('/docs-json'))).paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    campaignId = (await ok(stack.http.post<{ id: string }>('/campaigns', { year: 2019, name: '权限矩阵' }), 201)).id;
    ({ caseId: ownCase, unitId: ownUnit } = await enroll('权限测试村'));
    ({ caseId: otherCase } = await enroll('别的村'));
    await ok(stack.http.post(`/cases/${ownCase}/assessors`, { assessorIds: [ids.alice, ids.bob] }));
    await ok(stack.http.post(`/cases/${ownCase}/conflicts`, { assessorId: ids.bob }));

    // One case all the way to recommendation, for the Jinhua reviewer.
    const framework = await ok(stack.http.get<IndicatorFramework>('/frameworks/village/2019.1'));
    const sheet = { scores: indicatorsOf(framework).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * 0.95, evidence: ['台账'] })) };
    ({ caseId: recommendedCase } = await enroll('推荐村'));
    const c = `/cases/${recommendedCase}`;
    const contact = await stack.contactOf(recommendedCase);
    await ok(stack.http.post(`${c}/plan`, { summary: '方案' }, contact));
    await ok(stack.http.post(`${c}/plan/review`, { approve: true }));
    await ok(stack.http.post(`${c}/progress-reports`, { summary: '进度' }, contact));
    await ok(stack.http.post(`${c}/readiness`, {}, contact));
    await ok(stack.http.post(`${c}/assessors`, { assessorIds: [ids.alice, ids.carol] }));
    await ok(stack.http.post(`${c}/self-assessment`, sheet, contact));
    await ok(stack.http.post(`${c}/inspection-scores`, sheet, actors.alice));
    await ok(stack.http.post(`${c}/inspection-scores`, sheet, actors.carol));
    await ok(stack.http.post(`${c}/recommendation`, {}));

    victimAccount = (await stack.signUp('assessor')).id;
    spareToken = (await ok(stack.http.post<{ id: string }>('/api-tokens', { name: '备用', role: 'auditor' }), 201)).id;
    // Fresh sessions for the matrix (it ends by logging each of them out).
    const fresh = async (role: HumanRole, unitId?: string) => (await stack.signUp(role, unitId ? { unitId } : {})).headers;
    callers.set('administrator', { headers: (await stack.login(TEST_ADMIN.username, TEST_ADMIN.password)).headers, caseId: ownCase });
    callers.set('assessor', { headers: (await stack.login('assessor-alice', TEST_PASSWORD)).headers, caseId: ownCase });
    callers.set('unit_contact', { headers: await fresh('unit_contact', ownUnit), caseId: ownCase });
    callers.set('jinhua_reviewer', { headers: await fresh('jinhua_reviewer'), caseId: recommendedCase });
    callers.set('auditor', { headers: await fresh('auditor'), caseId: ownCase });
  });

  afterAll(async () => {
    await stack.stop();
    await database.drop();
  });

  function request(route: string, caseId: string, headers: Record<string, string>) {
    const [method = 'GET', template = ''] = route.split(' ');
    const params: Record<string, string> = {
      caseId,
      campaignId,
      unitId: ownUnit,
      accountId: victimAccount,
      tokenId: spareToken,
      category: 'village',
      version: '2019.1',
      scheduleId: 'qinglian-progress-report-call',
    };
    const path = template.replace(/^\/api/, '').replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `unknown-${name}`));
    return stack.http.call<{ code?: string }>(method, path, method === 'GET' ? undefined : {}, headers);
  }

  it('has an access rule for every route of the OpenAPI document, and no rule for a route that is gone', () => {
    expect(routes.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('documents bearer authentication on every route that needs it, and on no public one', async () => {
    const document = await ok(stack.http.get<{ paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>; components: { securitySchemes?: Record<string, { scheme?: string }> } }>('/docs-json'));
    expect(document.components.securitySchemes?.bearer?.scheme).toBe('bearer');
    const secured = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => `${method.toUpperCase()} ${path} → ${operation.security?.some((entry) => 'bearer' in entry) ? 'bearer' : 'open'}`),
    );
    expect(secured).toEqual(routes.map((route) => `${route} → ${EXPECTED[route] === 'public' ? 'open' : 'bearer'}`));
  });

  it('answers 401 on every non-public route without a token', async () => {
    const answers: string[] = [];
    for (const route of routes) {
      const result = await request(route, ownCase, { authorization: '' });
      answers.push(`${route} → ${EXPECTED[route] === 'public' ? (result.status === 401 ? 'refused' : 'open') : result.status === 401 ? 'refused' : `answered ${result.status}`}`);
    }
    expect(answers).toEqual(routes.map((route) => `${route} → ${EXPECTED[route] === 'public' ? 'open' : 'refused'}`));
  });

  it.each(EVERYONE)('answers the %s on every route as the table says', async (role) => {
    const caller = callers.get(role);
    if (!caller) throw new Error(`no caller for ${role}`);
    // Log out last: it ends the session the other requests use.
    const ordered = [...routes.filter((route) => route !== 'POST /api/auth/logout'), 'POST /api/auth/logout'];
    const answers: string[] = [];
    const expected: string[] = [];
    for (const route of ordered) {
      const rule = EXPECTED[route];
      const allowed = rule === 'public' || rule?.includes(role) === true;
      const result = await request(route, caller.caseId, caller.headers);
      const outcome = result.status === 403 ? 'forbidden' : [401, 404].includes(result.status) || result.status >= 500 ? `broken ${result.status} ${result.body.code ?? ''}` : 'allowed';
      answers.push(`${route} → ${outcome}`);
      expected.push(`${route} → ${allowed ? 'allowed' : 'forbidden'}`);
    }
    expect(answers).toEqual(expected);
  });

  it('hides a case outside the caller’s scope on every case route (404), while the unit’s own contact acts on it', async () => {
    const contactOfOther = await stack.contactOf(otherCase);
    const outsiders: [string, AuthHeaders, string][] = [
      ['unit contact of another unit', contactOfOther, ownCase],
      ['unassigned assessor', stack.actors.carol, ownCase],
      ['assessor with a conflict', stack.actors.bob, ownCase],
      ['Jinhua reviewer before recommendation', stack.actors.jinhua, ownCase],
      ['unit contact on a case id that does not exist', contactOfOther, `case:${crypto.randomUUID()}:${crypto.randomUUID()}`],
    ];
    for (const [who, headers, caseId] of outsiders) {
      const answers = await Promise.all(CASE_ROUTES.map(async (route) => `${who}: ${route} → ${(await request(route, caseId, headers)).status}`));
      expect(answers).toEqual(CASE_ROUTES.map((route) => `${who}: ${route} → 404`));
    }
    const hidden = await stack.http.get<{ code: string; messageZh: string; messageEn: string }>(`/cases/${ownCase}`, contactOfOther);
    expect(hidden.body).toMatchObject({ code: 'CASE_NOT_FOUND', messageZh: expect.stringContaining('案件不存在'), messageEn: expect.stringContaining('Case not found') });
    expect((await stack.http.get(`/cases/${otherCase}`, contactOfOther)).status).toBe(200);
    expect((await stack.http.post(`/cases/${otherCase}/plan`, { summary: '本单位方案' }, contactOfOther)).status).toBe(200);
  });

  it('lists only the cases in the caller’s scope', async () => {
    const listed = async (headers: AuthHeaders) =>
      (await ok(stack.http.get<{ items: { caseId: string }[]; total: number }>(`/cases?campaignId=${campaignId}&pageSize=100`, headers))).items.map((item) => item.caseId).sort();
    const all = [ownCase, otherCase, recommendedCase].sort();
    expect(await listed(stack.actors.admin)).toEqual(all);
    expect(await listed(stack.actors.auditor)).toEqual(all);
    expect(await listed(await stack.contactOf(ownCase))).toEqual([ownCase]);
    expect(await listed(await stack.contactOf(otherCase))).toEqual([otherCase]);
    expect(await listed(stack.actors.alice)).toEqual([ownCase, recommendedCase].sort());
    expect(await listed(stack.actors.bob)).toEqual([]);
    expect(await listed(stack.actors.carol)).toEqual([recommendedCase]);
    expect(await listed(stack.actors.jinhua)).toEqual([recommendedCase]);
  });
});
