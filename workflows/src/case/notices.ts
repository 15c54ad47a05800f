import { ActivityFailure, ApplicationFailure, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { CaseEventBody, CaseState, DeadlineKind, Reminder, ReminderKind, ReminderRecord, UrgeDecision } from '#domain/for-workflows';
import type { CaseWorkflowInput, DeliveryReport, NotificationActivities, NotificationKind, ProgressReportCall } from '#contracts';

// A reminder's delivery retries for about a minute and a half, holding the case's lock; then its failure is recorded.
const { deliverNotification } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

type DeliveryRecord = ReminderRecord['deliveries'][number];
type CaseIdentity = Pick<CaseWorkflowInput, 'caseId' | 'unitId' | 'unitName'>;

const REMINDER_NOTIFICATIONS: Readonly<Record<ReminderKind, NotificationKind>> = {
  before_due: 'reminder_before_due',
  due_today: 'reminder_due_today',
  overdue: 'reminder_overdue',
  escalation: 'escalation',
};

/** 期限提醒: delivers a reminder of the due date; the event that records it (sent, or failed once retries are spent). */
export async function remind(target: CaseIdentity, state: CaseState, reminder: Reminder, deadline: DeadlineKind, dueOn: string): Promise<CaseEventBody> {
  const record = { reminderKey: reminder.key, kind: reminder.kind, deadline, dueOn };
  const outcome = await deliver({
    dedupeKey: `reminder:${target.caseId}:${deadline}:${reminder.key}`,
    kind: REMINDER_NOTIFICATIONS[reminder.kind],
    caseId: target.caseId,
    // 逾期督办 goes to the program office as well as the unit.
    recipients: reminder.kind === 'escalation' ? { unitId: target.unitId, role: 'administrator' } : { unitId: target.unitId },
    data: {
      unitName: target.unitName,
      stage: state.stage,
      dueOn,
      daysLeft: Math.max(0, -reminder.workingDaysFromDue),
      daysOverdue: Math.max(0, reminder.workingDaysFromDue),
      caseId: target.caseId,
    },
  });
  return outcome.error === undefined
    ? { type: 'ReminderSent', payload: { ...record, deliveries: outcome.deliveries } }
    : { type: 'ReminderFailed', payload: { ...record, deliveries: outcome.deliveries, error: outcome.error } };
}

/** 每月进度报告提醒: the event recording the call, or null when there is nothing to record (not in cultivation, called already). */
export async function callForProgressReport(target: CaseIdentity, state: CaseState, { month, dueOn }: ProgressReportCall): Promise<CaseEventBody | null> {
  if (state.stage !== 'cultivation') return null;
  const outcome = await deliver({
    dedupeKey: `progress_report_call:${month}:${target.caseId}`,
    kind: 'progress_report_call',
    caseId: target.caseId,
    recipients: { unitId: target.unitId },
    data: { unitName: target.unitName, dueOn, caseId: target.caseId },
  });
  if (outcome.error !== undefined) return { type: 'ProgressReportCallFailed', payload: { month, dueOn, deliveries: outcome.deliveries, error: outcome.error } };
  // Called already this month (a repeated run): the dedupe skipped it wherever it had gone out.
  const outcomes = outcome.deliveries.map((delivery) => delivery.outcome);
  if (outcomes.includes('skipped_duplicate') && !outcomes.some((kind) => kind === 'sent' || kind === 'failed')) return null;
  return { type: 'ProgressReportCalled', payload: { month, dueOn, deliveries: outcome.deliveries } };
}

/**
 * 催办: delivers the office's urge to the unit's contacts (and its group chat), under a key unique to this urge; the
 * event recording it, with the outcome per channel (and the error, when an outside channel kept failing).
 */
export async function urge(target: CaseIdentity, state: CaseState, decision: UrgeDecision, urgeKey: string): Promise<CaseEventBody> {
  const outcome = await deliver({
    dedupeKey: `urge:${target.caseId}:${urgeKey}`,
    kind: 'urge',
    caseId: target.caseId,
    recipients: { unitId: target.unitId },
    data: { unitName: target.unitName, stage: state.stage, task: decision.task, dueOn: decision.dueOn, message: decision.message, caseId: target.caseId },
  });
  return {
    type: 'UrgeSent',
    payload: { urgeKey, ...decision, deliveries: outcome.deliveries, ...(outcome.error === undefined ? {} : { error: outcome.error }) },
  };
}

/** Delivers a notice; what the audit trail keeps of it: per-channel outcomes, and the error once retries are spent. */
async function deliver(notice: Parameters<NotificationActivities['deliverNotification']>[0]): Promise<{ deliveries: DeliveryRecord[]; error?: string }> {
  const kept = (report: DeliveryReport | undefined): DeliveryRecord[] =>
    (report?.deliveries ?? []).map(({ channel, recipient, outcome }) => ({ channel, recipient, outcome }));
  try {
    return { deliveries: kept(await deliverNotification(notice)) };
  } catch (error) {
    if (isCancellation(error)) throw error;
    const attempt =
      error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? (error.cause.details?.[0] as DeliveryReport | undefined) : undefined;
    return { deliveries: kept(attempt), error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
  }
}
