import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { NotificationKind } from '#contracts';

/** 站内通知 / An in-app notice in one account's inbox. One per notification (dedupe key) and account. */
@Entity({ tableName: 'inbox_notification' })
@Unique({ name: 'inbox_notification_dedupe_unique', properties: ['dedupeKey', 'accountId'] })
@Index({ name: 'inbox_notification_account_index', properties: ['accountId', 'createdAt'] })
export class InboxNotificationEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 36 })
  accountId: string;

  @Property({ type: 'string', length: 40 })
  kind: NotificationKind;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'text' })
  body: string;

  @Property({ type: 'string', length: 120, nullable: true })
  caseId: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime', nullable: true })
  readAt: Date | null = null;

  @Property({ type: 'string', length: 200 })
  dedupeKey: string;

  constructor(input: {
    id: string;
    accountId: string;
    kind: NotificationKind;
    title: string;
    body: string;
    caseId: string | null;
    createdAt: Date;
    dedupeKey: string;
  }) {
    this.id = input.id;
    this.accountId = input.accountId;
    this.kind = input.kind;
    this.title = input.title;
    this.body = input.body;
    this.caseId = input.caseId;
    this.createdAt = input.createdAt;
    this.dedupeKey = input.dedupeKey;
  }
}

/**
 * 'sending': claimed, not confirmed sent (in flight, or the last try failed transiently: see lastError);
 * 'sent': the receiver accepted it; 'failed': refused for good (no retry sends it).
 */
export type NotificationDeliveryStatus = 'sending' | 'sent' | 'failed';

/** One send on an outside channel (email, webhook), claimed before sending so that a retry never sends twice. */
@Entity({ tableName: 'notification_delivery' })
@Unique({ name: 'notification_delivery_unique', properties: ['dedupeKey', 'channel', 'recipient'] })
export class NotificationDeliveryEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 200 })
  dedupeKey: string;

  @Property({ type: 'string', length: 20 })
  channel: 'email' | 'webhook';

  /** Account id, 'program-office' for the office's group chat, or 'unit-chat:<unitId>' for a unit's. */
  @Property({ type: 'string', length: 100 })
  recipient: string;

  @Property({ type: 'string', length: 20 })
  status: NotificationDeliveryStatus = 'sending';

  @Property({ type: 'integer' })
  attempts = 1;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime' })
  claimedAt: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;

  constructor(input: { id: string; dedupeKey: string; channel: 'email' | 'webhook'; recipient: string; claimedAt: Date }) {
    this.id = input.id;
    this.dedupeKey = input.dedupeKey;
    this.channel = input.channel;
    this.recipient = input.recipient;
    this.claimedAt = input.claimedAt;
  }
}

/** 通知偏好 / Which outside channels an account receives notices on. In-app notices cannot be turned off. */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  accountId: string;

  @Property({ type: 'boolean' })
  emailEnabled: boolean;

  @Property({ type: 'string', length: 254, nullable: true })
  emailAddress: string | null;

  /**
   * Administrators: whether notices addressed to them also go to the program office's group chat. Unit contacts:
   * whether notices to their unit go to the unit's group chat (it stays on while any contact of the unit keeps it on).
   */
  @Property({ type: 'boolean' })
  webhookEnabled: boolean;

  @Property({ type: 'datetime' })
  updatedAt: Date;

  constructor(input: { accountId: string; emailEnabled: boolean; emailAddress: string | null; webhookEnabled: boolean; updatedAt: Date }) {
    this.accountId = input.accountId;
    this.emailEnabled = input.emailEnabled;
    this.emailAddress = input.emailAddress;
    this.webhookEnabled = input.webhookEnabled;
    this.updatedAt = input.updatedAt;
  }
}

/**
 * 单位工作群机器人 / A unit's own group-chat robot: notices to the unit's contacts are also posted there, signed with
 * the secret. The secret is write-only over the api (never returned); the url carries the robot's access token,
 * so only its host is ever shown. At most one per unit.
 */
@Entity({ tableName: 'unit_group_chat' })
export class UnitGroupChatEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  unitId: string;

  @Property({ type: 'string', length: 1000 })
  webhookUrl: string;

  /** Sealed (AES-256-GCM, `sealed:v1:…`) under SECRETS_ENCRYPTION_KEY; never in plain text. */
  @Property({ type: 'string', length: 512 })
  secret: string;

  @Property({ type: 'datetime' })
  updatedAt: Date;

  /** The account (or api token) that set it. */
  @Property({ type: 'string', length: 100 })
  updatedBy: string;

  constructor(input: { unitId: string; webhookUrl: string; secret: string; updatedAt: Date; updatedBy: string }) {
    this.unitId = input.unitId;
    this.webhookUrl = input.webhookUrl;
    this.secret = input.secret;
    this.updatedAt = input.updatedAt;
    this.updatedBy = input.updatedBy;
  }
}
