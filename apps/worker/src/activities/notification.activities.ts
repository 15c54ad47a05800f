import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { NOTIFICATION_DELIVERY_FAILED, type DeliverNotificationInput, type Delivery, type DeliveryReport, type NotificationActivities } from '#contracts';
import { NotificationStore, SealedSecretUnreadable, type GroupChatTarget, type NotificationRecipient } from '#persistence';
import type { SendResult } from '../notifications/channel-result.js';
import { EmailChannel } from '../notifications/email.channel.js';
import { renderNotice, type RenderedNotice } from '../notifications/notification-templates.js';
import { WebhookChannel } from '../notifications/webhook.channel.js';

/** The recipient name of the program office's group chat in reports and delivery claims. */
export const PROGRAM_OFFICE_CHAT = 'program-office';

/** The recipient name of a unit's own group chat in reports and delivery claims. */
export function unitChat(unitId: string): string {
  return `unit-chat:${unitId}`;
}

/**
 * 通知投递 / Delivers one notification: the in-app inbox of every recipient (always), email to those who
 * want it and have an address, the program office's group chat when administrators are among the
 * recipients, and the unit's own group chat when the notification goes to a unit that has one. Every outside
 * send is claimed in notification_delivery first, so a retried activity skips what an earlier attempt sent.
 * When a send fails for now the activity throws (Temporal retries with backoff); a permanent refusal is
 * reported as 'failed'.
 */
@Injectable()
export class NotificationDeliveryActivities implements NotificationActivities {
  private readonly logger = new Logger('Notifications');

  constructor(
    @Inject(NotificationStore) private readonly store: NotificationStore,
    @Inject(EmailChannel) private readonly email: EmailChannel,
    @Inject(WebhookChannel) private readonly webhook: WebhookChannel,
  ) {}

  async deliverNotification(input: DeliverNotificationInput): Promise<DeliveryReport> {
    const notice = renderNotice(input.kind, { ...input.data, caseId: input.data.caseId ?? input.caseId });
    const recipients = await this.store.resolveRecipients(input.recipients);
    const added = await this.store.addToInboxes(
      { dedupeKey: input.dedupeKey, kind: input.kind, title: notice.title, body: notice.text, caseId: input.caseId },
      recipients.map((recipient) => recipient.accountId),
    );
    const deliveries: Delivery[] = recipients.map((recipient) => ({
      channel: 'inbox',
      recipient: recipient.accountId,
      outcome: added.has(recipient.accountId) ? 'sent' : 'skipped_duplicate',
    }));
    const transient: string[] = [];
    const settle = (delivery: Delivery & { transient?: boolean }): void => {
      const { transient: isTransient, ...reported } = delivery;
      if (isTransient) transient.push(`${delivery.channel} ${delivery.recipient}: ${delivery.detail ?? ''}`);
      deliveries.push(reported);
    };
    for (const recipient of recipients) settle(await this.deliverEmail(input.dedupeKey, recipient, notice));
    const office = recipients.filter((recipient) => recipient.role === 'administrator');
    if (office.length) settle(await this.deliverToOfficeChat(input.dedupeKey, office, notice));
    if (input.recipients.unitId) {
      const unitChatDelivery = await this.deliverToUnitChat(input.dedupeKey, input.recipients.unitId, recipients, notice);
      if (unitChatDelivery) settle(unitChatDelivery);
    }

    const report: DeliveryReport = { dedupeKey: input.dedupeKey, deliveries };
    this.logger.log({ dedupeKey: input.dedupeKey, kind: input.kind, caseId: input.caseId, deliveries }, '通知已投递 / notification delivered');
    if (transient.length) {
      throw ApplicationFailure.retryable(
        `通知暂未送达，将重试 / notification not delivered yet, will retry: ${transient.join('; ')}`,
        NOTIFICATION_DELIVERY_FAILED,
        report,
      );
    }
    return report;
  }

  private deliverEmail(dedupeKey: string, recipient: NotificationRecipient, notice: RenderedNotice): Promise<Delivery & { transient?: boolean }> {
    const base = { channel: 'email', recipient: recipient.accountId } as const;
    const { emailEnabled, emailAddress } = recipient.preference;
    if (!emailEnabled) return Promise.resolve({ ...base, outcome: 'skipped_preference', detail: 'email turned off' });
    if (!emailAddress) return Promise.resolve({ ...base, outcome: 'skipped_preference', detail: 'no email address' });
    if (!this.email.enabled) return Promise.resolve({ ...base, outcome: 'skipped_disabled', detail: 'SMTP_URL is not set' });
    return this.sendOnce(dedupeKey, base, () =>
      this.email.send({ to: emailAddress, subject: notice.title, text: notice.text, dedupeKey, recipientId: recipient.accountId }),
    );
  }

  private deliverToOfficeChat(
    dedupeKey: string,
    office: readonly NotificationRecipient[],
    notice: RenderedNotice,
  ): Promise<Delivery & { transient?: boolean }> {
    const base = { channel: 'webhook', recipient: PROGRAM_OFFICE_CHAT } as const;
    if (!office.some((recipient) => recipient.preference.webhookEnabled))
      return Promise.resolve({ ...base, outcome: 'skipped_preference', detail: 'group chat turned off' });
    const target = this.webhook.office;
    if (!target) return Promise.resolve({ ...base, outcome: 'skipped_disabled', detail: 'NOTIFY_WEBHOOK_URL is not set' });
    return this.sendOnce(dedupeKey, base, () => this.webhook.send(target, { title: notice.title, markdown: notice.markdown, dedupeKey }));
  }

  /**
   * The unit's own group chat, when it has one (none: no report line). Like the office's chat it obeys the group-chat
   * preference of the people it stands for: it is skipped only when every active contact of the unit turned group
   * chat off; a unit with no active contact still gets the post (its chat was set up on purpose, DELETE removes it).
   * Claimed as its own recipient (`unit-chat:<unitId>`), so a retry never posts twice.
   */
  private async deliverToUnitChat(
    dedupeKey: string,
    unitId: string,
    recipients: readonly NotificationRecipient[],
    notice: RenderedNotice,
  ): Promise<(Delivery & { transient?: boolean }) | null> {
    const chat = await this.store.unitGroupChat(unitId);
    if (!chat) return null;
    const base = { channel: 'webhook', recipient: unitChat(unitId) } as const;
    const contacts = recipients.filter((recipient) => recipient.role === 'unit_contact' && recipient.unitId === unitId);
    if (contacts.length && !contacts.some((contact) => contact.preference.webhookEnabled))
      return { ...base, outcome: 'skipped_preference', detail: 'group chat turned off' };
    // A chat saved before the allowed hosts were narrowed is not posted to.
    if (!this.webhook.allowsUnitChat(chat.target)) return { ...base, outcome: 'skipped_disabled', detail: 'host not in GROUP_CHAT_ALLOWED_HOSTS' };
    let target: GroupChatTarget;
    try {
      target = { url: chat.target.url, secret: chat.target.secret };
    } catch (error) {
      if (!(error instanceof SealedSecretUnreadable)) throw error;
      // A key left out of SECRETS_ENCRYPTION_KEY / _PREVIOUS_KEYS: nothing is claimed, the next notice tries again.
      this.logger.error({ unitId, reason: error.message }, '单位工作群机器人密钥无法解密 / the unit chat’s secret cannot be opened');
      return { ...base, outcome: 'failed', detail: 'the chat’s signing secret cannot be opened with the configured keys' };
    }
    return this.sendOnce(dedupeKey, base, () => this.webhook.send(target, { title: notice.title, markdown: notice.markdown, dedupeKey }));
  }

  /**
   * Claim, send, settle. The one window for a duplicate: the receiver accepted the message and the worker died
   * before recording it; the retry then sends again (email with the same Message-ID).
   */
  private async sendOnce(
    dedupeKey: string,
    base: { channel: 'email' | 'webhook'; recipient: string },
    send: () => Promise<SendResult>,
  ): Promise<Delivery & { transient?: boolean }> {
    const claim = await this.store.claimDelivery(dedupeKey, base.channel, base.recipient);
    if (claim.state === 'sent') return { ...base, outcome: 'skipped_duplicate', detail: `sent at ${claim.sentAt.toISOString()}` };
    if (claim.state === 'failed') return { ...base, outcome: 'failed', detail: claim.lastError ?? 'refused' };
    const result = await send();
    if (result.ok) {
      await this.store.settleDelivery(dedupeKey, base.channel, base.recipient, { status: 'sent' });
      return { ...base, outcome: 'sent', ...(claim.attempts > 1 ? { detail: `attempt ${claim.attempts}` } : {}) };
    }
    await this.store.settleDelivery(dedupeKey, base.channel, base.recipient, { status: result.permanent ? 'failed' : 'sending', error: result.error });
    return { ...base, outcome: 'failed', detail: result.error, transient: !result.permanent };
  }
}
