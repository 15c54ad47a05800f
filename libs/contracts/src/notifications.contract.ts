/**
 * 通知 / Notifications: what the case workflow and the reminder schedules ask the worker to deliver. Workflow
 * code imports this file: it holds types only (no Node built-ins, no runtime imports).
 */

/** What a notification is about; each kind has one zh-CN (with English) template in the worker. */
export type NotificationKind =
  | 'reminder_before_due'
  | 'reminder_due_today'
  | 'reminder_overdue'
  | 'escalation'
  | 'weekly_digest'
  | 'progress_report_call'
  /** 催办: an administrator asks the unit to take the step it owes, now. */
  | 'urge';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'reminder_before_due',
  'reminder_due_today',
  'reminder_overdue',
  'escalation',
  'weekly_digest',
  'progress_report_call',
  'urge',
];

/** Who receives a notification; the union of what is named (each account once). */
export interface NotificationRecipients {
  /** Accounts by id (inactive ones are skipped). */
  readonly accountIds?: readonly string[];
  /** All active unit-contact accounts (示范点联络人) of the unit; also posts to the unit's own group chat when it has one. */
  readonly unitId?: string;
  /** 'administrator': the program office (市纪委), all active administrators; also posts to the office's group-chat webhook. */
  readonly role?: 'administrator';
}

/** Template variables: unitName, stage, dueOn, daysOverdue, caseId, counts … */
export type NotificationData = Readonly<Record<string, string | number | null>>;

export interface DeliverNotificationInput {
  /**
   * Identifies this notification across activity retries and repeated schedule runs: the same key never
   * delivers twice on any channel to any recipient. Derive it from what the notification is about, e.g.
   * `reminder_overdue:<caseId>:<stage>:<dueOn>:<day>` or `weekly_digest:<ISO week>`.
   */
  readonly dedupeKey: string;
  readonly kind: NotificationKind;
  readonly caseId: string | null;
  readonly recipients: NotificationRecipients;
  readonly data: NotificationData;
}

export type NotificationChannel = 'inbox' | 'email' | 'webhook';

export type DeliveryOutcome = 'sent' | 'skipped_duplicate' | 'skipped_preference' | 'skipped_disabled' | 'failed';

export interface Delivery {
  readonly channel: NotificationChannel;
  /** Account id (inbox, email), or for the group-chat webhook 'program-office' (the office's chat) or 'unit-chat:<unitId>' (a unit's own). */
  readonly recipient: string;
  readonly outcome: DeliveryOutcome;
  /** Why it was skipped or failed; never personal data beyond the account id. */
  readonly detail?: string;
}

/** One line per channel and recipient; small and serialisable, so the workflow can append it as a case event. */
export interface DeliveryReport {
  readonly dedupeKey: string;
  readonly deliveries: readonly Delivery[];
}

/**
 * The ApplicationFailure type the activity throws when a send failed for now (retryable). Its first detail is the
 * DeliveryReport of that attempt, so once the retries are exhausted the workflow can record the final failure.
 */
export const NOTIFICATION_DELIVERY_FAILED = 'NotificationDeliveryFailed';

/** The notification activity; implemented by a Nest provider in the worker. */
export interface NotificationActivities {
  /**
   * Delivers on every channel the recipients' preferences allow. Idempotent per dedupe key. Throws a
   * retryable error when a send failed transiently (Temporal retries with backoff); a permanent failure
   * (4xx, refused address) is reported as 'failed' without a retry.
   */
  deliverNotification(input: DeliverNotificationInput): Promise<DeliveryReport>;
}
