import { describe, expect, it } from '@jest/globals';
import { useHttpTier } from '../support/http-tier.js';

interface Refusal {
  code: string;
  errors?: { field: string; messages: string[] }[];
}

/** 台账: the ledger's filters, its exports, the certification roster and saved views refuse bad input naming the field. */
describe('ledger input validation', () => {
  const tier = useHttpTier();
  const fields = (answer: { body: Refusal }) => answer.body.errors?.map((error) => error.field).sort();
  const messagesOf = (answer: { body: Refusal }, field: string) => answer.body.errors?.find((error) => error.field === field)?.messages.join(' ') ?? '';

  it('names each bad filter of the case list: due status, open, certification days and the day to count from', async () => {
    const answer = await tier.as('admin').get<Refusal>('/cases?dueStatus=late&open=yes&certifiedFrom=2019-02-30&certifiedTo=20191231&asOf=tomorrow');
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['asOf', 'certifiedFrom', 'certifiedTo', 'dueStatus', 'open']);
    expect(messagesOf(answer, 'certifiedFrom')).toContain('YYYY-MM-DD');
    expect(messagesOf(answer, 'open')).toBe('open 须为 "true" 或 "false" / open must be "true" or "false"');
    const reversed = await tier.as('admin').get<Refusal>('/cases?certifiedFrom=2019-12-31&certifiedTo=2019-12-01');
    expect(fields(reversed)).toEqual(['certifiedTo']);
    expect(messagesOf(reversed, 'certifiedTo')).toBe('certifiedTo 不能早于 certifiedFrom / certifiedTo must not be before certifiedFrom');
    expect(fields(await tier.as('admin').get<Refusal>('/cases?sort=password'))).toEqual(['sort']);
    expect(tier.services.cases.list).not.toHaveBeenCalled();
  });

  it('passes the ledger filters on as given', async () => {
    const query = 'dueStatus=overdue&open=true&certifiedFrom=2019-01-01&certifiedTo=2019-12-31&asOf=2019-10-08&sort=dueOn&order=desc';
    expect((await tier.as('contactOfA').get(`/cases?${query}`)).status).toBe(200);
    expect(tier.services.cases.list).toHaveBeenCalledWith(
      expect.objectContaining({
        dueStatus: 'overdue',
        open: 'true',
        certifiedFrom: '2019-01-01',
        certifiedTo: '2019-12-31',
        asOf: '2019-10-08',
        sort: 'dueOn',
      }),
      expect.objectContaining({ role: 'unit_contact' }),
    );
  });

  it('names a bad export format and each unknown or repeated column, before anything is written', async () => {
    const answer = await tier.as('auditor').get<Refusal>('/cases/export?format=pdf&columns=unitName,password,stage&stage=nowhere');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-disposition')).toBeNull();
    expect(fields(answer)).toEqual(['columns', 'format', 'stage']);
    expect(messagesOf(answer, 'format')).toBe('format 须为 xlsx 或 csv / format must be xlsx or csv');
    expect(messagesOf(answer, 'columns')).toContain('"password"');
    expect(messagesOf(answer, 'columns')).toContain('one of: unitName, category');
    expect(messagesOf(await tier.as('auditor').get<Refusal>('/cases/export?columns=unitName,dueOn,unitName'), 'columns')).toContain('repeats unitName');
    expect(fields(await tier.as('auditor').get<Refusal>('/cases/export?columns='))).toEqual(['columns']);
    expect(tier.services.ledgerExports.exportCases).not.toHaveBeenCalled();
  });

  it('names a bad campaign id or format of the certification roster', async () => {
    expect(fields(await tier.as('admin').get<Refusal>('/campaigns/2019/certification-roster'))).toEqual(['campaignId']);
    const format = await tier.as('admin').get<Refusal>('/campaigns/00000000-0000-4000-8000-000000000000/certification-roster?format=csv');
    expect(fields(format)).toEqual(['format']);
    expect(tier.services.ledgerExports.roster).not.toHaveBeenCalled();
    expect(tier.services.ledgerExports.rosterSheet).not.toHaveBeenCalled();
  });

  it('checks a saved view’s query by the case list’s rules, and its name, columns and role', async () => {
    const answer = await tier.as('assessor').post<Refusal>('/saved-views', {
      name: '视'.repeat(61),
      query: { stage: 'nowhere', open: true, certifiedFrom: '2019-13-01', page: 2, secret: 'x' },
      columns: ['unitName', 'unitName', 'password'],
      sharedWithRole: 'system',
    });
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['columns', 'name', 'query.certifiedFrom', 'query.open', 'query.page', 'query.secret', 'query.stage', 'sharedWithRole']);
    expect(messagesOf(answer, 'name')).toBe('name 至多 60 字 / name must be at most 60 characters');
    expect(fields(await tier.as('assessor').post<Refusal>('/saved-views', { name: '   ', query: {}, columns: [] }))).toEqual(['columns', 'name']);
    expect(fields(await tier.as('assessor').post<Refusal>('/saved-views', { name: '我的', query: 'stage=cultivation', columns: ['stage'] }))).toEqual([
      'query',
    ]);
    expect(tier.services.savedViews.create).not.toHaveBeenCalled();
  });

  it('names a view id that is not a UUID, before asking whose it is', async () => {
    expect(fields(await tier.as('admin').call<Refusal>('PUT', '/saved-views/7', { name: '我的', query: {}, columns: ['stage'] }))).toEqual(['viewId']);
    expect(fields(await tier.as('admin').call<Refusal>('DELETE', '/saved-views/not-a-view'))).toEqual(['viewId']);
    expect(tier.services.savedViews.requireOwned).not.toHaveBeenCalled();
  });
});
