import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DeliverNotificationInput, DeliveryReport } from '#contracts';
import { activitiesFrom } from '../../apps/worker/src/activities/index.js';
import { NotificationStore } from '#persistence';
import { PROGRAM_OFFICE_CHAT, unitChat } from '../../apps/worker/src/activities/notification.activities.js';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { createRecipient, NOTIFY_SECRET, startNotificationContext, UNIT_CHAT_SECRET } from '../support/notifications.js';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver.js';
import { startDevServer, uniqueTaskQueue } from '../support/temporal.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startDevServer();
});

afterAll(async () => {
  await env.teardown();
});

describe.each(DATABASE_KINDS)('deliverNotification retried by Temporal on %s', (_kind, createDatabase) => {
  let database: TestDatabase;
  let smtp: SmtpReceiver;
  let webhook: WebhookReceiver;
  let unitRobot: WebhookReceiver;
  let app: INestApplicationContext;

  beforeAll(async () => {
    database = await createDatabase();
    smtp = await startSmtpReceiver();
    // The group chat fails the first post (500), then accepts.
    webhook = await startWebhookReceiver(NOTIFY_SECRET, [500]);
    // A unit's own group chat, also failing its first post.
    unitRobot = await startWebhookReceiver(UNIT_CHAT_SECRET, [502]);
    app = await startNotificationContext(database, { smtpUrl: smtp.url, webhookUrl: webhook.url });
  });

  afterAll(async () => {
    await app.close();
    await Promise.all([smtp.stop(), webhook.stop(), unitRobot.stop()]);
    await database.drop();
  });

  /** Delivers one notice through the delivery workflow on a fresh worker: Temporal retries the activity as in production. */
  async function deliverThroughTemporal(
    notice: Omit<DeliverNotificationInput, 'dedupeKey' | 'caseId'>,
  ): Promise<{ dedupeKey: string; report: DeliveryReport }> {
    const taskQueue = uniqueTaskQueue('notifications');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('./deliver-notification.workflow.ts', import.meta.url)),
      activities: activitiesFrom(app),
    });
    const dedupeKey = `${notice.kind}:${randomUUID()}`;
    const report = await worker.runUntil(
      env.client.workflow.execute('deliverNotificationWorkflow', {
        taskQueue,
        workflowId: `notify-${dedupeKey}`,
        args: [{ ...notice, dedupeKey, caseId: null }],
      }) as Promise<DeliveryReport>,
    );
    return { dedupeKey, report };
  }

  it('a webhook that fails once is retried with backoff and receives exactly one message; nothing else is sent twice', async () => {
    const admin = await createRecipient(app, 'administrator');
    const { report } = await deliverThroughTemporal({
      kind: 'escalation',
      recipients: { role: 'administrator' },
      data: { unitName: '先行集团', stage: 'inspection', dueOn: '2019-10-15', daysOverdue: 5 },
    });

    expect(webhook.requests.map((request) => [request.status, request.signatureValid])).toEqual([
      [500, true],
      [200, true],
    ]);
    expect(webhook.accepted).toHaveLength(1);
    await smtp.sync();
    expect(smtp.messages.filter((message) => message.to.includes(admin.email ?? ''))).toHaveLength(1);
    // The report of the attempt that succeeded: what the first attempt delivered is recognised, not repeated.
    expect(report.deliveries.map((delivery) => `${delivery.channel} ${delivery.outcome}`).sort()).toEqual(
      ['email skipped_duplicate', 'inbox skipped_duplicate', 'webhook sent'].sort(),
    );
    expect(report.deliveries.find((delivery) => delivery.recipient === PROGRAM_OFFICE_CHAT)).toMatchObject({ outcome: 'sent', detail: 'attempt 2' });
  });

  it('a unit’s own chat that fails once is retried by Temporal and posted exactly once, signed with the unit’s secret', async () => {
    const contact = await createRecipient(app, 'unit_contact');
    const unitId = contact.unitId ?? '';
    await app.get(NotificationStore).saveUnitGroupChat(unitId, { url: unitRobot.url, secret: UNIT_CHAT_SECRET }, 'test');
    const officeRequests = webhook.requests.length;
    const { dedupeKey, report } = await deliverThroughTemporal({
      kind: 'reminder_overdue',
      recipients: { unitId },
      data: { unitName: '古山镇', stage: 'rectification', dueOn: '2019-11-15', daysOverdue: 2 },
    });

    expect(unitRobot.requests.map((request) => [request.status, request.signatureValid, request.dedupeKey])).toEqual([
      [502, true, dedupeKey],
      [200, true, dedupeKey],
    ]);
    expect(unitRobot.accepted).toHaveLength(1);
    expect(unitRobot.accepted[0]?.msgtype).toBe('markdown');
    expect(webhook.requests.length).toBe(officeRequests);
    await smtp.sync();
    expect(smtp.messages.filter((message) => message.to.includes(contact.email ?? ''))).toHaveLength(1);
    expect(report.deliveries.find((delivery) => delivery.recipient === unitChat(unitId))).toEqual({
      channel: 'webhook',
      recipient: unitChat(unitId),
      outcome: 'sent',
      detail: 'attempt 2',
    });
  });
});
