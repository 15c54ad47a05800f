import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import { NOTIFICATION_DELIVERY_FAILED, type DeliverNotificationInput, type DeliveryReport } from '#contracts';
import { InboxNotificationEntity, NotificationDeliveryEntity } from '#persistence';
import { stableMessageId } from '../../apps/worker/src/notifications/email.channel.js';
import { NotificationDeliveryActivities, PROGRAM_OFFICE_CHAT } from '../../apps/worker/src/notifications/notification.activities.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { createRecipient, startNotificationContext } from '../support/notifications.js';
import { headerOf, startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const REFUSED_ADDRESS = 'no-such-mailbox@example.gov.cn';

describe.each(DATABASE_KINDS)('notification delivery to real receivers on %s', (_kind, createDatabase) => {
  let database: TestDatabase;
  let smtp: SmtpReceiver;
  let webhook: WebhookReceiver;
  let app: INestApplicationContext;
  let activity: NotificationDeliveryActivities;

  beforeAll(async () => {
    database = await createDatabase();
    [smtp, webhook] = await Promise.all([startSmtpReceiver({ reject: [REFUSED_ADDRESS] }), startWebhookReceiver('SECtest-robot-signing-secret')]);
    app = await startNotificationContext(database, { smtpUrl: smtp.url, webhookUrl: webhook.url });
    activity = app.get(NotificationDeliveryActivities);
  });

  afterAll(async () => {
    await app.close();
    await Promise.all([smtp.stop(), webhook.stop()]);
    await database.drop();
  });

  const notification = (recipients: DeliverNotificationInput['recipients'], kind: DeliverNotificationInput['kind'] = 'escalation'): DeliverNotificationInput => ({
    dedupeKey: `${kind}:${randomUUID()}`,
    kind,
    caseId: 'case:c-2019:u-1',
    recipients,
    data: { unitName: '石柱镇塘里村', stage: 'cultivation', dueOn: '2019-09-30', daysOverdue: 3 },
  });

  const inboxOf = (dedupeKey: string) => app.get<MikroORM>(MikroORM).em.fork().find(InboxNotificationEntity, { dedupeKey }, { orderBy: { accountId: 'asc' } });
  const mailsWith = (dedupeKey: string) => smtp.messages.filter((message) => headerOf(message.raw, 'X-Qinglian-Dedupe-Key') === dedupeKey);
  const outcomes = (report: DeliveryReport) => report.deliveries.map((delivery) => `${delivery.channel} ${delivery.recipient} ${delivery.outcome}`).sort();

  it('delivers one notification to the program office: an inbox row and an email per administrator, one signed group-chat post', async () => {
    const first = await createRecipient(app, 'administrator');
    const second = await createRecipient(app, 'administrator');
    const input = notification({ role: 'administrator' });
    const webhookBefore = webhook.accepted.length;

    const report = await activity.deliverNotification(input);

    const admins = [first, second].sort((a, b) => a.id.localeCompare(b.id));
    expect(outcomes(report)).toEqual(
      [...admins.flatMap((admin) => [`inbox ${admin.id} sent`, `email ${admin.id} sent`]), `webhook ${PROGRAM_OFFICE_CHAT} sent`].sort(),
    );
    const inbox = await inboxOf(input.dedupeKey);
    expect(inbox.map((row) => [row.accountId, row.kind, row.caseId, row.readAt])).toEqual(admins.map((admin) => [admin.id, 'escalation', input.caseId, null]));
    expect(inbox[0]?.title).toContain('【督办】石柱镇塘里村「培育」逾期未办 / Escalation: Cultivation of 石柱镇塘里村 is overdue');

    await smtp.sync();
    const mails = mailsWith(input.dedupeKey);
    expect(mails).toHaveLength(2);
    expect(mails.map((mail) => mail.to).sort()).toEqual(admins.map((admin) => [admin.email]).sort());
    for (const mail of mails) {
      expect(mail.from).toBe('office@qinglian.test');
      const recipient = admins.find((admin) => admin.email === mail.to[0]);
      expect(headerOf(mail.raw, 'Message-ID')).toBe(stableMessageId(input.dedupeKey, recipient?.id ?? ''));
      expect(headerOf(mail.raw, 'Subject')).toMatch(/^=\?UTF-8\?/);
    }
    // The robot answered errcode 0 only after checking the signature.
    expect(webhook.accepted.length).toBe(webhookBefore + 1);
    expect(webhook.accepted.at(-1)).toEqual({ msgtype: 'markdown', markdown: { title: inbox[0]?.title, text: expect.stringContaining('#### 【督办】石柱镇塘里村「培育」逾期未办') } });
    expect(webhook.requests.every((request) => request.signatureValid)).toBe(true);
  });

  it('keeps in-app notices for a unit contact who turned email off, and mails the one who did not', async () => {
    const optedOut = await createRecipient(app, 'unit_contact', { emailEnabled: false });
    const colleague = await createRecipient(app, 'unit_contact', { unitId: optedOut.unitId ?? '' });
    const input = notification({ unitId: optedOut.unitId ?? '' }, 'reminder_overdue');
    const webhookBefore = webhook.requests.length;

    const report = await activity.deliverNotification(input);

    expect(outcomes(report)).toEqual([`email ${colleague.id} sent`, `email ${optedOut.id} skipped_preference`, `inbox ${colleague.id} sent`, `inbox ${optedOut.id} sent`].sort());
    expect((await inboxOf(input.dedupeKey)).map((row) => row.accountId).sort()).toEqual([colleague.id, optedOut.id].sort());
    await smtp.sync();
    expect(mailsWith(input.dedupeKey).map((mail) => mail.to)).toEqual([[colleague.email]]);
    // Unit reminders do not go to the office's group chat.
    expect(webhook.requests.length).toBe(webhookBefore);
  });

  it('sends once when the same dedupe key is delivered twice', async () => {
    const contact = await createRecipient(app, 'unit_contact');
    const admin = await createRecipient(app, 'administrator');
    const input = notification({ accountIds: [contact.id, admin.id] });
    await activity.deliverNotification(input);
    await smtp.sync();
    expect(mailsWith(input.dedupeKey)).toHaveLength(2);
    const webhookAccepted = webhook.accepted.length;

    const again = await activity.deliverNotification(input);

    expect(new Set(again.deliveries.map((delivery) => delivery.outcome))).toEqual(new Set(['skipped_duplicate']));
    expect(again.deliveries).toHaveLength(5);
    expect(await inboxOf(input.dedupeKey)).toHaveLength(2);
    await smtp.sync();
    expect(mailsWith(input.dedupeKey)).toHaveLength(2);
    expect(webhook.accepted.length).toBe(webhookAccepted);
  });

  it('reports a refused address as failed without a retry, and never tries it again', async () => {
    const contact = await createRecipient(app, 'unit_contact', { email: REFUSED_ADDRESS });
    const input = notification({ accountIds: [contact.id] }, 'reminder_due_today');

    const report = await activity.deliverNotification(input);
    expect(report.deliveries).toEqual([
      { channel: 'inbox', recipient: contact.id, outcome: 'sent' },
      { channel: 'email', recipient: contact.id, outcome: 'failed', detail: expect.stringContaining('550') },
    ]);
    const again = await activity.deliverNotification(input);
    expect(again.deliveries[1]).toMatchObject({ outcome: 'failed' });
    const row = await app.get<MikroORM>(MikroORM).em.fork().findOneOrFail(NotificationDeliveryEntity, { dedupeKey: input.dedupeKey });
    expect([row.status, row.attempts]).toEqual(['failed', 1]);
  });

  it('throws a retryable failure when the group chat fails for now, and the retry posts it once', async () => {
    const admin = await createRecipient(app, 'administrator');
    const flaky = await startWebhookReceiver('SECtest-robot-signing-secret', [500]);
    const other = await startNotificationContext(database, { smtpUrl: smtp.url, webhookUrl: flaky.url });
    try {
      const input = notification({ accountIds: [admin.id] }, 'weekly_digest');
      const deliver = other.get(NotificationDeliveryActivities);
      const failure = await deliver.deliverNotification(input).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ nonRetryable: false, type: NOTIFICATION_DELIVERY_FAILED });
      expect((failure as ApplicationFailure).details?.[0]).toMatchObject({ dedupeKey: input.dedupeKey, deliveries: expect.arrayContaining([{ channel: 'webhook', recipient: PROGRAM_OFFICE_CHAT, outcome: 'failed', detail: expect.stringContaining('500') }]) });
      const retried = await deliver.deliverNotification(input);
      expect(outcomes(retried)).toEqual([`email ${admin.id} skipped_duplicate`, `inbox ${admin.id} skipped_duplicate`, `webhook ${PROGRAM_OFFICE_CHAT} sent`].sort());
      expect(flaky.requests.map((request) => request.status)).toEqual([500, 200]);
      expect(flaky.accepted).toHaveLength(1);
      await smtp.sync();
      expect(mailsWith(input.dedupeKey)).toHaveLength(1);
    } finally {
      await other.close();
      await flaky.stop();
    }
  });

  it('reports nothing, and sends nothing, when the recipients name no active account', async () => {
    const before = webhook.requests.length;
    await smtp.sync();
    const mailsBefore = smtp.messages.length;
    const report = await activity.deliverNotification(notification({ unitId: randomUUID() }, 'progress_report_call'));
    expect(report.deliveries).toEqual([]);
    await smtp.sync();
    expect(smtp.messages.length).toBe(mailsBefore);
    expect(webhook.requests.length).toBe(before);
  });
});
