import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from '@jest/globals';
import { expectStatus as ok, recommendCase } from '../support/case-journey.js';
import { type Caller, CALLERS, type Fixture, type FixtureCase, inScope, type Item, type ListRule, LISTS, type Parameter } from '../support/list-scope-rules.js';
import type { AuthHeaders } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

/*
 * Every list of the api, for every role (and a unit contact's api token): with no query parameter the caller sees
 * their scope; with any value of any query parameter, a part of that and never more — exactly the items the value
 * matches, and a total that counts no others. The bug class: a filter on the field the scope itself uses (a Jinhua
 * reviewer's `stage`) replacing the scope instead of narrowing it, so `GET /api/cases?stage=cultivation` showed
 * them every case in cultivation. (One item by id outside the scope, 404: authorisation-matrix.e2e.spec.ts.)
 *
 * The fixture (per database), built so that every filter has something to leak:
 *
 *   campaign  unit (category)       stage        assessors
 *   2019      东湖村 (village)       cultivation  alice; bob too, but he declared a conflict
 *   2019      西山医院 (hospital)    recommended  alice, carol
 *   2019      南溪村 (village)       certified    bob, carol
 *   2020      东湖村                 withdrawn    –
 *   2020      西山医院               cultivation  –
 *
 * and in-app notices to several accounts, one of them read.
 */

interface OpenApiSchema {
  readonly type?: string;
  readonly $ref?: string;
  readonly enum?: readonly (string | number)[];
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
}
interface OpenApiOperation {
  readonly parameters?: readonly { name: string; in: string; schema?: OpenApiSchema }[];
  readonly responses: Readonly<Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>>;
}
interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, OpenApiSchema>> };
}

describeOnEachDatabase('list scope', (suite) => {
  let document: OpenApiDocument;
  let fixture: Fixture;
  const callers = new Map<(typeof CALLERS)[number], Caller>();

  beforeAll(async () => {
    const { stack } = suite;
    const { http, ids, actors } = stack;
    document = await ok(http.get<OpenApiDocument>('/docs-json'));
    // No schedule runs meanwhile (a digest would land in inboxes during the walk).
    for (const schedule of await ok(http.get<{ id: string }[]>('/schedules')))
      await ok(http.post(`/schedules/${schedule.id}/pause`, { note: 'list-scope test' }));

    const campaign = async (year: number) => ({ id: await stack.createCampaign({ year, name: `列表范围 ${year}` }), year });
    const campaigns = [await campaign(2019), await campaign(2020)];
    const [c2019 = '', c2020 = ''] = campaigns.map((c) => c.id);
    const [east, west, south] = [
      await stack.createUnit('东湖村', 'village'),
      await stack.createUnit('西山医院', 'hospital'),
      await stack.createUnit('南溪村', 'village'),
    ];
    const enroll = async (campaignId: string, unitId: string) => (await stack.enroll(campaignId, unitId)).caseId;
    const assessor = (name: 'alice' | 'bob' | 'carol') => ({ id: ids[name], headers: actors[name] });

    const eastCultivating = await enroll(c2019, east);
    await ok(http.post(`/cases/${eastCultivating}/assessors`, { assessorIds: [ids.alice, ids.bob] }));
    await ok(http.post(`/cases/${eastCultivating}/conflicts`, { assessorId: ids.bob }));
    const westRecommended = await enroll(c2019, west);
    await recommendCase(stack, westRecommended, 'hospital', [assessor('alice'), assessor('carol')]);
    const southCertified = await enroll(c2019, south);
    await recommendCase(stack, southCertified, 'village', [assessor('bob'), assessor('carol')]);
    await ok(
      http.post(`/cases/${southCertified}/jinhua-decision`, { certified: true, documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20' }, actors.jinhua),
    );
    const eastWithdrawn = await enroll(c2020, east);
    await ok(http.post(`/cases/${eastWithdrawn}/withdrawal`, { reason: '单位合并' }));
    const westCultivating = await enroll(c2020, west);
    const cases = await Promise.all(
      [eastCultivating, westRecommended, southCertified, eastWithdrawn, westCultivating].map((caseId) => ok(http.get<FixtureCase>(`/cases/${caseId}`))),
    );

    const [eastContact, westContact] = [await stack.signUp('unit_contact', { unitId: east }), await stack.signUp('unit_contact', { unitId: west })];
    const westToken = await stack.issueApiToken('西山医院数据同步', 'unit_contact', west);
    callers.set('administrator', { role: 'administrator', id: ids.admin, unitId: null, headers: actors.admin });
    callers.set('auditor', { role: 'auditor', id: ids.auditor, unitId: null, headers: actors.auditor });
    callers.set('unit contact of 东湖村', { role: 'unit_contact', id: eastContact.id, unitId: east, headers: eastContact.headers });
    callers.set('unit contact of 西山医院', { role: 'unit_contact', id: westContact.id, unitId: west, headers: westContact.headers });
    callers.set('api token of 西山医院 (unit contact)', {
      role: 'unit_contact',
      id: westToken.actorId,
      unitId: west,
      headers: { authorization: `Bearer ${westToken.token}` },
    });
    for (const name of ['alice', 'bob', 'carol'] as const)
      callers.set(`assessor ${name}`, { role: 'assessor', id: ids[name], unitId: null, headers: actors[name] });
    callers.set('Jinhua reviewer', { role: 'jinhua_reviewer', id: ids.jinhua, unitId: null, headers: actors.jinhua });

    const notices = new Map<string, string[]>([
      ['notice:1', [eastContact.id]],
      ['notice:2', [eastContact.id, ids.alice]],
      ['notice:3', [ids.admin, ids.auditor, ids.bob, ids.carol, ids.jinhua, westContact.id]],
      ['notice:4', [westContact.id]],
    ]);
    for (const [marker, accountIds] of notices) {
      await stack.deliverNotification({
        dedupeKey: `list-scope:${randomUUID()}`,
        kind: 'reminder_before_due',
        caseId: marker,
        recipients: { accountIds },
        data: { unitName: marker, stage: 'cultivation', dueOn: '2019-09-30', daysLeft: 3 },
      });
    }
    // 东湖村's contact has read notice 2, so `unread` has something to leave out.
    const eastInbox = await ok(http.get<{ items: { id: string; caseId: string }[] }>('/inbox', eastContact.headers));
    await ok(http.post(`/inbox/${eastInbox.items.find((notice) => notice.caseId === 'notice:2')?.id ?? 'missing'}/read`, {}, eastContact.headers));

    const accountIds = (await ok(http.get<{ id: string }[]>('/accounts'))).map((account) => account.id);
    fixture = { campaigns, unitNames: ['东湖村', '西山医院', '南溪村'], cases, accountIds, notices };
  });

  function callerNamed(label: (typeof CALLERS)[number]): Caller {
    const caller = callers.get(label);
    if (!caller) throw new Error(`no caller ${label}`);
    return caller;
  }

  function queryParameters(route: string): NonNullable<OpenApiOperation['parameters']> {
    const [method = '', path = ''] = route.split(' ');
    return (document.paths[path]?.[method.toLowerCase()]?.parameters ?? []).filter((parameter) => parameter.in === 'query');
  }

  function valuesOf(route: string, name: string, parameter: Parameter, caller: Caller): string[] {
    if (parameter.values !== 'documented') return parameter.values(fixture, caller).map(String);
    const values = queryParameters(route).find((documented) => documented.name === name)?.schema?.enum;
    if (!values?.length) throw new Error(`${route}: the document gives ${name} no enum to try`);
    return values.map(String);
  }

  /** A list read as the caller: all of its pages (or the one asked for) with the total it claims, or the status it was refused with. */
  async function read(
    route: string,
    query: Readonly<Record<string, string>>,
    headers: AuthHeaders,
  ): Promise<{ items: Item[]; total: number | null } | { status: number }> {
    const paged = queryParameters(route).some((parameter) => parameter.name === 'page');
    const items: Item[] = [];
    for (let page = 1; page <= 1000; page += 1) {
      const asked = paged && query.page === undefined ? { pageSize: '100', ...query, page: String(page) } : query;
      const answer = await suite.stack.http.get<Item[] | { items: Item[]; total: number }>(
        `${route.replace(/^GET \/api/, '')}?${new URLSearchParams(asked).toString()}`,
        headers,
      );
      if (answer.status !== 200) return { status: answer.status };
      if (Array.isArray(answer.body)) return { items: answer.body, total: null };
      items.push(...answer.body.items);
      if (query.page !== undefined || answer.body.items.length === 0 || items.length >= answer.body.total) return { items, total: answer.body.total };
    }
    throw new Error(`${route}: more than 1000 pages`);
  }

  /** What is wrong with one list as the caller sees it, unfiltered and with every value of every query parameter. */
  async function problemsOf(route: string, rule: ListRule, caller: Caller): Promise<string[]> {
    const problems: string[] = [];
    const keyOf = (item: Item) => String(item[rule.key]);
    const statusOf = (answer: Awaited<ReturnType<typeof read>>) => ('status' in answer ? answer.status : 200);
    const keysIn = (answer: Awaited<ReturnType<typeof read>>) => ('items' in answer ? answer.items.map(keyOf) : [`(refused ${answer.status})`]);
    const sorted = (keys: readonly string[]) => [...keys].sort().join(', ');
    const byKey = new Map(fixture.cases.map((c) => [c.caseId, c]));
    const yearOf = (campaignId: string) => fixture.campaigns.find((campaign) => campaign.id === campaignId)?.year;
    // Cases by unit, year and stage; anything else by its key.
    const named = (keys: readonly string[]) =>
      keys
        .map((key) => {
          const c = byKey.get(key);
          return c ? `${c.unitName} ${yearOf(c.campaignId) ?? '?'} (${c.stage})` : key;
        })
        .join(', ');

    // With no parameter: what the caller may see.
    const unfiltered = await read(route, {}, caller.headers);
    const visible = rule.visible(fixture, caller);
    if (visible === 'forbidden' || !('items' in unfiltered)) {
      if (statusOf(unfiltered) !== (visible === 'forbidden' ? 403 : 200))
        problems.push(`${route} → ${statusOf(unfiltered)}, expected ${visible === 'forbidden' ? 403 : 200}`);
    } else {
      const expected = visible === 'everything' ? keysIn(await read(route, {}, suite.stack.actors.admin)) : visible;
      const got = unfiltered.items.map(keyOf);
      if (sorted(got) !== sorted(expected)) problems.push(`${route} → [${named(got)}], expected [${named(expected)}]`);
    }

    // With each value: a part of that, exactly the part the value matches, and a refusal stays a refusal.
    for (const [name, parameter] of Object.entries(rule.parameters)) {
      for (const value of valuesOf(route, name, parameter, caller)) {
        const query = { ...parameter.with, [name]: value };
        const request = `${route}?${new URLSearchParams(query).toString()}`;
        const answer = await read(route, query, caller.headers);
        if (!('items' in unfiltered) || !('items' in answer)) {
          if (statusOf(answer) !== statusOf(unfiltered)) problems.push(`${request} → ${statusOf(answer)}, but ${statusOf(unfiltered)} without it`);
          continue;
        }
        const seen = new Set(unfiltered.items.map(keyOf));
        const kept = unfiltered.items.filter((item) => parameter.keeps?.(item, value, fixture) ?? true).map(keyOf);
        const answered = answer.items.map(keyOf);
        const widened = answered.filter((key) => !seen.has(key));
        if (widened.length > 0) problems.push(`${request} → answered [${named(widened)}], which the caller does not see without it`);
        if (route === 'GET /api/cases') {
          const outside = answered.filter((key) => {
            const c = byKey.get(key);
            return c === undefined || !inScope(caller, c);
          });
          if (outside.length > 0) problems.push(`${request} → answered [${named(outside)}], outside the caller’s scope`);
        }
        const unmatched = answered.filter((key) => seen.has(key) && !kept.includes(key));
        if (unmatched.length > 0) problems.push(`${request} → answered [${named(unmatched)}], which the value does not match`);
        const missing = name === 'page' ? [] : kept.filter((key) => !answered.includes(key));
        if (missing.length > 0) problems.push(`${request} → left out [${named(missing)}]`);
        if (new Set(answered).size !== answered.length) problems.push(`${request} → answered an item twice: [${named(answered)}]`);
        if (answer.total !== null && answer.total !== kept.length) problems.push(`${request} → total ${answer.total}, expected ${kept.length}`);
      }
    }
    return problems;
  }

  it('knows every list of the OpenAPI document and every query parameter each takes', async () => {
    const isList = (schema: OpenApiSchema | undefined): boolean => {
      const target = schema?.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
      return target?.type === 'array' || target?.properties?.items?.type === 'array';
    };
    const lists: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      const operation = operations.get;
      if (!operation || path.includes('{')) continue;
      // By the document, or (for an answer it does not describe) by what the administrator is answered.
      const body = (await suite.stack.http.get<unknown>(path.replace(/^\/api/, ''))).body;
      if (
        isList(operation.responses['200']?.content?.['application/json']?.schema) ||
        Array.isArray(body) ||
        Array.isArray((body as { items?: unknown } | null)?.items)
      )
        lists.push(`GET ${path}`);
    }
    expect(lists.sort()).toEqual(Object.keys(LISTS).sort());
    const parameters = (route: string) =>
      `${route} ? ${queryParameters(route)
        .map((parameter) => parameter.name)
        .sort()
        .join(' & ')}`;
    expect(lists.map(parameters)).toEqual(
      lists.map(
        (route) =>
          `${route} ? ${Object.keys(LISTS[route]?.parameters ?? {})
            .sort()
            .join(' & ')}`,
      ),
    );
  });

  it('has, for every caller with a limited scope and every filter of the case list, a value matching cases outside the scope', () => {
    const cases = LISTS['GET /api/cases'];
    if (!cases) throw new Error('no rule for GET /api/cases');
    const toothless: string[] = [];
    for (const label of CALLERS) {
      const caller = callerNamed(label);
      if (fixture.cases.every((c) => inScope(caller, c))) continue;
      for (const [name, parameter] of Object.entries(cases.parameters)) {
        const { keeps } = parameter;
        if (!keeps || parameter.withinScopeOf?.(fixture, caller)) continue;
        const values = valuesOf('GET /api/cases', name, parameter, caller);
        if (!values.some((value) => fixture.cases.some((c) => !inScope(caller, c) && keeps({ ...c }, value, fixture)))) toothless.push(`${label}: ${name}`);
      }
    }
    expect(toothless).toEqual([]);
    // Only the oversight roles see every case (so only they were skipped above).
    expect(CALLERS.filter((label) => fixture.cases.every((c) => inScope(callerNamed(label), c)))).toEqual(['administrator', 'auditor']);
  });

  it.each(CALLERS)('answers the %s each list as their scope, and every value of every query parameter only narrows it', async (label) => {
    const caller = callerNamed(label);
    const problems: string[] = [];
    for (const [route, rule] of Object.entries(LISTS)) problems.push(...(await problemsOf(route, rule, caller)));
    expect(problems).toEqual([]);
  });
});
