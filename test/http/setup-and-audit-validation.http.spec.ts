import { describe, expect, it } from '@jest/globals';
import { PRINCIPALS, UNIT_A, useHttpTier } from '../support/http-tier.js';

interface Refusal {
  code: string;
  errors?: { field: string; messages: string[] }[];
}

const CAMPAIGN = '00000000-0000-4000-8000-000000000000';

/** The units list, campaign edits, enrollment files and the auditor's routes: every bad input answers 400 naming it, before any service runs. */
describe('campaign set-up and audit input', () => {
  const tier = useHttpTier();
  const fields = (answer: { body: Refusal }) => answer.body.errors?.map((error) => error.field).sort();

  it('names each bad filter of the units list, and passes the caller along for their scope', async () => {
    const answer = await tier.as('admin').get<Refusal>('/units?category=castle&enrolled=maybe&campaignId=1&sort=secret&order=up&pageSize=101');
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['campaignId', 'category', 'enrolled', 'order', 'pageSize', 'sort']);
    expect(tier.services.units.list).not.toHaveBeenCalled();

    tier.services.units.list?.mockResolvedValueOnce({ items: [], total: 0, page: 1, pageSize: 20 });
    expect((await tier.as('contactOfA').get('/units?q=村&enrolled=false')).status).toBe(200);
    expect(tier.services.units.list).toHaveBeenCalledWith(expect.objectContaining({ q: '村', enrolled: 'false' }), PRINCIPALS.contactOfA);
  });

  it('refuses an edit of a campaign’s year, unknown fields and malformed settings, naming each', async () => {
    const answer = await tier.as('admin').call<Refusal>('PATCH', `/campaigns/${CAMPAIGN}`, {
      year: 2020,
      name: '',
      thresholds: 'high',
      stageDurations: { inspection: { days: 0, unit: 'weeks' } },
      reminderPolicy: { sendAt: '9:00', onDueDay: 'yes' },
      colour: 'red',
    });
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual([
      'colour',
      'name',
      'reminderPolicy.onDueDay',
      'reminderPolicy.sendAt',
      'stageDurations.inspection.days',
      'stageDurations.inspection.unit',
      'thresholds',
      'year',
    ]);
    expect(fields(await tier.as('admin').call<Refusal>('PATCH', '/campaigns/2019', { name: '改名' }))).toEqual(['campaignId']);
    expect(tier.services.campaigns.update).not.toHaveBeenCalled();
    expect((await tier.as('auditor').call<Refusal>('PATCH', `/campaigns/${CAMPAIGN}`, { name: '改名' })).status).toBe(403);
  });

  it('checks the enrollment file’s query before reading any upload', async () => {
    const answer = await tier.as('admin').post<Refusal>(`/campaigns/${CAMPAIGN}/enrollments/file?dryRun=maybe&sha256=abc`, {});
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['dryRun', 'sha256']);
    expect(answer.body.errors?.find((error) => error.field === 'dryRun')?.messages).toEqual(['dryRun 须为 true 或 false / dryRun must be true or false']);
    expect(tier.services.batchEnrollment.fromFile).not.toHaveBeenCalled();

    expect((await tier.as('admin').post(`/campaigns/${CAMPAIGN}/enrollments/file`, {})).status).toBe(200);
    expect(tier.services.batchEnrollment.fromFile).toHaveBeenCalledWith(
      CAMPAIGN,
      expect.anything(),
      { dryRun: true, sha256: undefined },
      {
        id: PRINCIPALS.admin.id,
        role: 'administrator',
      },
    );
  });

  it('names each bad filter of the audit log and of the account records', async () => {
    const audit = await tier
      .as('auditor')
      .get<Refusal>('/audit/events?type=Nothing&actorId=a%20b&caseId=nocase&campaignId=1&from=yesterday&to=2019-02-30&page=0');
    expect(audit.status).toBe(400);
    expect(fields(audit)).toEqual(['actorId', 'campaignId', 'caseId', 'from', 'page', 'to', 'type']);
    expect(audit.body.errors?.find((error) => error.field === 'from')?.messages[0]).toContain('Asia/Shanghai');
    // An instant needs its offset: without one it names a different moment on every server.
    expect(fields(await tier.as('auditor').get<Refusal>('/audit/events?from=2019-10-08T09:30:00'))).toEqual(['from']);
    expect(tier.services.audit.events).not.toHaveBeenCalled();

    const accounts = await tier.as('auditor').get<Refusal>('/account-events?type=Nothing&accountId=1&to=2019-10-08T09:30+0800&pageSize=0');
    expect(fields(accounts)).toEqual(['accountId', 'pageSize', 'to', 'type']);
    expect(tier.services.accounts.events).not.toHaveBeenCalled();

    expect((await tier.as('auditor').get('/audit/events?type=PlanReturned&from=2019-10-08&to=2019-10-08T18:00:00%2B08:00')).status).toBe(200);
    expect(tier.services.audit.events).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'PlanReturned', from: '2019-10-08', to: '2019-10-08T18:00:00+08:00' }),
    );
  });

  it('refuses a bad case id before the verification stream starts, and keeps the auditor’s routes from other roles', async () => {
    const stream = await tier.as('auditor').get<Refusal>('/audit/verify/stream?caseId=nocase&documents=maybe&workflows=1');
    expect(stream.status).toBe(400);
    expect(fields(stream)).toEqual(['caseId', 'documents', 'workflows']);
    expect(tier.services.audit.verify).not.toHaveBeenCalled();
    for (const path of ['/audit/events', '/audit/verify/stream', '/audit/verify/report', '/audit/checkpoints/public-key']) {
      expect((await tier.as('contactOfA').get(path)).status).toBe(403);
      expect((await tier.as('assessor').get(path)).status).toBe(403);
    }
    expect((await tier.as('contactOfA').get(`/units/${UNIT_A}`)).status).toBe(200);
  });
});
