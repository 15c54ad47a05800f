import { describe, expect, it } from '@jest/globals';
import * as workflowEntry from './for-workflows.js';

describe('#domain/for-workflows (the entry workflow code imports)', () => {
  it('exports the calendar, due dates and the reminder schedule for the deadline timers, and not the settings validation', () => {
    const exported = Object.keys(workflowEntry);
    expect(exported).toEqual(
      expect.arrayContaining([
        'isWorkingDay',
        'addWorkingDays',
        'workingDaysBetween',
        'calendarCoverage',
        'CalendarOutOfRangeError',
        'dueOnFor',
        'nextReminder',
        'remindersBetween',
        'DEFAULT_REMINDER_POLICY',
        'DEFAULT_STAGE_DURATIONS',
      ]),
    );
    expect(exported).not.toContain('campaignSettings');
    expect(exported).not.toContain('normaliseCampaignSettings');
  });
});
