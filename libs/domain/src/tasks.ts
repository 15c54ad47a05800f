// 我的待办 — which step a case waits on and whose it is, and how near its due date is. Pure: the read model stores what
// tasksOf answers for each case (so lists filter on it in SQL), and the api adds the due status for the asker's day.
import { assessorsInScope, type Principal } from './access-policy.js';
import type { IsoDate } from './calendar/dates.js';
import { addCalendarDays } from './calendar/dates.js';
import { addWorkingDays, CalendarOutOfRangeError, workingDayOnOrAfter, workingDaysBetween } from './calendar/working-days.js';
import type { CaseState } from './case-state.js';
import type { BilingualName } from './categories.js';
import { MINIMUM_ASSESSORS } from './indicators/scoring.js';
import { UNIT_TASK_KINDS, unitTaskOf, type UnitTaskKind } from './unit-tasks.js';

export { UNIT_TASK_KINDS, unitTaskOf, type UnitTaskKind } from './unit-tasks.js';

/** The steps someone can owe on a case, by who owes them. */
export const OFFICE_TASK_KINDS = ['review_plan', 'assign_assessors', 'recommend'] as const;
export const TASK_KINDS = [...UNIT_TASK_KINDS, 'score_inspection', 'decide_certification', ...OFFICE_TASK_KINDS] as const;
export type OfficeTaskKind = (typeof OFFICE_TASK_KINDS)[number];
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_TITLES: Readonly<Record<TaskKind, BilingualName>> = {
  submit_plan: { zh: '提交创建方案', en: 'Submit the creation plan' },
  resubmit_plan: { zh: '重新提交创建方案（方案已退回）', en: 'Resubmit the creation plan (it was returned)' },
  submit_progress_report: { zh: '提交进度报告', en: 'File a progress report' },
  submit_self_assessment: { zh: '提交自评', en: 'Submit the self-assessment' },
  submit_rectification: { zh: '提交整改报告', en: 'Report the rectification' },
  score_inspection: { zh: '提交检查评分', en: 'Score the inspection' },
  decide_certification: { zh: '录入金华市级认定结果', en: 'Record the Jinhua decision' },
  review_plan: { zh: '审核创建方案', en: 'Review the creation plan' },
  assign_assessors: { zh: '指派检查组成员', en: 'Assign assessors' },
  recommend: { zh: '推荐至金华', en: 'Recommend to Jinhua' },
};

/** Who owes which step of a case now; a case may wait on several people at once (the unit and the office). */
export interface CaseTasks {
  /** The step the unit's contacts owe. */
  readonly unit: UnitTaskKind | null;
  /** The step the program office (administrators) owes. */
  readonly office: OfficeTaskKind | null;
  /** The step Jinhua's reviewers owe. */
  readonly jinhua: 'decide_certification' | null;
  /** Assessors who owe their scores for the current inspection round. */
  readonly assessors: readonly string[];
}

/**
 * The office assigns assessors while the unit assesses itself or is being inspected and fewer than the minimum
 * can inspect it (assigned, no conflict); until then no assessor may score.
 */
function officeTask(state: CaseState): OfficeTaskKind | null {
  if (state.stage === 'cultivation' && state.planStatus === 'submitted') return 'review_plan';
  if ((state.stage === 'self_assessment' || state.stage === 'inspection') && assessorsInScope(state).length < MINIMUM_ASSESSORS) return 'assign_assessors';
  if (state.stage === 'passed') return 'recommend';
  return null;
}

/** Assessors in scope who have not scored the open round, once enough are assigned for anyone to score. */
function assessorsOwingScores(state: CaseState): string[] {
  if (state.stage !== 'inspection') return [];
  const inScope = assessorsInScope(state);
  if (inScope.length < MINIMUM_ASSESSORS) return [];
  const sheets = state.inspection?.sheets ?? {};
  return inScope.filter((id) => !(id in sheets));
}

export function tasksOf(state: CaseState): CaseTasks {
  return {
    unit: unitTaskOf(state),
    office: officeTask(state),
    jinhua: state.stage === 'recommended' ? 'decide_certification' : null,
    assessors: assessorsOwingScores(state),
  };
}

/** Whose tasks a principal sees: a unit contact their unit's, an assessor their own scores, the auditor none. */
export type TaskOwner =
  | { readonly kind: 'unit'; readonly unitId: string }
  | { readonly kind: 'office' }
  | { readonly kind: 'jinhua' }
  | { readonly kind: 'assessor'; readonly assessorId: string }
  | { readonly kind: 'none' };

export function taskOwnerOf(principal: Principal): TaskOwner {
  switch (principal.role) {
    case 'unit_contact':
      return principal.unitId === null ? { kind: 'none' } : { kind: 'unit', unitId: principal.unitId };
    case 'assessor':
      return { kind: 'assessor', assessorId: principal.id };
    case 'administrator':
      return { kind: 'office' };
    case 'jinhua_reviewer':
      return { kind: 'jinhua' };
    case 'auditor':
      return { kind: 'none' };
  }
}

/** The step `owner` owes on a case with these tasks, if any. */
export function taskFor(owner: TaskOwner, tasks: CaseTasks, unitId: string): TaskKind | null {
  switch (owner.kind) {
    case 'unit':
      return owner.unitId === unitId ? tasks.unit : null;
    case 'office':
      return tasks.office;
    case 'jinhua':
      return tasks.jinhua;
    case 'assessor':
      return tasks.assessors.includes(owner.assessorId) ? 'score_inspection' : null;
    case 'none':
      return null;
  }
}

export const DUE_STATUSES = ['overdue', 'due_soon', 'on_track', 'no_due_date'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export const DUE_STATUS_NAMES: Readonly<Record<DueStatus, BilingualName>> = {
  overdue: { zh: '逾期', en: 'Overdue' },
  due_soon: { zh: '临期', en: 'Due soon' },
  on_track: { zh: '正常', en: 'On track' },
  no_due_date: { zh: '无期限', en: 'No due date' },
};

/** 临期: at most this many working days left (0 is the due date itself). */
export const DUE_SOON_WORKING_DAYS = 3;

export interface DueStanding {
  /**
   * Working days from `today` to the due date: after today up to and including the due date, negative once it has
   * passed (the working days since, counting a non-working today as the next working day, so at least -1); null
   * without a due date, or when either date lies outside the working-day calendar.
   */
  readonly workingDaysLeft: number | null;
  readonly status: DueStatus;
}

/** How a due date stands on `today` (Asia/Shanghai), on the Chinese working-day calendar. */
export function dueStanding(dueOn: IsoDate | null, today: IsoDate): DueStanding {
  if (dueOn === null) return { workingDaysLeft: null, status: 'no_due_date' };
  let workingDaysLeft: number;
  try {
    workingDaysLeft = dueOn < today ? -workingDaysBetween(dueOn, workingDayOnOrAfter(today)) : workingDaysBetween(today, dueOn);
  } catch (error) {
    if (!(error instanceof CalendarOutOfRangeError)) throw error;
    // Beyond the calendar the date alone still tells overdue from not.
    return { workingDaysLeft: null, status: dueOn < today ? 'overdue' : 'on_track' };
  }
  const status = workingDaysLeft < 0 ? 'overdue' : workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_track';
  return { workingDaysLeft, status };
}

/**
 * The due dates that stand in `status` on `today`, as a range a query can use (both ends inclusive): a due date
 * is in it exactly when dueStanding(dueOn, today).status is `status`. `none` is the cases without a due date.
 */
export type DueOnRange = { readonly kind: 'none' } | { readonly kind: 'range'; readonly from: IsoDate | null; readonly to: IsoDate | null };

export function dueOnRange(status: DueStatus, today: IsoDate): DueOnRange {
  if (status === 'no_due_date') return { kind: 'none' };
  const yesterday = addCalendarDays(today, -1);
  if (status === 'overdue') return { kind: 'range', from: null, to: yesterday };
  let lastDueSoon: IsoDate | null;
  try {
    // The day before the (N+1)th working day after today: every date up to it has at most N working days left.
    lastDueSoon = addCalendarDays(addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1), -1);
  } catch (error) {
    if (!(error instanceof CalendarOutOfRangeError)) throw error;
    lastDueSoon = null;
  }
  if (status === 'due_soon')
    return lastDueSoon === null ? { kind: 'range', from: today, to: addCalendarDays(today, -1) } : { kind: 'range', from: today, to: lastDueSoon };
  return { kind: 'range', from: lastDueSoon === null ? today : addCalendarDays(lastDueSoon, 1), to: null };
}
