import { describe, expect, it } from '@jest/globals';
import { CalendarOutOfRangeError, calendarCoverage } from './calendar/working-days.js';
import { DEFAULT_REMINDER_POLICY, nextReminder, remindersBetween, type Reminder } from './reminders.js';

const at = (iso: string): Date => new Date(iso);
const brief = (reminders: readonly (Reminder | null)[]) => reminders.map((r) => r && `${r.kind} ${r.on} ${r.sendAt.slice(11, 16)}Z ${r.workingDaysFromDue}`);

describe(remindersBetween.name, () => {
  it('with the default policy: 7 and 1 working days before, the due day, daily while overdue, escalation on the third working day overdue', () => {
    // Due Friday 2025-10-10, just after the National Day holiday (Oct 1–8 off; Sunday Sep 28 and Saturday Oct 11 worked).
    expect(brief(remindersBetween('2025-10-10', DEFAULT_REMINDER_POLICY, at('2025-09-01T00:00:00Z'), at('2025-10-16T01:00:00Z')))).toEqual([
      'before_due 2025-09-24 01:00Z -7',
      'before_due 2025-10-09 01:00Z -1',
      'due_today 2025-10-10 01:00Z 0',
      'overdue 2025-10-11 01:00Z 1',
      'overdue 2025-10-13 01:00Z 2',
      'escalation 2025-10-14 01:00Z 3',
      'overdue 2025-10-15 01:00Z 4',
      'overdue 2025-10-16 01:00Z 5',
    ]);
  });

  it('repeats overdue reminders every N working days, and only once with 0; escalation happens once', () => {
    const everyTwo = { ...DEFAULT_REMINDER_POLICY, beforeDueWorkingDays: [], onDueDay: false, overdueEveryWorkingDays: 2, escalateAfterWorkingDays: 4 };
    expect(brief(remindersBetween('2024-03-01', everyTwo, at('2024-01-01T00:00:00Z'), at('2024-03-12T01:00:00Z')))).toEqual([
      'overdue 2024-03-04 01:00Z 1',
      'overdue 2024-03-06 01:00Z 3',
      'escalation 2024-03-07 01:00Z 4',
      'overdue 2024-03-08 01:00Z 5',
      'overdue 2024-03-12 01:00Z 7',
    ]);
    const once = { ...everyTwo, overdueEveryWorkingDays: 0 };
    expect(brief(remindersBetween('2024-03-01', once, at('2024-01-01T00:00:00Z'), at('2024-12-31T00:00:00Z')))).toEqual([
      'overdue 2024-03-04 01:00Z 1',
      'escalation 2024-03-07 01:00Z 4',
    ]);
  });
});

describe(nextReminder.name, () => {
  it('returns the first reminder strictly after the instant, so a loop that sends at sendAt and asks again moves on', () => {
    const first = nextReminder('2025-10-10', DEFAULT_REMINDER_POLICY, at('2025-09-01T00:00:00Z'));
    expect(first).toEqual({
      kind: 'before_due',
      on: '2025-09-24',
      sendAt: '2025-09-24T01:00:00.000Z',
      workingDaysFromDue: -7,
      key: '2025-10-10:before_due:-7',
    });
    const sent: (Reminder | null)[] = [first];
    for (let i = 0; i < 4; i += 1) sent.push(nextReminder('2025-10-10', DEFAULT_REMINDER_POLICY, at(sent.at(-1)?.sendAt ?? '')));
    expect(sent.map((r) => r?.key)).toEqual([
      '2025-10-10:before_due:-7',
      '2025-10-10:before_due:-1',
      '2025-10-10:due_today:0',
      '2025-10-10:overdue:1',
      '2025-10-10:overdue:2',
    ]);
  });

  it('skips what has passed instead of sending it late: a case entering the stage close to its due date gets the remaining reminders', () => {
    // Entered during the holiday, 1 working day before the due date: the 7-day reminder is gone, the 1-day one is next.
    expect(brief([nextReminder('2025-10-10', DEFAULT_REMINDER_POLICY, at('2025-10-03T06:00:00Z'))])).toEqual(['before_due 2025-10-09 01:00Z -1']);
    // Entered at 10:00 Beijing time on the due day: that day's 09:00 has passed, the next is the first overdue one.
    expect(brief([nextReminder('2025-10-10', DEFAULT_REMINDER_POLICY, at('2025-10-10T02:00:00Z'))])).toEqual(['overdue 2025-10-11 01:00Z 1']);
  });

  it('treats a due date on a non-working day as due on the next working day, keeping the recorded date in the key', () => {
    const due = nextReminder('2025-10-04', { ...DEFAULT_REMINDER_POLICY, beforeDueWorkingDays: [] }, at('2025-09-30T00:00:00Z'));
    expect(due).toMatchObject({ kind: 'due_today', on: '2025-10-09', key: '2025-10-04:due_today:0' });
  });

  it('sends at the policy time of day, Asia/Shanghai', () => {
    expect(nextReminder('2024-02-19', { ...DEFAULT_REMINDER_POLICY, sendAt: '08:30' }, at('2024-02-18T02:00:00Z'))?.sendAt).toBe('2024-02-19T00:30:00.000Z');
  });

  it('returns null when the schedule is over, and fails with CalendarOutOfRangeError when it runs past the calendar', () => {
    const finite = { ...DEFAULT_REMINDER_POLICY, overdueEveryWorkingDays: 0 };
    expect(nextReminder('2024-03-01', finite, at('2024-03-07T01:00:00Z'))).toBeNull();
    const { lastYear } = calendarCoverage();
    expect(() => nextReminder('2024-03-01', finite, at('not a time'))).toThrow(RangeError);
    expect(() => nextReminder(`${lastYear}-12-28`, DEFAULT_REMINDER_POLICY, at(`${lastYear}-12-31T12:00:00Z`))).toThrow(CalendarOutOfRangeError);
  });
});
