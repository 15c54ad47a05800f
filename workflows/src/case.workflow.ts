import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  isCancellation,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { Mutex } from 'async-mutex';
import {
  CalendarOutOfRangeError,
  calendarCoverage,
  CaseRuleViolation,
  currentDeadline,
  currentDueOn,
  decideAnnualReview,
  decideAssignAssessors,
  decideDeclareConflict,
  decideDeclareReady,
  decideExtendDeadline,
  decideInspectionScores,
  decideJinhuaDecision,
  decideProgressReport,
  decideRecommend,
  decideRectification,
  decideReviewPlan,
  decideRevoke,
  decideSelfAssessment,
  decideSubmitPlan,
  deadlineOpenedBy,
  decideWithdraw,
  evolveCase,
  FINAL_STAGES,
  initialCaseState,
  nextReminder,
  shanghaiDate,
  workingDayOnOrAfter,
  SYSTEM_ACTOR,
  type Actor,
  type CaseEventBody,
  type ReminderRecord,
  type DeadlineBasis,
  type DeadlineKind,
  type Reminder,
  type ReminderKind,
  type CaseRulesContext,
  type CaseState,
  type Decision,
} from '#domain/case';
import {
  CASE_RULE_VIOLATION,
  caseStateQuery,
  CaseSearchAttributes,
  caseSteps,
  enrollmentRecordedUpdate,
  progressReportCallSignal,
  type ProgressReportCall,
  type CaseActivities,
  type CaseReminderSettings,
  type DeadlineActivities,
  type DeliveryReport,
  type NotificationActivities,
  type NotificationKind,
  type CaseRuleViolationDetails,
  type CaseWorkflowInput,
} from '#contracts';
import type { CaseWorkflowPatch } from './patches.js';

const APPEND_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
} as const;
const taskQueueAppend = proxyActivities<CaseActivities>(APPEND_OPTIONS);
const localAppend = proxyLocalActivities<CaseActivities>(APPEND_OPTIONS);

// A reminder's delivery retries for about a minute and a half, holding the case's lock; then its failure is recorded.
const { deliverNotification } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

// Due dates and reminder times come from the working-day calendar, whose data changes between releases: they are
// worked out in the worker and kept in the history (see DeadlineActivities).
const planning = proxyLocalActivities<DeadlineActivities>({ startToCloseTimeout: '10 seconds', retry: { maximumInterval: '10 seconds' } });

type DeliveryRecord = ReminderRecord['deliveries'][number];

const REMINDER_NOTIFICATIONS: Readonly<Record<ReminderKind, NotificationKind>> = {
  before_due: 'reminder_before_due',
  due_today: 'reminder_due_today',
  overdue: 'reminder_overdue',
  escalation: 'escalation',
};

/**
 * The last year and day of the calendar bundled with the workflow before patch `due-dates-on-entry`. Cases started then work
 * out their reminders in workflow code; a later day counts as beyond the calendar, as it did when they ran, so that a
 * newer calendar does not add a timer their histories lack.
 */
const PRE_PATCH_CALENDAR_LAST_YEAR = 2026;
const PRE_PATCH_CALENDAR_LAST_DAY = `${String(PRE_PATCH_CALENDAR_LAST_YEAR)}-12-31`;

/** Before patch `due-dates-on-entry`: the next reminder worked out in workflow code with the calendar it had then. */
function upcomingReminder(dueOn: string, settings: CaseReminderSettings, now: Date): Reminder | null {
  try {
    if (dueOn > PRE_PATCH_CALENDAR_LAST_DAY || workingDayOnOrAfter(dueOn) > PRE_PATCH_CALENDAR_LAST_DAY) {
      throw new CalendarOutOfRangeError(dueOn, calendarCoverage().firstYear, PRE_PATCH_CALENDAR_LAST_YEAR);
    }
    const reminder = nextReminder(dueOn, settings.policy, now);
    if (reminder && reminder.on > PRE_PATCH_CALENDAR_LAST_DAY) throw new CalendarOutOfRangeError(reminder.on, calendarCoverage().firstYear, PRE_PATCH_CALENDAR_LAST_YEAR);
    return reminder;
  } catch (error) {
    if (error instanceof CalendarOutOfRangeError) {
      log.warn('no reminders: the due date is beyond the working-day calendar', { dueOn, error: error.message });
      return null;
    }
    throw error;
  }
}

/** A local append saves the activity task's round trip through the server on every step. */
function appendCaseEvent(input: Parameters<CaseActivities['appendCaseEvent']>[0]): ReturnType<CaseActivities['appendCaseEvent']> {
  const patch: CaseWorkflowPatch = 'append-as-local-activity';
  return (patched(patch) ? localAppend : taskQueueAppend).appendCaseEvent(input);
}

/** 示范点创建案件 — one unit's path through a campaign. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const dueDatesPatch: CaseWorkflowPatch = 'due-dates-on-entry';
  const calendarInActivities = patched(dueDatesPatch);
  let state = input.resumeFrom ?? initialCaseState(input);
  // Steps are recorded one at a time, in the order they were accepted.
  const recording = new Mutex();

  // The case's "now": real time, or the compressed clock of demonstrations and tests.
  const clock = input.reminders?.clock;
  const scale = clock ? 86_400 / clock.secondsPerDay : 1;
  const caseNow = (): Date => (clock ? new Date(Date.parse(clock.simulatedAnchor) + (Date.now() - Date.parse(clock.realAnchor)) * scale) : new Date());
  const caseDayMs = 86_400_000 / scale;

  function record(actor: Actor, decide: (current: CaseState) => Decision, reason: string | null): Promise<CaseState> {
    // The validator checked against the state at acceptance; decide again now that earlier steps are recorded.
    return recording.runExclusive(() => appendEvents(actor, asFailure(() => decide(state)), reason));
  }

  /** Appends events in order and follows them with the search attributes; only ever called holding `recording`. */
  async function appendEvents(actor: Actor, events: Decision, reason: string | null): Promise<CaseState> {
    const before = state;
    const previousDueOn = currentDueOn(state);
    for (const event of events) await appendEvent(actor, event, reason);
    // 设定期限: a stage entered gets its due date with the step that entered it.
    const opened = calendarInActivities ? deadlineOpenedBy(before, state) : undefined;
    if (opened && input.stageDurations) {
      const entry = { deadline: opened, enteredOn: shanghaiDate(caseNow()), duration: input.stageDurations[opened] };
      await appendEvent(SYSTEM_ACTOR, await planning.planDeadline(entry), null);
    }
    if (state.stage !== before.stage) {
      upsertSearchAttributes([{ key: CaseSearchAttributes.stage, value: state.stage }]);
    }
    const dueOn = currentDueOn(state);
    if (dueOn !== previousDueOn) {
      // Search attributes carry the due date of the current stage only (no personal data).
      upsertSearchAttributes([{ key: CaseSearchAttributes.nextDueAt, value: dueOn === undefined ? null : new Date(`${dueOn}T00:00:00+08:00`) }]);
    }
    return state;
  }

  async function appendEvent(actor: Actor, event: CaseEventBody, reason: string | null): Promise<void> {
    await appendCaseEvent({
      eventId: uuid4(),
      caseId: input.caseId,
      sequence: state.lastSequence + 1,
      event,
      // An inspection's conclusion is the rules' decision, not the last assessor's.
      actor: event.type === 'InspectionConcluded' ? SYSTEM_ACTOR : actor,
      reason,
      occurredAt: new Date().toISOString(),
      frameworkVersion: input.framework?.version ?? null,
    });
    state = evolveCase(state, event);
  }

  /** One human step: the validator refuses an illegal step before anything is written; the handler records it. */
  function step<C extends { readonly actor: Actor }>(update: UpdateDefinition<CaseState, [C]>, decide: (current: CaseState, command: C) => Decision): void {
    setHandler(update, (command) => record(command.actor, (current) => decide(current, command), reasonOf(command)), {
      validator: (command: C) => {
        asFailure(() => decide(state, command));
      },
    });
  }

  function rules(): CaseRulesContext {
    if (!input.framework || !input.thresholds) {
      throw new CaseRuleViolation('NO_FRAMEWORK', '该案件没有指标体系，无法评分', 'This case has no indicator framework to score against');
    }
    return { framework: input.framework, thresholds: input.thresholds };
  }

  setHandler(caseStateQuery, () => state);
  setHandler(enrollmentRecordedUpdate, async () => {
    // Since due dates are set on entry, the enrollment is recorded once its cultivation due date is too.
    await condition(() => state.lastSequence >= 1 && !(calendarInActivities && recording.isLocked()));
    return state;
  });
  step(caseSteps.submitPlan, decideSubmitPlan);
  step(caseSteps.reviewPlan, decideReviewPlan);
  step(caseSteps.submitProgressReport, decideProgressReport);
  step(caseSteps.declareReady, (current, command) => decideDeclareReady(current, command.actor));
  step(caseSteps.submitSelfAssessment, (current, command) => decideSelfAssessment(current, command, rules()));
  step(caseSteps.assignAssessors, decideAssignAssessors);
  step(caseSteps.declareConflict, decideDeclareConflict);
  step(caseSteps.submitInspectionScores, (current, command) => decideInspectionScores(current, command, rules()));
  step(caseSteps.submitRectification, decideRectification);
  step(caseSteps.recommend, decideRecommend);
  step(caseSteps.recordJinhuaDecision, decideJinhuaDecision);
  step(caseSteps.recordAnnualReview, decideAnnualReview);
  step(caseSteps.revoke, decideRevoke);
  step(caseSteps.withdraw, decideWithdraw);
  step(caseSteps.extendDeadline, decideExtendDeadline);

  /**
   * 期限提醒: sleeps until the next reminder of the current stage's due date. A step that moves the stage, an
   * extension or the end of the case wakes it and the schedule is worked out again; a reminder whose moment comes
   * is sent holding the same lock as the steps, after checking once more that nothing moved, so none goes out for
   * a step already done. Each delivery, or its final failure, is recorded in the case's audit trail.
   */
  async function remindUntilDone(settings: CaseReminderSettings, finished: () => boolean): Promise<void> {
    // Reminders are taken in order from a cursor: from the moment the stage or its due date last changed (earlier ones
    // are skipped: the step told the unit its due date), then from each reminder handled. One whose moment passed while
    // no worker ran goes out late rather than never.
    let cursor: { stage: string; dueOn: string; after: string } | undefined;
    while (!(finished() || workflowInfo().continueAsNewSuggested)) {
      const stage = state.stage;
      const deadline = currentDeadline(state);
      const dueOn = currentDueOn(state);
      const moved = (): boolean => finished() || workflowInfo().continueAsNewSuggested || state.stage !== stage || currentDueOn(state) !== dueOn;
      if (!calendarInActivities) {
        const reminder = deadline && dueOn ? upcomingReminder(dueOn, settings, caseNow()) : null;
        if (!deadline || !dueOn || !reminder) await condition(moved);
        else await remindWhenDue(reminder, deadline, dueOn, moved);
        continue;
      }
      const pending = state.pendingDeadline;
      if (deadline && !dueOn && pending?.deadline === deadline) {
        // 期限待定: asked again every day, so a worker carrying a newer calendar sets it.
        if (!(await condition(moved, caseDayMs))) await setPendingDueDate(pending, moved);
        continue;
      }
      if (!deadline || !dueOn) {
        await condition(moved);
        continue;
      }
      if (cursor?.stage !== stage || cursor.dueOn !== dueOn) cursor = { stage, dueOn, after: caseNow().toISOString() };
      const planned = await planning.planNextReminder({ dueOn, policy: settings.policy, after: cursor.after });
      if ('beyondCalendar' in planned) {
        log.warn('reminders wait for the working-day calendar', { dueOn, reason: planned.beyondCalendar });
        await condition(moved, caseDayMs);
      } else if (planned.reminder) {
        await remindWhenDue(planned.reminder, deadline, dueOn, moved);
        cursor = { stage, dueOn, after: planned.reminder.sendAt };
      } else {
        await condition(moved);
      }
    }
  }

  async function setPendingDueDate(pending: DeadlineBasis, moved: () => boolean): Promise<void> {
    await recording.runExclusive(async () => {
      if (moved()) return;
      const event = await planning.planDeadline(pending);
      if (event.type === 'DeadlineSet') await appendEvents(SYSTEM_ACTOR, [event], null);
    });
  }

  /** Sleeps until the reminder's moment, then sends it unless the stage or its due date moved meanwhile. */
  async function remindWhenDue(reminder: Reminder, deadline: DeadlineKind, dueOn: string, moved: () => boolean): Promise<void> {
    const realDelayMs = Math.max(1, (Date.parse(reminder.sendAt) - caseNow().getTime()) / scale);
    if (await condition(moved, realDelayMs)) return;
    await recording.runExclusive(async () => {
      if (moved()) return;
      await appendEvents(SYSTEM_ACTOR, [await remind(reminder, deadline, dueOn)], null);
    });
  }

  async function remind(reminder: Reminder, deadline: DeadlineKind, dueOn: string): Promise<CaseEventBody> {
    const record = { reminderKey: reminder.key, kind: reminder.kind, deadline, dueOn };
    const outcome = await deliver({
      dedupeKey: `reminder:${input.caseId}:${deadline}:${reminder.key}`,
      kind: REMINDER_NOTIFICATIONS[reminder.kind],
      caseId: input.caseId,
      // 逾期督办 goes to the program office as well as the unit.
      recipients: reminder.kind === 'escalation' ? { unitId: input.unitId, role: 'administrator' } : { unitId: input.unitId },
      data: {
        unitName: input.unitName,
        stage: state.stage,
        dueOn,
        daysLeft: Math.max(0, -reminder.workingDaysFromDue),
        daysOverdue: Math.max(0, reminder.workingDaysFromDue),
        caseId: input.caseId,
      },
    });
    return outcome.error === undefined
      ? { type: 'ReminderSent', payload: { ...record, deliveries: outcome.deliveries } }
      : { type: 'ReminderFailed', payload: { ...record, deliveries: outcome.deliveries, error: outcome.error } };
  }

  /** 每月进度报告提醒: delivered and recorded holding the steps' lock; a call already delivered this month is not recorded again. */
  async function callForProgressReport({ month, dueOn }: ProgressReportCall): Promise<CaseEventBody | null> {
    if (state.stage !== 'cultivation') return null;
    const outcome = await deliver({
      dedupeKey: `progress_report_call:${month}:${input.caseId}`,
      kind: 'progress_report_call',
      caseId: input.caseId,
      recipients: { unitId: input.unitId },
      data: { unitName: input.unitName, dueOn, caseId: input.caseId },
    });
    if (outcome.error !== undefined) return { type: 'ProgressReportCallFailed', payload: { month, dueOn, deliveries: outcome.deliveries, error: outcome.error } };
    // Called already this month (a repeated run): the dedupe skipped it wherever it had gone out.
    const outcomes = outcome.deliveries.map((delivery) => delivery.outcome);
    if (outcomes.includes('skipped_duplicate') && !outcomes.some((kind) => kind === 'sent' || kind === 'failed')) return null;
    return { type: 'ProgressReportCalled', payload: { month, dueOn, deliveries: outcome.deliveries } };
  }

  /** Delivers a notice; what the audit trail keeps of it: per-channel outcomes, and the error once retries are spent. */
  async function deliver(notice: Parameters<NotificationActivities['deliverNotification']>[0]): Promise<{ deliveries: DeliveryRecord[]; error?: string }> {
    const kept = (report: DeliveryReport | undefined): DeliveryRecord[] => (report?.deliveries ?? []).map(({ channel, recipient, outcome }) => ({ channel, recipient, outcome }));
    try {
      return { deliveries: kept(await deliverNotification(notice)) };
    } catch (error) {
      if (isCancellation(error)) throw error;
      const attempt = error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? (error.cause.details?.[0] as DeliveryReport | undefined) : undefined;
      return { deliveries: kept(attempt), error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
    }
  }

  setHandler(progressReportCallSignal, (call) =>
    recording.runExclusive(async () => {
      const event = await callForProgressReport(call);
      if (event) await appendEvents(SYSTEM_ACTOR, [event], null);
    }),
  );

  if (!input.resumeFrom) {
    await record(
      input.enrolledBy,
      () => [
        {
          type: 'CaseEnrolled',
          payload: { campaignId: input.campaignId, unitId: input.unitId, unitName: input.unitName, category: input.category },
        },
      ],
      null,
    );
  }

  // A case ends with its campaign path (not recommended, not certified, revoked, withdrawn); a certified unit stays
  // under review. A long-lived case continues as a new run when Temporal suggests it, between steps.
  const finished = (): boolean => FINAL_STAGES.includes(state.stage);
  const remindersPatch: CaseWorkflowPatch = 'deadline-reminders';
  if (input.reminders && patched(remindersPatch)) {
    await remindUntilDone(input.reminders, finished);
  }
  await condition(() => (finished() || workflowInfo().continueAsNewSuggested) && allHandlersFinished());
  if (!finished()) {
    await continueAsNew<typeof caseWorkflow>({ ...input, resumeFrom: state });
  }
  return state;
}

function reasonOf(command: object): string | null {
  const reason = 'reason' in command && typeof command.reason === 'string' ? command.reason.trim() : '';
  return reason === '' ? null : reason;
}

/** Runs a domain decision; a rule violation becomes a non-retryable failure the caller can read. */
function asFailure<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof CaseRuleViolation) {
      const details: CaseRuleViolationDetails = { code: error.code, messageZh: error.messageZh, messageEn: error.messageEn };
      throw ApplicationFailure.create({ type: CASE_RULE_VIOLATION, message: error.message, details: [details], nonRetryable: true });
    }
    throw error;
  }
}
