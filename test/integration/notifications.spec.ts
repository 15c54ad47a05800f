import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import { NOTIFICATION_DELIVERY_FAILED, type DeliverNotificationInput, type DeliveryReport } from '#contracts';
import { InboxNotificationEntity, NotificationDeliveryEntity, NotificationStore, SecretBox, UnitGroupChatEntity } from '#persistence';
import { stableMessageId } from '../../apps/worker/src/notifications/email.channel.js';
import { NotificationDeliveryActivities, PROGRAM_OFFICE_CHAT, unitChat } from '../../apps/worker/src/activities/notification.activities.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { createRecipient, NOTIFY_SECRET, startNotificationContext, TEST_SECRETS_KEY, UNIT_CHAT_SECRET } from '../support/notifications.js';
import { headerOf, startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver.js';
import { signatureValid, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

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

  const notification = (
    recipients: DeliverNotificationInput['recipients'],
    kind: DeliverNotificationInput['kind'] = 'escalation',
  ): DeliverNotificationInput => ({
    dedupeKey: `${kind}:${randomUUID()}`,
    kind,
    caseId: 'case:c-2019:u-1',
    recipients,
    data: { unitName: '石柱镇塘里村', stage: 'cultivation', dueOn: '2019-09-30', daysOverdue: 3 },
  });

  const inboxOf = (dedupeKey: string) =>
    app
      .get<MikroORM>(MikroORM)
      .em.fork()
      .find(InboxNotificationEntity, { dedupeKey }, { orderBy: { accountId: 'asc' } });
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
    expect(webhook.accepted.at(-1)).toEqual({
      msgtype: 'markdown',
      markdown: { title: inbox[0]?.title, text: expect.stringContaining('#### 【督办】石柱镇塘里村「培育」逾期未办') },
    });
    expect(webhook.requests.every((request) => request.signatureValid)).toBe(true);
  });

  it('keeps in-app notices for a unit contact who turned email off, and mails the one who did not', async () => {
    const optedOut = await createRecipient(app, 'unit_contact', { emailEnabled: false });
    const colleague = await createRecipient(app, 'unit_contact', { unitId: optedOut.unitId ?? '' });
    const input = notification({ unitId: optedOut.unitId ?? '' }, 'reminder_overdue');
    const webhookBefore = webhook.requests.length;

    const report = await activity.deliverNotification(input);

    expect(outcomes(report)).toEqual(
      [`email ${colleague.id} sent`, `email ${optedOut.id} skipped_preference`, `inbox ${colleague.id} sent`, `inbox ${optedOut.id} sent`].sort(),
    );
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
      expect((failure as ApplicationFailure).details?.[0]).toMatchObject({
        dedupeKey: input.dedupeKey,
        deliveries: expect.arrayContaining([{ channel: 'webhook', recipient: PROGRAM_OFFICE_CHAT, outcome: 'failed', detail: expect.stringContaining('500') }]),
      });
      const retried = await deliver.deliverNotification(input);
      expect(outcomes(retried)).toEqual(
        [`email ${admin.id} skipped_duplicate`, `inbox ${admin.id} skipped_duplicate`, `webhook ${PROGRAM_OFFICE_CHAT} sent`].sort(),
      );
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

  describe('a unit’s own group chat', () => {
    let unitRobot: WebhookReceiver;
    const setChat = (unitId: string, url: string, secret = UNIT_CHAT_SECRET) => app.get(NotificationStore).saveUnitGroupChat(unitId, { url, secret }, 'test');
    const storedSecret = async (unitId: string) =>
      (
        (await app.get<MikroORM>(MikroORM).em.getConnection().execute('select secret from unit_group_chat where unit_id = ?', [unitId])) as { secret: string }[]
      )[0]?.secret;
    const claimOf = (dedupeKey: string, unitId: string) =>
      app
        .get<MikroORM>(MikroORM)
        .em.fork()
        .findOneOrFail(NotificationDeliveryEntity, { dedupeKey, recipient: unitChat(unitId) });

    beforeAll(async () => {
      unitRobot = await startWebhookReceiver(UNIT_CHAT_SECRET);
    });

    afterAll(async () => {
      await unitRobot.stop();
    });

    it('does not post to a chat whose host is no longer allowed (saved before the list was narrowed)', async () => {
      const contact = await createRecipient(app, 'unit_contact');
      const unitId = contact.unitId ?? '';
      const outside = new URL(unitRobot.url);
      outside.hostname = 'localhost';
      await setChat(unitId, outside.toString());
      const before = unitRobot.requests.length;
      const report = await activity.deliverNotification(notification({ unitId }, 'reminder_overdue'));
      expect(report.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))).toMatchObject({
        outcome: 'skipped_disabled',
        detail: 'host not in GROUP_CHAT_ALLOWED_HOSTS',
      });
      expect(unitRobot.requests.length).toBe(before);
    });

    it('posts a notice to the unit also to its chat, signed with the unit’s secret; a retry of the same notice posts nothing more', async () => {
      const contact = await createRecipient(app, 'unit_contact');
      const unitId = contact.unitId ?? '';
      await setChat(unitId, unitRobot.url);
      const input = notification({ unitId }, 'reminder_overdue');
      const [unitBefore, officeBefore] = [unitRobot.requests.length, webhook.requests.length];

      const report = await activity.deliverNotification(input);

      expect(outcomes(report)).toEqual([`email ${contact.id} sent`, `inbox ${contact.id} sent`, `webhook ${unitChat(unitId)} sent`].sort());
      expect(unitChat(unitId)).toBe(`unit-chat:${unitId}`);
      const posts = unitRobot.requests.slice(unitBefore);
      expect(posts).toHaveLength(1);
      const [post] = posts;
      // The robot's URL (access token kept) with timestamp and sign that verify with the unit's secret, not the office's.
      expect(post?.url.pathname).toBe('/robot/send');
      expect(post?.url.searchParams.get('access_token')).toBe('test-token');
      expect(Number(post?.url.searchParams.get('timestamp'))).toBeGreaterThan(Date.now() - 60_000);
      expect(post?.url.searchParams.get('sign')).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(post && signatureValid(post.url, UNIT_CHAT_SECRET)).toBe(true);
      expect(post && signatureValid(post.url, NOTIFY_SECRET)).toBe(false);
      expect(post?.dedupeKey).toBe(input.dedupeKey);
      // The row holds the secret sealed, never in plain text.
      const stored = await storedSecret(unitId);
      expect(stored).toMatch(/^sealed:v1:/);
      expect(stored).not.toContain(UNIT_CHAT_SECRET.slice(3));
      const [inbox] = await inboxOf(input.dedupeKey);
      expect(unitRobot.accepted.at(-1)).toEqual({
        msgtype: 'markdown',
        markdown: { title: inbox?.title, text: expect.stringContaining('#### 【已逾期】石柱镇塘里村') },
      });
      // The program office's chat is not told about a unit's reminder.
      expect(webhook.requests.length).toBe(officeBefore);

      const again = await activity.deliverNotification(input);
      expect(again.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))).toMatchObject({ channel: 'webhook', outcome: 'skipped_duplicate' });
      expect(unitRobot.requests.length).toBe(unitBefore + 1);
      const claim = await app
        .get<MikroORM>(MikroORM)
        .em.fork()
        .findOneOrFail(NotificationDeliveryEntity, { dedupeKey: input.dedupeKey, recipient: unitChat(unitId) });
      expect([claim.channel, claim.status, claim.attempts]).toEqual(['webhook', 'sent', 1]);

      // Named by account, the same contact gets no post in the unit's chat: it stands for notices to the unit.
      await activity.deliverNotification(notification({ accountIds: [contact.id] }, 'reminder_due_today'));
      expect(unitRobot.requests.length).toBe(unitBefore + 1);
    });

    it('posts nothing for a unit without a chat, and nothing more once the chat is removed', async () => {
      const without = await createRecipient(app, 'unit_contact');
      const withChat = await createRecipient(app, 'unit_contact');
      const unitId = withChat.unitId ?? '';
      await setChat(unitId, unitRobot.url);
      const before = [unitRobot.requests.length, webhook.requests.length];

      const none = await activity.deliverNotification(notification({ unitId: without.unitId ?? '' }, 'reminder_before_due'));
      expect(none.deliveries.filter((delivery) => delivery.channel === 'webhook')).toEqual([]);
      expect([unitRobot.requests.length, webhook.requests.length]).toEqual(before);

      expect(
        (await activity.deliverNotification(notification({ unitId }, 'reminder_before_due'))).deliveries.filter((delivery) => delivery.channel === 'webhook'),
      ).toEqual([{ channel: 'webhook', recipient: unitChat(unitId), outcome: 'sent' }]);
      expect(await app.get(NotificationStore).removeUnitGroupChat(unitId)).toBe(true);
      const after = await activity.deliverNotification(notification({ unitId }, 'reminder_due_today'));
      expect(outcomes(after)).toEqual([`email ${withChat.id} sent`, `inbox ${withChat.id} sent`].sort());
      expect(unitRobot.requests.length).toBe((before[0] ?? 0) + 1);
      expect(await app.get(NotificationStore).removeUnitGroupChat(unitId)).toBe(false);
    });

    it('skips the unit’s chat only when every contact of the unit turned group chat off', async () => {
      const off = await createRecipient(app, 'unit_contact', { webhookEnabled: false });
      const unitId = off.unitId ?? '';
      await setChat(unitId, unitRobot.url);
      const skipped = await activity.deliverNotification(notification({ unitId }, 'progress_report_call'));
      expect(skipped.deliveries.find((delivery) => delivery.channel === 'webhook')).toEqual({
        channel: 'webhook',
        recipient: unitChat(unitId),
        outcome: 'skipped_preference',
        detail: 'group chat turned off',
      });

      await createRecipient(app, 'unit_contact', { unitId, webhookEnabled: true });
      const posted = await activity.deliverNotification(notification({ unitId }, 'progress_report_call'));
      expect(posted.deliveries.find((delivery) => delivery.channel === 'webhook')).toEqual({
        channel: 'webhook',
        recipient: unitChat(unitId),
        outcome: 'sent',
      });
    });

    it('retries a unit chat that fails for now and posts once; a refused signature is recorded failed and never retried', async () => {
      const flaky = await startWebhookReceiver(UNIT_CHAT_SECRET, [503]);
      try {
        const contact = await createRecipient(app, 'unit_contact');
        const unitId = contact.unitId ?? '';
        await setChat(unitId, flaky.url);
        const input = notification({ unitId }, 'reminder_overdue');
        const failure = await activity.deliverNotification(input).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toMatchObject({ nonRetryable: false, type: NOTIFICATION_DELIVERY_FAILED });
        expect((failure as ApplicationFailure).details?.[0]).toMatchObject({
          deliveries: expect.arrayContaining([{ channel: 'webhook', recipient: unitChat(unitId), outcome: 'failed', detail: expect.stringContaining('503') }]),
        });
        const retried = await activity.deliverNotification(input);
        expect(outcomes(retried)).toEqual(
          [`email ${contact.id} skipped_duplicate`, `inbox ${contact.id} skipped_duplicate`, `webhook ${unitChat(unitId)} sent`].sort(),
        );
        expect(retried.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))?.detail).toBe('attempt 2');
        expect(flaky.requests.map((request) => [request.status, request.signatureValid])).toEqual([
          [503, true],
          [200, true],
        ]);
        expect(flaky.accepted).toHaveLength(1);

        // A chat saved with the wrong secret: the robot answers errcode 310000, a permanent refusal.
        await setChat(unitId, flaky.url, 'SECnot-the-robots-secret');
        const refused = notification({ unitId }, 'reminder_overdue');
        const report = await activity.deliverNotification(refused);
        expect(report.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))).toMatchObject({
          outcome: 'failed',
          detail: expect.stringContaining('310000'),
        });
        const again = await activity.deliverNotification(refused);
        expect(again.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))).toMatchObject({ outcome: 'failed' });
        expect(flaky.requests).toHaveLength(3);
        expect(flaky.accepted).toHaveLength(1);
      } finally {
        await flaky.stop();
      }
    });

    it('does not follow a redirect: the 3xx is recorded as a failure and never retried', async () => {
      const redirecting = await startWebhookReceiver(UNIT_CHAT_SECRET, [302]);
      try {
        const contact = await createRecipient(app, 'unit_contact');
        const unitId = contact.unitId ?? '';
        await setChat(unitId, redirecting.url);
        const input = notification({ unitId }, 'reminder_overdue');
        const report = await activity.deliverNotification(input);
        expect(report.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))).toEqual({
          channel: 'webhook',
          recipient: unitChat(unitId),
          outcome: 'failed',
          detail: 'webhook answered 302: redirects are not followed',
        });
        // The receiver redirected to itself, where it would have accepted the post: it was asked once only.
        expect(redirecting.requests.map((request) => request.status)).toEqual([302]);
        expect(redirecting.accepted).toHaveLength(0);
        expect((await claimOf(input.dedupeKey, unitId)).status).toBe('failed');
        await activity.deliverNotification(input);
        expect(redirecting.requests).toHaveLength(1);
      } finally {
        await redirecting.stop();
      }
    });

    it('refuses at connect time a host that resolves to a loopback address, and a loopback address literal', async () => {
      // Allowed by name when saved; where the name leads is checked only as the worker connects (as after DNS rebinding).
      const guarded = await startNotificationContext(
        database,
        {},
        { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false', GROUP_CHAT_ALLOWED_HOSTS: 'localhost,127.0.0.1' },
      );
      try {
        const deliver = guarded.get(NotificationDeliveryActivities);
        const byName = new URL(unitRobot.url);
        byName.hostname = 'localhost';
        for (const [url, detail] of [
          [byName.toString(), 'webhook refused: the host resolves to a loopback address (only public addresses are posted to)'],
          [unitRobot.url, 'webhook refused: the host resolves to a loopback address (only public addresses are posted to)'],
        ] as const) {
          const contact = await createRecipient(app, 'unit_contact');
          const unitId = contact.unitId ?? '';
          await setChat(unitId, url);
          const before = unitRobot.requests.length;
          const input = notification({ unitId }, 'reminder_overdue');
          const report = await deliver.deliverNotification(input);
          expect({ url, delivery: report.deliveries.find((delivery) => delivery.recipient === unitChat(unitId)) }).toEqual({
            url,
            delivery: { channel: 'webhook', recipient: unitChat(unitId), outcome: 'failed', detail },
          });
          expect(unitRobot.requests.length).toBe(before);
          expect((await claimOf(input.dedupeKey, unitId)).status).toBe('failed');
        }
      } finally {
        await guarded.close();
      }
    });

    it('seals a secret stored in plain text before sealing began, once, and signs with it before and after', async () => {
      const contact = await createRecipient(app, 'unit_contact');
      const unitId = contact.unitId ?? '';
      const store = app.get(NotificationStore);
      await app
        .get<MikroORM>(MikroORM)
        .em.fork()
        .insert(
          UnitGroupChatEntity,
          new UnitGroupChatEntity({ unitId, webhookUrl: unitRobot.url, secret: UNIT_CHAT_SECRET, updatedAt: new Date(), updatedBy: 'test' }),
        );
      const postsTo = async () => {
        const before = unitRobot.requests.length;
        const report = await activity.deliverNotification(notification({ unitId }, 'reminder_due_today'));
        expect(report.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))?.outcome).toBe('sent');
        const post = unitRobot.requests.at(-1);
        expect(unitRobot.requests.length).toBe(before + 1);
        expect(post && signatureValid(post.url, UNIT_CHAT_SECRET)).toBe(true);
      };
      await postsTo();

      expect(await store.sealStoredSecrets()).toEqual({ sealed: 1, unreadable: [] });
      expect(await storedSecret(unitId)).toMatch(/^sealed:v1:/);
      expect(await store.sealStoredSecrets()).toEqual({ sealed: 0, unreadable: [] });
      await postsTo();
    });

    it('re-seals under a new key while the old one is listed, and fails, without posting, a secret no key opens', async () => {
      const contact = await createRecipient(app, 'unit_contact');
      const unitId = contact.unitId ?? '';
      await setChat(unitId, unitRobot.url);
      const orm = app.get<MikroORM>(MikroORM);
      const oldKey = Buffer.from(TEST_SECRETS_KEY, 'base64');
      const newKey = randomBytes(32);
      const rows = await orm.em.fork().count(UnitGroupChatEntity, {});
      expect(await new NotificationStore(orm, new SecretBox(newKey, [oldKey])).sealStoredSecrets()).toEqual({ sealed: rows, unreadable: [] });
      const rotated = await storedSecret(unitId);

      // The worker still holds only the old key: the post fails, nothing is claimed, and the robot hears nothing.
      const before = unitRobot.requests.length;
      const input = notification({ unitId }, 'reminder_overdue');
      const report = await activity.deliverNotification(input);
      expect(report.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))).toEqual({
        channel: 'webhook',
        recipient: unitChat(unitId),
        outcome: 'failed',
        detail: 'the chat’s signing secret cannot be opened with the configured keys',
      });
      expect(unitRobot.requests.length).toBe(before);
      expect(await orm.em.fork().count(NotificationDeliveryEntity, { dedupeKey: input.dedupeKey, channel: 'webhook' })).toBe(0);
      expect(await app.get(NotificationStore).sealStoredSecrets()).toEqual({ sealed: 0, unreadable: expect.arrayContaining([unitId]) });

      // Back under the old key, for the worker of this file.
      expect(await new NotificationStore(orm, new SecretBox(oldKey, [newKey])).sealStoredSecrets()).toEqual({ sealed: rows, unreadable: [] });
      expect(await storedSecret(unitId)).not.toBe(rotated);
      expect((await activity.deliverNotification(input)).deliveries.find((delivery) => delivery.recipient === unitChat(unitId))?.outcome).toBe('sent');
    });
  });
});
