import type { CaseEventBody } from './case-events.js';
import type { CaseState } from './case-state.js';
import { addCalendarDays, type IsoDate } from './calendar/dates.js';
import { addWorkingDays, CalendarOutOfRangeError, workingDayOnOrAfter } from './calendar/working-days.js';
import type { CaseStage, DeadlineKind } from './stages.js';

/** The deadline that governs each stage (a stage without one is never overdue). */
const STAGE_DEADLINE: Partial<Record<CaseStage, DeadlineKind>> = {
  cultivation: 'cultivation',
  self_assessment: 'self_assessment',
  inspection: 'inspection',
  rectification: 'rectification',
};

/** The due date (YYYY-MM-DD) of the case's current stage, if it has one. */
export function currentDueOn(state: CaseState): string | undefined {
  const deadline = currentDeadline(state);
  return deadline && state.deadlines[deadline];
}

export function isOverdue(state: CaseState, today: string): boolean {
  const due = currentDueOn(state);
  return due !== undefined && due < today;
}

/** 自然日 (calendar days) or 工作日 (working days, per the Chinese working-day calendar). */
export const DURATION_UNITS = ['calendar', 'working'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** How long a stage may take: its deadline is this many days after the case entered the stage. */
export interface DeadlineDuration {
  readonly days: number;
  readonly unit: DurationUnit;
}

export type StageDurations = Readonly<Record<DeadlineKind, DeadlineDuration>>;

/**
 * Defaults: cultivation is a season of work (creation plan, monthly progress reports), counted in calendar days like
 * the campaign's own plan; the later stages are office work with the program office and are counted in working
 * days, so that the Spring Festival or National Day week does not eat into them.
 */
export const DEFAULT_STAGE_DURATIONS: StageDurations = {
  cultivation: { days: 120, unit: 'calendar' },
  self_assessment: { days: 15, unit: 'working' },
  inspection: { days: 20, unit: 'working' },
  rectification: { days: 20, unit: 'working' },
};

/**
 * The stage durations of stored settings, completed with the defaults. Campaigns stored before working days existed
 * hold `stageDurationDays` (plain calendar days per kind); they are read as calendar durations.
 */
export function normaliseStageDurations(stored: {
  readonly stageDurations?: Readonly<Partial<Record<DeadlineKind, DeadlineDuration>>>;
  readonly stageDurationDays?: Readonly<Partial<Record<DeadlineKind, number>>>;
}): StageDurations {
  const legacy = Object.fromEntries(Object.entries(stored.stageDurationDays ?? {}).map(([kind, days]) => [kind, { days, unit: 'calendar' }]));
  return { ...DEFAULT_STAGE_DURATIONS, ...legacy, ...stored.stageDurations };
}

/**
 * 期限: the due date of a deadline for a case that entered its stage on `enteredOn`. Working days count from the day
 * after entry (addWorkingDays); a calendar-day due date that falls on a non-working day moves to the next working
 * day, so every due date is a working day. Throws CalendarOutOfRangeError beyond the calendar's years.
 */
export function dueOnFor(kind: DeadlineKind, enteredOn: IsoDate, settings: { readonly stageDurations: StageDurations }): IsoDate {
  return dueAfter(enteredOn, settings.stageDurations[kind]);
}

function dueAfter(enteredOn: IsoDate, { days, unit }: DeadlineDuration): IsoDate {
  return unit === 'working' ? addWorkingDays(enteredOn, days) : workingDayOnOrAfter(addCalendarDays(enteredOn, days));
}

/** The deadline a step opened: the one of the stage it entered, if the stage changed and the new one has a deadline. */
export function deadlineOpenedBy(before: CaseState, after: CaseState): DeadlineKind | undefined {
  return before.stage === after.stage ? undefined : STAGE_DEADLINE[after.stage];
}

/**
 * 设定期限: the event that gives a stage entered on `enteredOn` its due date, or, when the date lies beyond the
 * working-day calendar, the event that leaves it pending (期限待定) with the calendar's own explanation.
 */
export function deadlineOnEntry(
  deadline: DeadlineKind,
  enteredOn: IsoDate,
  duration: DeadlineDuration,
): CaseEventBody & { type: 'DeadlineSet' | 'DeadlinePending' } {
  try {
    return { type: 'DeadlineSet', payload: { deadline, enteredOn, duration, dueOn: dueAfter(enteredOn, duration) } };
  } catch (error) {
    if (!(error instanceof CalendarOutOfRangeError)) throw error;
    return { type: 'DeadlinePending', payload: { deadline, enteredOn, duration, reason: error.message } };
  }
}

/** The deadline that governs the case's current stage, if any. */
export function currentDeadline(state: CaseState): DeadlineKind | undefined {
  return STAGE_DEADLINE[state.stage];
}
