import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

export const ACCOUNT_EVENT_TYPES = [
  'AccountCreated',
  'LoginSucceeded',
  'LoginFailed',
  'PasswordChangeFailed',
  'AccountLocked',
  'LoggedOut',
  'SessionRefreshed',
  'RefreshTokenReused',
  'SessionsRevoked',
  'AccountUnlocked',
  'AccountDisabled',
  'AccountEnabled',
  'ApiTokenCreated',
  'ApiTokenRevoked',
  /** A campaign's name or settings edited (detail: the campaign and each setting's old and new value). */
  'CampaignUpdated',
  /** A Temporal schedule paused, resumed or run at once (detail: the schedule, and the note given). */
  'SchedulePaused',
  'ScheduleResumed',
  'ScheduleTriggered',
  /** A unit's group-chat robot set, replaced or removed (detail: the unit and the webhook's host; never the secret). */
  'UnitGroupChatSet',
  'UnitGroupChatChanged',
  'UnitGroupChatRemoved',
  /** A bulk action's workflow started (detail: the action, its kind, parameters and number of cases). */
  'BulkActionStarted',
] as const;
export type AccountEventType = (typeof ACCOUNT_EVENT_TYPES)[number];

/**
 * 账户审计记录: logins, failures, lockouts, logouts, revocations, accounts and tokens created, and the office's
 * administrative actions (the record beside the cases' own audit trails). One hash chain over all of them, in
 * `sequence` order; append-only: the database refuses UPDATE and DELETE, and rows are only ever written by
 * `appendAccountEvent` (account-event-chain.ts).
 */
@Entity({ tableName: 'account_event', readonly: true })
@Index({ name: 'account_event_account_index', properties: ['accountId', 'occurredAt'] })
@Unique({ name: 'account_event_sequence_unique', properties: ['sequence'] })
export class AccountEventEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 40 })
  type: AccountEventType;

  /** The account the event is about (null when a login named no known account). */
  @Property({ type: 'string', length: 36, nullable: true })
  accountId: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  username: string | null;

  /** Who did it: the account itself, an administrator, or `system`. */
  @Property({ type: 'string', length: 100 })
  actorId: string;

  @Property({ type: 'string', length: 30 })
  actorRole: string;

  @Property({ type: 'json' })
  detail: Record<string, unknown>;

  @Property({ type: 'string', length: 100, nullable: true })
  ip: string | null;

  @Property({ type: 'datetime' })
  occurredAt: Date;

  /** Position in the one chain of account events, from 1. */
  @Property({ type: 'integer' })
  sequence: number;

  @Property({ type: 'string', length: 64 })
  prevHash: string;

  @Property({ type: 'string', length: 64 })
  hash: string;

  constructor(input: Omit<AccountEventEntity, never>) {
    this.id = input.id;
    this.type = input.type;
    this.accountId = input.accountId;
    this.username = input.username;
    this.actorId = input.actorId;
    this.actorRole = input.actorRole;
    this.detail = input.detail;
    this.ip = input.ip;
    this.occurredAt = input.occurredAt;
    this.sequence = input.sequence;
    this.prevHash = input.prevHash;
    this.hash = input.hash;
  }
}
