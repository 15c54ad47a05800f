import type { CaseEventBody, DeadlineDuration, DeadlineKind, Reminder, ReminderPolicy } from '#domain/for-workflows';

/**
 * 期限与提醒的计算 / Working out due dates and reminders. They depend on the working-day calendar, whose data
 * changes from one release to the next (each year's holidays are published in late autumn), so the case workflow
 * asks the worker for them as local activities: the answers are kept in the workflow's history and replay
 * unchanged whatever calendar the replaying worker carries.
 */
export interface DeadlineActivities {
  /** The due date of a stage entered on `enteredOn`: a DeadlineSet event, or DeadlinePending beyond the calendar. */
  planDeadline(input: PlanDeadlineInput): Promise<CaseEventBody & { type: 'DeadlineSet' | 'DeadlinePending' }>;
  /** The first reminder of `dueOn` strictly after the instant `after` (ISO), none when none is left. */
  planNextReminder(input: PlanNextReminderInput): Promise<PlannedReminder>;
}

export interface PlanDeadlineInput {
  readonly deadline: DeadlineKind;
  readonly enteredOn: string;
  readonly duration: DeadlineDuration;
}

export interface PlanNextReminderInput {
  readonly dueOn: string;
  readonly policy: ReminderPolicy;
  readonly after: string;
}

/** `beyondCalendar` holds the calendar's explanation when the schedule reaches past the years it covers. */
export type PlannedReminder = { readonly reminder: Reminder | null } | { readonly beyondCalendar: string };
