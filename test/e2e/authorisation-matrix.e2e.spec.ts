import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from '@jest/globals';
import type { HumanRole } from '#domain';
import { expectStatus as ok, recommendCase } from '../support/case-journey.js';
import { TEST_ADMIN, TEST_PASSWORD, type AuthHeaders } from '../support/stack.js';
import { uploadDocument } from '../support/documents.js';
import { describeOnEachDatabase } from '../support/suite.js';

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
  'GET /api/api-tokens/policy': OFFICE,
  'POST /api/api-tokens/{tokenId}/revocation': OFFICE,
  'POST /api/units': OFFICE,
  'GET /api/units': EVERYONE,
  'GET /api/units/{unitId}': EVERYONE,
  'GET /api/units/{unitId}/group-chat': OFFICE_AND_UNIT,
  'PUT /api/units/{unitId}/group-chat': OFFICE_AND_UNIT,
  'DELETE /api/units/{unitId}/group-chat': OFFICE_AND_UNIT,
  'POST /api/campaigns': OFFICE,
  'GET /api/campaigns': EVERYONE,
  'GET /api/campaigns/{campaignId}': EVERYONE,
  'PATCH /api/campaigns/{campaignId}': OFFICE,
  'GET /api/campaigns/{campaignId}/statistics': OVERSIGHT,
  'POST /api/campaigns/{campaignId}/enrollments': OFFICE,
  'POST /api/campaigns/{campaignId}/enrollments/batch': OFFICE,
  'POST /api/campaigns/{campaignId}/enrollments/batch.csv': OFFICE,
  'POST /api/campaigns/{campaignId}/enrollments/batch/stream': OFFICE,
  'POST /api/campaigns/{campaignId}/enrollments/file': OFFICE,
  'GET /api/cases': EVERYONE,
  'GET /api/cases/export': EVERYONE,
  'GET /api/campaigns/{campaignId}/certification-roster': EVERYONE,
  'GET /api/saved-views': EVERYONE,
  'POST /api/saved-views': EVERYONE,
  'PUT /api/saved-views/{viewId}': EVERYONE,
  'DELETE /api/saved-views/{viewId}': EVERYONE,
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
  'POST /api/cases/{caseId}/reminders': OFFICE,
  'POST /api/bulk-actions/preview': OFFICE,
  'POST /api/bulk-actions': OFFICE,
  'GET /api/bulk-actions': OVERSIGHT,
  'GET /api/bulk-actions/{bulkActionId}': OVERSIGHT,
  'GET /api/frameworks': EVERYONE,
  'GET /api/frameworks/{category}/{version}': EVERYONE,
  'GET /api/schedules': OVERSIGHT,
  'POST /api/schedules/{scheduleId}/pause': OFFICE,
  'POST /api/schedules/{scheduleId}/resume': OFFICE,
  'POST /api/schedules/{scheduleId}/trigger': OFFICE,
  'GET /api/audit/verify': OVERSIGHT,
  'GET /api/metrics': OVERSIGHT,
  'GET /api/audit/verify/stream': OVERSIGHT,
  'GET /api/audit/verify/report': OVERSIGHT,
  'GET /api/audit/checkpoints/public-key': OVERSIGHT,
  'GET /api/audit/events': OVERSIGHT,
  'GET /api/calendar/working-days': EVERYONE,
  'GET /api/inbox': EVERYONE,
  'GET /api/inbox/unread-count': EVERYONE,
  'POST /api/inbox/read-all': EVERYONE,
  'POST /api/inbox/{notificationId}/read': EVERYONE,
  'GET /api/me/notification-preferences': EVERYONE,
  'PUT /api/me/notification-preferences': EVERYONE,
  'GET /api/me/tasks': EVERYONE,
  'POST /api/cases/{caseId}/documents': ['administrator', 'unit_contact', 'assessor', 'jinhua_reviewer'],
  'GET /api/cases/{caseId}/documents': EVERYONE,
  'GET /api/documents/{documentId}': EVERYONE,
};

/**
 * What each path parameter of the document names. A case, a unit and an in-app notice belong to someone: to
 * anyone outside their owner's scope they answer 404 as if they did not exist (tested below for every route
 * naming one). The rest are shared, and who may use them is the table's business alone. A new path parameter
 * fails the test until it is classified here.
 */
const PATH_PARAMETERS = {
  caseId: 'owned',
  unitId: 'owned',
  notificationId: 'owned',
  documentId: 'owned',
  viewId: 'owned',
  campaignId: 'shared',
  category: 'shared',
  version: 'shared',
  scheduleId: 'shared',
  accountId: 'shared',
  tokenId: 'shared',
  bulkActionId: 'shared',
} as const satisfies Record<string, 'owned' | 'shared'>;
type OwnedParameter = { [name in keyof typeof PATH_PARAMETERS]: (typeof PATH_PARAMETERS)[name] extends 'owned' ? name : never }[keyof typeof PATH_PARAMETERS];

const pathParameters = (route: string): string[] => [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');

describeOnEachDatabase('authorisation', (suite) => {
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
  /** A bulk action (催办 of the own case). */
  let bulkActionId: string;
  /** An in-app notice in bob's inbox. */
  let bobsNotice: string;
  /** A saved view of the administrator's, shared with no one. */
  let adminsView: string;
  /** A document of each case the callers act on (the one of the case in their scope is read in the role matrix). */
  const documentOf = new Map<string, string>();
  const callers = new Map<HumanRole, { headers: AuthHeaders; caseId: string }>();

  beforeAll(async () => {
    const { stack } = suite;
    const { ids, actors } = stack;
    const enroll = (name: string) => stack.enrollNewUnit(campaignId, name);
    routes = Object.entries((await ok(stack.http.get<{ paths: Record<string, Record<string, unknown>> }>('/docs-json'))).paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    campaignId = await stack.createCampaign({ year: 2019, name: '权限矩阵' });
    ({ caseId: ownCase, unitId: ownUnit } = await enroll('权限测试村'));
    ({ caseId: otherCase } = await enroll('别的村'));
    await ok(stack.http.post(`/cases/${ownCase}/assessors`, { assessorIds: [ids.alice, ids.bob] }));
    await ok(stack.http.post(`/cases/${ownCase}/conflicts`, { assessorId: ids.bob }));

    // One case all the way to recommendation, for the Jinhua reviewer.
    ({ caseId: recommendedCase } = await enroll('推荐村'));
    await recommendCase(stack, recommendedCase, 'village', [
      { id: ids.alice, headers: actors.alice },
      { id: ids.carol, headers: actors.carol },
    ]);
    // An in-app notice to bob alone (bob is no caller of the matrix, so nothing else reads or marks it).
    await stack.deliverNotification({
      dedupeKey: `authorisation:${randomUUID()}`,
      kind: 'reminder_before_due',
      caseId: ownCase,
      recipients: { accountIds: [ids.bob] },
      data: { unitName: '权限测试村', stage: 'cultivation', dueOn: '2019-09-30', daysLeft: 3 },
    });
    bobsNotice = (await ok(stack.http.get<{ items: { id: string }[] }>('/inbox', actors.bob))).items[0]?.id ?? 'bob has no notice';

    for (const caseId of [ownCase, recommendedCase]) {
      const stored = await uploadDocument(stack.url, caseId, { fileName: '佐证材料.txt', bytes: Buffer.from(`台账 ${caseId}`) }, actors.admin);
      documentOf.set(caseId, (await ok(Promise.resolve(stored), 201)).id);
    }

    adminsView = (await ok(stack.http.post<{ id: string }>('/saved-views', { name: '权限矩阵', query: {}, columns: ['unitName'] }), 201)).id;
    victimAccount = (await stack.signUp('assessor')).id;
    bulkActionId = (
      await ok(stack.http.post<{ id: string }>('/bulk-actions', { kind: 'urge', filter: { caseIds: [ownCase] }, expectedCount: 1, parameters: {} }), 202)
    ).id;
    spareToken = (await stack.issueApiToken('备用', 'auditor')).id;
    // Fresh sessions for the matrix (it ends by logging each of them out).
    const fresh = async (role: HumanRole, unitId?: string) => (await stack.signUp(role, unitId ? { unitId } : {})).headers;
    callers.set('administrator', { headers: (await stack.login(TEST_ADMIN.username, TEST_ADMIN.password)).headers, caseId: ownCase });
    callers.set('assessor', { headers: (await stack.login('assessor-alice', TEST_PASSWORD)).headers, caseId: ownCase });
    callers.set('unit_contact', { headers: await fresh('unit_contact', ownUnit), caseId: ownCase });
    callers.set('jinhua_reviewer', { headers: await fresh('jinhua_reviewer'), caseId: recommendedCase });
    callers.set('auditor', { headers: await fresh('auditor'), caseId: ownCase });
  });

  function request(route: string, caseId: string, headers: Record<string, string>, ids: Partial<Record<OwnedParameter, string>> = {}) {
    const [method = 'GET', template = ''] = route.split(' ');
    const params: Record<string, string> = {
      caseId,
      campaignId,
      unitId: ownUnit,
      accountId: victimAccount,
      tokenId: spareToken,
      bulkActionId,
      category: 'village',
      version: '2019.1',
      scheduleId: 'qinglian-progress-report-call',
      documentId: documentOf.get(caseId) ?? 'no document of this case',
      ...ids,
    };
    const path = template.replace(/^\/api/, '').replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `unknown-${name}`));
    return suite.stack.http.call<{ code?: string }>(method, path, method === 'GET' ? undefined : {}, headers);
  }

  it('has an access rule for every route of the OpenAPI document, and no rule for a route that is gone', () => {
    expect(routes.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('documents bearer authentication on every route that needs it, and on no public one', async () => {
    const document = await ok(
      suite.stack.http.get<{
        paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
        components: { securitySchemes?: Record<string, { scheme?: string }> };
      }>('/docs-json'),
    );
    expect(document.components.securitySchemes?.bearer?.scheme).toBe('bearer');
    const secured = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(
        ([method, operation]) => `${method.toUpperCase()} ${path} → ${operation.security?.some((entry) => 'bearer' in entry) ? 'bearer' : 'open'}`,
      ),
    );
    expect(secured).toEqual(routes.map((route) => `${route} → ${EXPECTED[route] === 'public' ? 'open' : 'bearer'}`));
  });

  it('answers 401 on every non-public route without a token', async () => {
    const answers: string[] = [];
    for (const route of routes) {
      const result = await request(route, ownCase, { authorization: '' });
      answers.push(
        `${route} → ${EXPECTED[route] === 'public' ? (result.status === 401 ? 'refused' : 'open') : result.status === 401 ? 'refused' : `answered ${result.status}`}`,
      );
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
      const outcome =
        result.status === 403
          ? 'forbidden'
          : [401, 404].includes(result.status) || result.status >= 500
            ? `broken ${result.status} ${result.body.code ?? ''}`
            : 'allowed';
      answers.push(`${route} → ${outcome}`);
      expected.push(`${route} → ${allowed ? 'allowed' : 'forbidden'}`);
    }
    expect(answers).toEqual(expected);
  });

  it('knows what every path parameter of the document names', () => {
    expect([...new Set(routes.flatMap(pathParameters))].sort()).toEqual(Object.keys(PATH_PARAMETERS).sort());
  });

  it('hides a case, a unit or a notice from everyone outside its owner’s scope on every route naming it (404), while the owner reaches it', async () => {
    const { actors } = suite.stack;
    const contactOfOther = await suite.stack.contactOf(otherCase);
    const nowhere = randomUUID();
    // Everyone reads a unit (the table above) and only the office and the unit's own contact reach its group chat:
    // for units, the outsiders are the contacts of other units.
    const outsiders: [who: string, headers: AuthHeaders, ids: Partial<Record<OwnedParameter, string>>][] = [
      ['unit contact of another unit', contactOfOther, { caseId: ownCase }],
      ['unassigned assessor', actors.carol, { caseId: ownCase }],
      ['assessor with a conflict', actors.bob, { caseId: ownCase }],
      ['Jinhua reviewer before recommendation', actors.jinhua, { caseId: ownCase }],
      ['unit contact on a case id that does not exist', contactOfOther, { caseId: `case:${nowhere}:${nowhere}` }],
      ['unit contact of another unit', contactOfOther, { unitId: ownUnit }],
      ['unit contact on a unit id that does not exist', contactOfOther, { unitId: nowhere }],
      ...(['admin', 'auditor', 'alice', 'jinhua'] as const).map((name): [string, AuthHeaders, { notificationId: string }] => [
        `${name} on bob’s notice`,
        actors[name],
        { notificationId: bobsNotice },
      ]),
      ['unit contact on bob’s notice', contactOfOther, { notificationId: bobsNotice }],
      ['bob on a notice id that does not exist', actors.bob, { notificationId: nowhere }],
      ['unit contact of another unit', contactOfOther, { documentId: documentOf.get(ownCase) ?? '' }],
      ['unassigned assessor', actors.carol, { documentId: documentOf.get(ownCase) ?? '' }],
      ['assessor with a conflict', actors.bob, { documentId: documentOf.get(ownCase) ?? '' }],
      ['Jinhua reviewer before recommendation', actors.jinhua, { documentId: documentOf.get(ownCase) ?? '' }],
      ['administrator on a document id that does not exist', actors.admin, { documentId: nowhere }],
      ['auditor on the administrator’s view', actors.auditor, { viewId: adminsView }],
      ['unit contact on the administrator’s view', contactOfOther, { viewId: adminsView }],
      ['administrator on a view id that does not exist', actors.admin, { viewId: nowhere }],
    ];
    for (const [who, headers, ids] of outsiders) {
      const named = routes.filter((route) => pathParameters(route).some((name) => name in ids));
      expect(named).not.toEqual([]);
      const answers = await Promise.all(named.map(async (route) => `${who}: ${route} → ${(await request(route, ids.caseId ?? ownCase, headers, ids)).status}`));
      expect(answers).toEqual(named.map((route) => `${who}: ${route} → 404`));
    }

    // Hidden answers exactly as missing: the same body as for an id that exists nowhere.
    const refusal = async (method: 'GET' | 'POST', path: string, id: string, headers: AuthHeaders) => {
      const { requestId: _requestId, ...body } = (
        await suite.stack.http.call<Record<string, unknown>>(method, path.replace('{id}', id), method === 'POST' ? {} : undefined, headers)
      ).body;
      return JSON.stringify(body).replaceAll(id, '{id}');
    };
    expect(await refusal('GET', '/units/{id}', ownUnit, contactOfOther)).toBe(await refusal('GET', '/units/{id}', nowhere, actors.admin));
    expect(await refusal('POST', '/inbox/{id}/read', bobsNotice, actors.admin)).toBe(await refusal('POST', '/inbox/{id}/read', nowhere, actors.admin));
    expect(await refusal('GET', '/cases/{id}', ownCase, contactOfOther)).toBe(
      await refusal('GET', '/cases/{id}', `case:${nowhere}:${nowhere}`, contactOfOther),
    );
    const hidden = await suite.stack.http.get<{ code: string; messageZh: string; messageEn: string }>(`/cases/${ownCase}`, contactOfOther);
    expect(hidden.body).toMatchObject({
      code: 'CASE_NOT_FOUND',
      messageZh: expect.stringContaining('案件不存在'),
      messageEn: expect.stringContaining('Case not found'),
    });

    // The owners: bob's notice is still unread and he marks it; each unit's contact reaches their unit, its chat and case.
    expect((await suite.stack.http.get('/inbox/unread-count', actors.bob)).body).toEqual({ unread: 1 });
    expect((await suite.stack.http.post(`/inbox/${bobsNotice}/read`, {}, actors.bob)).status).toBe(200);
    const ownContact = await suite.stack.contactOf(ownUnit);
    expect((await suite.stack.http.get(`/units/${ownUnit}`, ownContact)).status).toBe(200);
    expect((await suite.stack.http.get(`/units/${ownUnit}/group-chat`, ownContact)).status).toBe(200);
    expect((await suite.stack.http.get(`/cases/${otherCase}`, contactOfOther)).status).toBe(200);
    expect((await suite.stack.http.post(`/cases/${otherCase}/plan`, { summary: '本单位方案' }, contactOfOther)).status).toBe(200);
  });

  it('lists only the cases in the caller’s scope', async () => {
    const listed = async (headers: AuthHeaders) =>
      (await ok(suite.stack.http.get<{ items: { caseId: string }[]; total: number }>(`/cases?campaignId=${campaignId}&pageSize=100`, headers))).items
        .map((item) => item.caseId)
        .sort();
    const all = [ownCase, otherCase, recommendedCase].sort();
    expect(await listed(suite.stack.actors.admin)).toEqual(all);
    expect(await listed(suite.stack.actors.auditor)).toEqual(all);
    expect(await listed(await suite.stack.contactOf(ownCase))).toEqual([ownCase]);
    expect(await listed(await suite.stack.contactOf(otherCase))).toEqual([otherCase]);
    expect(await listed(suite.stack.actors.alice)).toEqual([ownCase, recommendedCase].sort());
    expect(await listed(suite.stack.actors.bob)).toEqual([]);
    expect(await listed(suite.stack.actors.carol)).toEqual([recommendedCase]);
    expect(await listed(suite.stack.actors.jinhua)).toEqual([recommendedCase]);
  });
});
