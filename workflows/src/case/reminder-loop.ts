import { condition, log, workflowInfo } from '@temporalio/workflow';
import { currentDeadline, currentDueOn, SYSTEM_ACTOR, type DeadlineBasis, type DeadlineKind, type Reminder } from '#domain/for-workflows';
import type { CaseReminderSettings, CaseWorkflowInput } from '#contracts';
import type { CaseClock } from './clock.js';
import { upcomingReminder } from './legacy.js';
import { remind } from './notices.js';
import { planning, type CaseRecorder } from './recorder.js';

/**
 * 期限提醒: sleeps until the next reminder of the current stage's due date. A step that moves the stage, an
 * extension or the end of the case wakes it and the schedule is worked out again; a reminder whose moment comes
 * is sent holding the same lock as the steps, after checking once more that nothing moved, so none goes out for
 * a step already done. Each delivery, or its final failure, is recorded in the case's audit trail.
 */
export async function remindUntilDone(
  input: CaseWorkflowInput,
  recorder: CaseRecorder,
  clock: CaseClock,
  settings: CaseReminderSettings,
  finished: () => boolean,
): Promise<void> {
  // Reminders are taken in order from a cursor: from the moment the stage or its due date last changed (earlier ones
  // are skipped: the step told the unit its due date), then from each reminder handled. One whose moment passed while
  // no worker ran goes out late rather than never.
  let cursor: { stage: string; dueOn: string; after: string } | undefined;
  while (!(finished() || workflowInfo().continueAsNewSuggested)) {
    const stage = recorder.state.stage;
    const deadline = currentDeadline(recorder.state);
    const dueOn = currentDueOn(recorder.state);
    const moved = (): boolean =>
      finished() || workflowInfo().continueAsNewSuggested || recorder.state.stage !== stage || currentDueOn(recorder.state) !== dueOn;
    const remindWhenDue = (reminder: Reminder, on: { deadline: DeadlineKind; dueOn: string }) => sendWhenDue(input, recorder, clock, reminder, on, moved);
    if (!recorder.calendarInActivities) {
      const reminder = deadline && dueOn ? upcomingReminder(dueOn, settings, clock.now()) : null;
      if (!deadline || !dueOn || !reminder) await condition(moved);
      else await remindWhenDue(reminder, { deadline, dueOn });
      continue;
    }
    const pending = recorder.state.pendingDeadline;
    if (deadline && !dueOn && pending?.deadline === deadline) {
      // 期限待定: asked again every day, so a worker carrying a newer calendar sets it.
      if (!(await condition(moved, clock.dayMs))) await setPendingDueDate(recorder, pending, moved);
      continue;
    }
    if (!deadline || !dueOn) {
      await condition(moved);
      continue;
    }
    if (cursor?.stage !== stage || cursor.dueOn !== dueOn) cursor = { stage, dueOn, after: clock.now().toISOString() };
    const planned = await planning.planNextReminder({ dueOn, policy: settings.policy, after: cursor.after });
    if ('beyondCalendar' in planned) {
      log.warn('reminders wait for the working-day calendar', { dueOn, reason: planned.beyondCalendar });
      await condition(moved, clock.dayMs);
    } else if (planned.reminder) {
      await remindWhenDue(planned.reminder, { deadline, dueOn });
      cursor = { stage, dueOn, after: planned.reminder.sendAt };
    } else {
      await condition(moved);
    }
  }
}

async function setPendingDueDate(recorder: CaseRecorder, pending: DeadlineBasis, moved: () => boolean): Promise<void> {
  await recorder.exclusive(async () => {
    if (moved()) return;
    const event = await planning.planDeadline(pending);
    if (event.type === 'DeadlineSet') await recorder.append(SYSTEM_ACTOR, [event], null);
  });
}

/** Sleeps until the reminder's moment, then sends it unless the stage or its due date moved meanwhile. */
async function sendWhenDue(
  input: CaseWorkflowInput,
  recorder: CaseRecorder,
  clock: CaseClock,
  reminder: Reminder,
  { deadline, dueOn }: { deadline: DeadlineKind; dueOn: string },
  moved: () => boolean,
): Promise<void> {
  if (await condition(moved, clock.realDelayUntil(reminder.sendAt))) return;
  await recorder.exclusive(async () => {
    if (moved()) return;
    await recorder.append(SYSTEM_ACTOR, [await remind(input, recorder.state, reminder, deadline, dueOn)], null);
  });
}
