import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from '@jest/globals';
import type { DeliverNotificationInput } from '#contracts';
import type { SignedIn } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface InboxPage {
  items: { id: string; kind: string; title: string; body: string; caseId: string | null; readAt: string | null }[];
  total: number;
}

describeOnEachDatabase('the inbox over HTTP', (suite) => {
  let reader: SignedIn;
  let other: SignedIn;

  const notify = (accountIds: string[], kind: DeliverNotificationInput['kind'], unitName: string) =>
    suite.stack.deliverNotification({
      dedupeKey: `${kind}:${randomUUID()}`,
      kind,
      caseId: `case:c:${unitName}`,
      recipients: { accountIds },
      data: { unitName, stage: 'cultivation', dueOn: '2019-09-30', daysLeft: 3, daysOverdue: 1 },
    });

  beforeAll(async () => {
    [reader, other] = await Promise.all([suite.stack.signUp('assessor'), suite.stack.signUp('auditor')]);
  });

  it('lists one’s own notices newest first, counts the unread, marks one and then all read', async () => {
    await notify([reader.id], 'reminder_before_due', '下寮村');
    await notify([reader.id], 'reminder_due_today', '潜村');
    await notify([reader.id, other.id], 'reminder_overdue', '胡库下村');
    const inbox = () => suite.stack.http.get<InboxPage>('/inbox', reader.headers);

    const listed = await inbox();
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(3);
    expect(listed.body.items.map((item) => item.kind)).toEqual(['reminder_overdue', 'reminder_due_today', 'reminder_before_due']);
    expect(listed.body.items[0]).toMatchObject({ caseId: 'case:c:胡库下村', readAt: null, title: expect.stringContaining('【已逾期】胡库下村') });
    expect((await suite.stack.http.get('/inbox/unread-count', reader.headers)).body).toEqual({ unread: 3 });
    expect((await suite.stack.http.get('/inbox/unread-count', other.headers)).body).toEqual({ unread: 1 });

    const page = await suite.stack.http.get<InboxPage>('/inbox?page=2&pageSize=2', reader.headers);
    expect(page.body.items.map((item) => item.kind)).toEqual(['reminder_before_due']);

    const newest = listed.body.items[0]?.id ?? '';
    const marked = await suite.stack.http.post<{ readAt: string | null }>(`/inbox/${newest}/read`, {}, reader.headers);
    expect(marked.status).toBe(200);
    expect(marked.body.readAt).toEqual(expect.any(String));
    expect((await suite.stack.http.get('/inbox/unread-count', reader.headers)).body).toEqual({ unread: 2 });
    expect((await suite.stack.http.get<InboxPage>('/inbox?unread=true', reader.headers)).body.items.map((item) => item.kind)).toEqual([
      'reminder_due_today',
      'reminder_before_due',
    ]);

    expect((await suite.stack.http.post('/inbox/read-all', {}, reader.headers)).body).toEqual({ marked: 2 });
    expect((await suite.stack.http.get('/inbox/unread-count', reader.headers)).body).toEqual({ unread: 0 });
    // The other recipient's copy is untouched.
    expect((await suite.stack.http.get('/inbox/unread-count', other.headers)).body).toEqual({ unread: 1 });
  });

  it('answers 404 for another account’s notice, and leaves it unread', async () => {
    await notify([other.id], 'escalation', '尚仁村');
    const theirs = (await suite.stack.http.get<InboxPage>('/inbox?unread=true', other.headers)).body.items[0]?.id ?? '';
    const answer = await suite.stack.http.post<{ code: string }>(`/inbox/${theirs}/read`, {}, reader.headers);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
    expect((await suite.stack.http.get<InboxPage>('/inbox?unread=true', other.headers)).body.items.map((item) => item.id)).toContain(theirs);
  });

  it('keeps preferences per account: email off still fills the inbox; unknown fields and bad addresses are refused', async () => {
    expect((await suite.stack.http.get('/me/notification-preferences', reader.headers)).body).toEqual({
      inApp: true,
      emailEnabled: true,
      emailAddress: null,
      webhookEnabled: true,
    });
    const saved = await suite.stack.http.call(
      'PUT',
      '/me/notification-preferences',
      { emailEnabled: false, emailAddress: 'reader@example.gov.cn', webhookEnabled: false },
      reader.headers,
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ inApp: true, emailEnabled: false, emailAddress: 'reader@example.gov.cn', webhookEnabled: false });
    expect((await suite.stack.http.get('/me/notification-preferences', reader.headers)).body).toEqual(saved.body);
    // Someone else's preferences are their own.
    expect((await suite.stack.http.get('/me/notification-preferences', other.headers)).body).toMatchObject({ emailEnabled: true, emailAddress: null });

    const report = await notify([reader.id], 'progress_report_call', '西津经济合作社');
    expect(report.deliveries).toEqual([
      { channel: 'inbox', recipient: reader.id, outcome: 'sent' },
      { channel: 'email', recipient: reader.id, outcome: 'skipped_preference', detail: 'email turned off' },
    ]);
    expect((await suite.stack.http.get('/inbox/unread-count', reader.headers)).body).toEqual({ unread: 1 });

    const refused = async (body: unknown) => {
      const answer = await suite.stack.http.call<{ code: string; errors: { field: string }[] }>('PUT', '/me/notification-preferences', body, reader.headers);
      return [answer.status, answer.body.code, answer.body.errors.map((error) => error.field).sort()];
    };
    expect(await refused({ emailEnabled: true, emailAddress: 'not an address', webhookEnabled: true })).toEqual([400, 'VALIDATION_FAILED', ['emailAddress']]);
    expect(await refused({ emailEnabled: true, webhookEnabled: true, inApp: false })).toEqual([400, 'VALIDATION_FAILED', ['inApp']]);
    expect(await refused({ emailAddress: null })).toEqual([400, 'VALIDATION_FAILED', ['emailEnabled', 'webhookEnabled']]);
  });
});
