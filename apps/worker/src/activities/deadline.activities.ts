import { Injectable } from '@nestjs/common';
import { CalendarOutOfRangeError, deadlineOnEntry, nextReminder } from '#domain';
import type { DeadlineActivities, PlanDeadlineInput, PlannedReminder, PlanNextReminderInput } from '#contracts';

/** The calendar-dependent answers the case workflow records in its history (see DeadlineActivities). */
@Injectable()
export class DeadlinePlanningActivities implements DeadlineActivities {
  planDeadline({ deadline, enteredOn, duration }: PlanDeadlineInput): ReturnType<DeadlineActivities['planDeadline']> {
    return Promise.resolve(deadlineOnEntry(deadline, enteredOn, duration));
  }

  planNextReminder({ dueOn, policy, after }: PlanNextReminderInput): Promise<PlannedReminder> {
    try {
      return Promise.resolve({ reminder: nextReminder(dueOn, policy, new Date(after)) });
    } catch (error) {
      if (error instanceof CalendarOutOfRangeError) return Promise.resolve({ beyondCalendar: error.message });
      throw error;
    }
  }
}
