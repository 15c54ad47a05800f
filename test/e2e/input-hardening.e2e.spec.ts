import { beforeAll, expect, it } from '@jest/globals';
import type { AuthHeaders } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface ErrorAnswer {
  code: string;
  errors?: { field: string; messages: string[] }[];
}

/** Input no database could hold answers 400 naming where, before anything reads or writes with it. */
describeOnEachDatabase('malformed input', (suite) => {
  let caseId: string;
  let contact: AuthHeaders;

  const raw = async (method: string, path: string, body: string | undefined, headers: Record<string, string>) => {
    const response = await fetch(`${suite.stack.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json()) as ErrorAnswer };
  };
  const fieldsOf = (answer: { body: ErrorAnswer }) => answer.body.errors?.map((error) => error.field);
  const eventCount = async () => (await suite.stack.http.get<unknown[]>(`/cases/${caseId}/events`)).body.length;

  beforeAll(async () => {
    const campaign = await suite.stack.createCampaign({ year: 2019, name: '输入校验' });
    const enrolled = await suite.stack.enrollNewUnit(campaign, '校验村');
    caseId = enrolled.caseId;
    contact = await suite.stack.contactOf(enrolled.unitId);
  });

  it('refuses a malformed case id (a NUL character, a wrong form) before reading with it, for every role alike', async () => {
    for (const headers of [suite.stack.actors.admin, contact]) {
      for (const path of [
        `/cases/${caseId}%00`,
        `/cases/case:%00/events`,
        `/cases/${caseId}%00/plan`,
        '/cases/case:not-a-case-id/events',
        `/cases/${caseId}x/plan`,
      ]) {
        const answer = await raw(path.endsWith('plan') ? 'POST' : 'GET', path, path.endsWith('plan') ? '{"summary":"方案"}' : undefined, headers);
        expect({ path, status: answer.status, fields: fieldsOf(answer) }).toEqual({ path, status: 400, fields: ['caseId'] });
      }
    }
  });

  it('refuses NUL characters and broken text in the query, in a body field and in a field’s name, writing nothing', async () => {
    const before = await eventCount();
    const query = await raw('GET', '/cases?q=%E6%9D%91%00', undefined, suite.stack.actors.admin);
    expect([query.status, fieldsOf(query)]).toEqual([400, ['q']]);
    const body = await raw('POST', `/cases/${caseId}/plan`, JSON.stringify({ summary: '六大平台\u0000建设方案' }), contact);
    expect([body.status, fieldsOf(body)]).toEqual([400, ['summary']]);
    expect(body.body.errors?.[0]?.messages[0]).toContain('U+0000');
    const name = await raw('POST', `/cases/${caseId}/plan`, '{"summary":"方案","x\\u0000":1}', contact);
    expect(name.status).toBe(400);
    const surrogate = await raw('POST', `/cases/${caseId}/plan`, '{"summary":"方案\\ud800"}', contact);
    expect([surrogate.status, fieldsOf(surrogate)]).toEqual([400, ['summary']]);
    expect(await eventCount()).toBe(before);
  });

  it('refuses JSON nested deeper than any request of the api, and unbounded veto lists', async () => {
    const deep = await raw('POST', `/cases/${caseId}/plan`, `{"summary":${'['.repeat(5000)}${']'.repeat(5000)}}`, contact);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.messages[0]).toContain('nested deeper than 10 levels');
    const vetoes = await suite.stack.http.post<ErrorAnswer>(
      `/cases/${caseId}/self-assessment`,
      { scores: [], vetoes: Array.from({ length: 51 }, (_, index) => `V${index}`) },
      contact,
    );
    expect([vetoes.status, fieldsOf(vetoes)]).toEqual([400, ['vetoes']]);
  });
});
