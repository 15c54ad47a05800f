// 提醒与督办 — when a case's deadline reminds the unit, and when an overdue step is escalated to the program office.
// Pure and deterministic: workflow code calls nextReminder in a loop of durable timers (sleep until sendAt, send,
// ask again with after = that sendAt); extending the deadline or completing the step simply ends the loop or
// restarts it with the new due date. No clock is read: every instant comes in as an argument.
import { shanghaiInstant, type IsoDate } from './calendar/dates.js';
import { addWorkingDays, workingDayOnOrAfter } from './calendar/working-days.js';

/** A campaign's reminder policy (提醒规则). */
export interface ReminderPolicy {
  /** 到期前提醒: working days before the due date, e.g. [7, 1]. */
  readonly beforeDueWorkingDays: readonly number[];
  /** 到期当日提醒. */
  readonly onDueDay: boolean;
  /** 逾期提醒: on the first working day overdue, then every this many working days; 0 = the first one only. */
  readonly overdueEveryWorkingDays: number;
  /** 逾期督办: the program office is told once, this many working days after the due date. */
  readonly escalateAfterWorkingDays: number;
  /** Local time (Asia/Shanghai, 'HH:MM') at which reminders go out, on working days only. */
  readonly sendAt: string;
}

/**
 * Defaults: a week's notice (7 working days ≈ a week and a half) and the day before; the due day itself; then every
 * working day while overdue (a missed step in a discipline-inspection campaign should not go quiet); the program
 * office after 3 working days overdue; at the start of the office day, 09:00 Beijing time.
 */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  beforeDueWorkingDays: [7, 1],
  onDueDay: true,
  overdueEveryWorkingDays: 1,
  escalateAfterWorkingDays: 3,
  sendAt: '09:00',
};

/** Kinds in the order they come: 到期前提醒, 到期提醒, 逾期提醒, 逾期督办. */
export const REMINDER_KINDS = ['before_due', 'due_today', 'overdue', 'escalation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface Reminder {
  readonly kind: ReminderKind;
  /** The Asia/Shanghai working day it goes out on. */
  readonly on: IsoDate;
  /** ISO UTC instant: `policy.sendAt` Asia/Shanghai on `on` (09:00 is 01:00Z). */
  readonly sendAt: string;
  /** Negative before the due date, 0 on it, positive overdue (counted from the due date's working day). */
  readonly workingDaysFromDue: number;
  /** `${dueOn}:${kind}:${workingDaysFromDue}`: stable for a due date; prefix the case and deadline for a dedupe key. */
  readonly key: string;
}

/**
 * The whole schedule of one due date, in time order, at most one reminder per working day. A due date on a
 * non-working day counts as due on the next working day. On the escalation day the escalation takes the place of that
 * day's overdue reminder (it goes to the program office and to the unit), so no two reminders share an instant and
 * "the first strictly after" never skips one. With overdue repeats the schedule is endless; it ends at the
 * calendar's last covered year with CalendarOutOfRangeError.
 */
export function* reminderSchedule(dueOn: IsoDate, policy: ReminderPolicy): Generator<Reminder, void, undefined> {
  const due = workingDayOnOrAfter(dueOn);
  const reminder = (kind: ReminderKind, on: IsoDate, workingDaysFromDue: number): Reminder => ({
    kind,
    on,
    sendAt: shanghaiInstant(on, policy.sendAt).toISOString(),
    workingDaysFromDue,
    key: `${dueOn}:${kind}:${workingDaysFromDue}`,
  });
  const offsets = [...new Set(policy.beforeDueWorkingDays)].filter((days) => days > 0).sort((a, b) => b - a);
  for (const days of offsets) yield reminder('before_due', addWorkingDays(due, -days), -days);
  if (policy.onDueDay) yield reminder('due_today', due, 0);
  const every = policy.overdueEveryWorkingDays;
  const last = every > 0 ? Number.POSITIVE_INFINITY : Math.max(1, policy.escalateAfterWorkingDays);
  let day = due;
  for (let overdue = 1; overdue <= last; overdue += 1) {
    day = addWorkingDays(day, 1);
    if (overdue === policy.escalateAfterWorkingDays) yield reminder('escalation', day, overdue);
    else if (overdue === 1 || (every > 0 && (overdue - 1) % every === 0)) yield reminder('overdue', day, overdue);
  }
}

/**
 * The first reminder of a due date strictly after the instant `after`, or null when none is left. Reminders whose
 * time has passed are skipped, never sent late: a case that enters its stage closer to the due date than some
 * before-due offsets gets only the remaining ones (the step that opened the stage already told the unit its due
 * date). For tests on compressed time, the workflow maps instants itself (sleep (sendAt − now) / factor, with
 * `after` = the simulated now); the schedule stays in real calendar time.
 */
export function nextReminder(dueOn: IsoDate, policy: ReminderPolicy, after: Date): Reminder | null {
  const afterMs = instantMs(after);
  for (const reminder of reminderSchedule(dueOn, policy)) if (Date.parse(reminder.sendAt) > afterMs) return reminder;
  return null;
}

/** The reminders of a due date sent in (from, to]: for previews and tests. */
export function remindersBetween(dueOn: IsoDate, policy: ReminderPolicy, from: Date, to: Date): Reminder[] {
  const [fromMs, toMs] = [instantMs(from), instantMs(to)];
  const found: Reminder[] = [];
  for (const reminder of reminderSchedule(dueOn, policy)) {
    const at = Date.parse(reminder.sendAt);
    if (at > toMs) break;
    if (at > fromMs) found.push(reminder);
  }
  return found;
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('时刻无效 / Invalid instant');
  return ms;
}
