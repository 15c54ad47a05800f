import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { NotificationKind, NotificationRecipients } from '#contracts';
import type { HumanRole } from '#domain';
import { AccountEntity, InboxNotificationEntity, NotificationDeliveryEntity, NotificationPreferenceEntity, UnitGroupChatEntity } from './entities/index.js';
import { SealedSecretUnreadable, type SecretBox } from './secret-box.js';

export interface NotificationPreference {
  readonly emailEnabled: boolean;
  readonly emailAddress: string | null;
  readonly webhookEnabled: boolean;
}

/** Before an account states its own: email on (once it has an address), group chat on. In-app is always on. */
export const DEFAULT_NOTIFICATION_PREFERENCE: NotificationPreference = { emailEnabled: true, emailAddress: null, webhookEnabled: true };

export interface NotificationRecipient {
  readonly accountId: string;
  readonly role: HumanRole;
  /** The unit of a unit contact; null for every other role. */
  readonly unitId: string | null;
  readonly preference: NotificationPreference;
}

/** Where a group-chat robot is reached: its webhook URL (with the access token) and its 加签 signing secret. */
export interface GroupChatTarget {
  readonly url: string;
  readonly secret: string;
}

/** A unit's group-chat robot as stored: where it is, and who set it when. */
export interface UnitGroupChatSetting {
  readonly target: GroupChatTarget;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** What a claim on an outside send found: go ahead (first try or a retry of an unconfirmed one), or it is settled. */
export type DeliveryClaim =
  | { readonly state: 'claimed'; readonly attempts: number }
  | { readonly state: 'sent'; readonly sentAt: Date }
  | { readonly state: 'failed'; readonly lastError: string | null };

export interface InboxPage {
  readonly items: InboxNotificationEntity[];
  readonly total: number;
}

/** Inbox rows, outside-channel delivery claims and preferences: shared by the worker's activity and the api. */
export class NotificationStore {
  constructor(
    private readonly orm: MikroORM,
    /** Seals the units' robot secrets in the database; only the worker, when it signs a post, opens them. */
    private readonly secrets: SecretBox,
  ) {}

  /** The active accounts the recipients name, each once, with their preferences. */
  async resolveRecipients(recipients: NotificationRecipients): Promise<NotificationRecipient[]> {
    const or: Record<string, unknown>[] = [];
    if (recipients.accountIds?.length) or.push({ id: { $in: [...recipients.accountIds] } });
    if (recipients.unitId) or.push({ unitId: recipients.unitId, role: 'unit_contact' });
    if (recipients.role) or.push({ role: recipients.role });
    if (!or.length) return [];
    const em = this.orm.em.fork();
    const accounts = await em.find(AccountEntity, { status: 'active', $or: or }, { fields: ['id', 'role', 'unitId'], orderBy: { id: 'asc' } });
    const preferences = await this.preferences(accounts.map((account) => account.id));
    return accounts.map((account) => ({
      accountId: account.id,
      role: account.role,
      unitId: account.unitId,
      preference: preferences.get(account.id) ?? DEFAULT_NOTIFICATION_PREFERENCE,
    }));
  }

  async preferences(accountIds: readonly string[]): Promise<Map<string, NotificationPreference>> {
    if (!accountIds.length) return new Map();
    const rows = await this.orm.em.fork().find(NotificationPreferenceEntity, { accountId: { $in: [...accountIds] } });
    return new Map(rows.map((row) => [row.accountId, { emailEnabled: row.emailEnabled, emailAddress: row.emailAddress, webhookEnabled: row.webhookEnabled }]));
  }

  async preferenceOf(accountId: string): Promise<NotificationPreference> {
    return (await this.preferences([accountId])).get(accountId) ?? DEFAULT_NOTIFICATION_PREFERENCE;
  }

  async savePreference(accountId: string, preference: NotificationPreference): Promise<NotificationPreference> {
    await this.orm.em.fork().upsert(NotificationPreferenceEntity, { accountId, ...preference, updatedAt: new Date() });
    return this.preferenceOf(accountId);
  }

  /**
   * The unit's own group-chat robot, or null when it has none. Its secret is opened when it is read (so the api,
   * which shows the host only, never opens it); reading it throws SealedSecretUnreadable when no configured key can.
   */
  async unitGroupChat(unitId: string): Promise<UnitGroupChatSetting | null> {
    const row = await this.orm.em.fork().findOne(UnitGroupChatEntity, { unitId });
    if (!row) return null;
    const { secrets } = this;
    const sealed = row.secret;
    const target: GroupChatTarget = {
      url: row.webhookUrl,
      get secret() {
        return secrets.open(sealed, groupChatSecretContext(unitId));
      },
    };
    return { target, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  }

  /**
   * Seals every robot secret still stored in plain text (from before sealing began) or under an earlier key, each
   * row only if no one changed it meanwhile: run at every api start, a no-op once all are sealed under the current
   * key. Answers how many it sealed and the units whose secret no configured key opens (left as they are).
   */
  async sealStoredSecrets(): Promise<{ sealed: number; unreadable: string[] }> {
    const em = this.orm.em.fork();
    let sealed = 0;
    const unreadable: string[] = [];
    for (const row of await em.find(UnitGroupChatEntity, {}, { fields: ['unitId', 'secret'], orderBy: { unitId: 'asc' } })) {
      if (this.secrets.sealedWithCurrentKey(row.secret)) continue;
      const context = groupChatSecretContext(row.unitId);
      let plain: string;
      try {
        plain = this.secrets.open(row.secret, context);
      } catch (error) {
        if (!(error instanceof SealedSecretUnreadable)) throw error;
        unreadable.push(row.unitId);
        continue;
      }
      sealed += await em.nativeUpdate(UnitGroupChatEntity, { unitId: row.unitId, secret: row.secret }, { secret: this.secrets.seal(plain, context) });
    }
    return { sealed, unreadable };
  }

  /** Sets (or replaces) the unit's group-chat robot (within `em`'s transaction, when given one). */
  async saveUnitGroupChat(unitId: string, target: GroupChatTarget, updatedBy: string, em: EntityManager = this.orm.em.fork()): Promise<UnitGroupChatSetting> {
    const updatedAt = new Date();
    const secret = this.secrets.seal(target.secret, groupChatSecretContext(unitId));
    await em.upsert(UnitGroupChatEntity, { unitId, webhookUrl: target.url, secret, updatedAt, updatedBy });
    return { target, updatedAt, updatedBy };
  }

  /** Removes the unit's group-chat robot; false when it had none. */
  async removeUnitGroupChat(unitId: string, em: EntityManager = this.orm.em.fork()): Promise<boolean> {
    return (await em.nativeDelete(UnitGroupChatEntity, { unitId })) > 0;
  }

  /**
   * Puts the notice in each account's inbox unless the same dedupe key already did (a retried activity, a
   * repeated schedule run). Returns the accounts that got a new row.
   */
  async addToInboxes(
    notice: { dedupeKey: string; kind: NotificationKind; title: string; body: string; caseId: string | null },
    accountIds: readonly string[],
  ): Promise<Set<string>> {
    const added = new Set<string>();
    if (!accountIds.length) return added;
    const em = this.orm.em.fork();
    const existing = new Set(
      (await em.find(InboxNotificationEntity, { dedupeKey: notice.dedupeKey, accountId: { $in: [...accountIds] } }, { fields: ['accountId'] })).map(
        (row) => row.accountId,
      ),
    );
    for (const accountId of accountIds) {
      if (existing.has(accountId)) continue;
      try {
        await em.insert(InboxNotificationEntity, new InboxNotificationEntity({ id: randomUUID(), accountId, createdAt: new Date(), ...notice }));
        added.add(accountId);
      } catch (error) {
        // A concurrent execution of the same activity wrote it first.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    return added;
  }

  /** Claims one outside send before it happens. A second claim of a settled send tells how it ended. */
  /** Outside deliveries (email, webhook) counted by channel and status, for the metrics. */
  async deliveryCounts(): Promise<{ channel: string; status: string; count: number }[]> {
    const rows = await (this.orm.em.fork() as SqlEntityManager)
      .getConnection()
      .execute<{ channel: string; status: string; count: number | string }[]>(
        'select channel, status, count(*) as count from notification_delivery group by channel, status',
      );
    return rows.map((row) => ({ channel: row.channel, status: row.status, count: Number(row.count) }));
  }

  async claimDelivery(dedupeKey: string, channel: 'email' | 'webhook', recipient: string): Promise<DeliveryClaim> {
    const em = this.orm.em.fork();
    try {
      await em.insert(NotificationDeliveryEntity, new NotificationDeliveryEntity({ id: randomUUID(), dedupeKey, channel, recipient, claimedAt: new Date() }));
      return { state: 'claimed', attempts: 1 };
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    const row = await em.findOneOrFail(NotificationDeliveryEntity, { dedupeKey, channel, recipient });
    if (row.status === 'sent') return { state: 'sent', sentAt: row.sentAt ?? row.claimedAt };
    if (row.status === 'failed') return { state: 'failed', lastError: row.lastError };
    await em.nativeUpdate(NotificationDeliveryEntity, { id: row.id }, { attempts: row.attempts + 1, claimedAt: new Date() });
    return { state: 'claimed', attempts: row.attempts + 1 };
  }

  /** How the send ended: accepted, refused for good, or failed for now (a retry claims it again). */
  async settleDelivery(
    dedupeKey: string,
    channel: 'email' | 'webhook',
    recipient: string,
    outcome: { status: 'sent' } | { status: 'failed' | 'sending'; error: string },
  ): Promise<void> {
    await this.orm.em
      .fork()
      .nativeUpdate(
        NotificationDeliveryEntity,
        { dedupeKey, channel, recipient },
        outcome.status === 'sent'
          ? { status: 'sent', sentAt: new Date(), lastError: null }
          : { status: outcome.status, lastError: outcome.error.slice(0, 2000) },
      );
  }

  async inbox(accountId: string, options: { unreadOnly: boolean; offset: number; limit: number }): Promise<InboxPage> {
    const where = options.unreadOnly ? { accountId, readAt: null } : { accountId };
    const [items, total] = await this.orm.em
      .fork()
      .findAndCount(InboxNotificationEntity, where, { orderBy: { createdAt: 'desc', id: 'desc' }, offset: options.offset, limit: options.limit });
    return { items, total };
  }

  unreadCount(accountId: string): Promise<number> {
    return this.orm.em.fork().count(InboxNotificationEntity, { accountId, readAt: null });
  }

  /** Marks one of the account's notices read; null when the account has no such notice. */
  async markRead(accountId: string, notificationId: string): Promise<InboxNotificationEntity | null> {
    const em = this.orm.em.fork();
    const notice = await em.findOne(InboxNotificationEntity, { id: notificationId, accountId });
    if (!notice) return null;
    notice.readAt ??= new Date();
    await em.flush();
    return notice;
  }

  /** Marks every unread notice of the account read; returns how many. */
  markAllRead(accountId: string): Promise<number> {
    return this.orm.em.fork().nativeUpdate(InboxNotificationEntity, { accountId, readAt: null }, { readAt: new Date() });
  }
}

/** What a unit's robot secret is sealed to: the table, the column and the row. */
function groupChatSecretContext(unitId: string): string {
  return `unit_group_chat.secret:${unitId}`;
}
