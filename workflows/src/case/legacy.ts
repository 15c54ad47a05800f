import { log } from '@temporalio/workflow';
import { CalendarOutOfRangeError, calendarCoverage, nextReminder, workingDayOnOrAfter, type Reminder } from '#domain/for-workflows';
import type { CaseReminderSettings } from '#contracts';

/**
 * The last year and day of the calendar bundled with the workflow before patch `due-dates-on-entry`. Cases started
 * then work out their reminders in workflow code; a later day counts as beyond the calendar, as it did when they
 * ran, so that a newer calendar does not add a timer their histories lack.
 */
const PRE_PATCH_CALENDAR_LAST_YEAR = 2026;
const PRE_PATCH_CALENDAR_LAST_DAY = `${String(PRE_PATCH_CALENDAR_LAST_YEAR)}-12-31`;

/** Before patch `due-dates-on-entry`: the next reminder worked out in workflow code with the calendar it had then. */
export function upcomingReminder(dueOn: string, settings: CaseReminderSettings, now: Date): Reminder | null {
  try {
    if (dueOn > PRE_PATCH_CALENDAR_LAST_DAY || workingDayOnOrAfter(dueOn) > PRE_PATCH_CALENDAR_LAST_DAY) {
      throw new CalendarOutOfRangeError(dueOn, calendarCoverage().firstYear, PRE_PATCH_CALENDAR_LAST_YEAR);
    }
    const reminder = nextReminder(dueOn, settings.policy, now);
    if (reminder && reminder.on > PRE_PATCH_CALENDAR_LAST_DAY)
      throw new CalendarOutOfRangeError(reminder.on, calendarCoverage().firstYear, PRE_PATCH_CALENDAR_LAST_YEAR);
    return reminder;
  } catch (error) {
    if (error instanceof CalendarOutOfRangeError) {
      log.warn('no reminders: the due date is beyond the working-day calendar', { dueOn, error: error.message });
      return null;
    }
    throw error;
  }
}
