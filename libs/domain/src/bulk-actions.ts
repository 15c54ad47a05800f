// 批量操作 — one case step over a selection of cases, taken on each case as the administrator who started it. Pure:
// which kinds there are and the step each takes, what their parameters must be, and what an extension means for one case.
import { isIsoDate, type IsoDate } from './calendar/dates.js';
import { addWorkingDays, CalendarOutOfRangeError } from './calendar/working-days.js';
import type { BilingualName } from './categories.js';
import { CASE_COMMAND_LIMITS } from './case-commands.js';
import { CaseRuleViolation } from './case-rule-violation.js';
import type { CaseStep } from './case-rules.js';
import type { CaseState } from './case-state.js';
import { currentDeadline } from './deadlines.js';
import { invalidInput, type FieldProblem } from './errors.js';
import { MINIMUM_ASSESSORS } from './indicators/scoring.js';
import { CASE_STAGE_NAMES, type DeadlineKind } from './stages.js';

export const BULK_ACTION_KINDS = ['extend_deadline', 'urge', 'assign_assessors'] as const;
export type BulkActionKind = (typeof BULK_ACTION_KINDS)[number];

export const BULK_ACTION_KIND_NAMES: Readonly<Record<BulkActionKind, BilingualName>> = {
  extend_deadline: { zh: '延长期限', en: 'Extend due dates' },
  urge: { zh: '催办', en: 'Send a reminder now' },
  assign_assessors: { zh: '指派检查组', en: 'Assign assessors' },
};

/** The case step each kind takes on every case of its selection (the step's own rules judge each case). */
export const BULK_ACTION_STEPS: Readonly<Record<BulkActionKind, CaseStep>> = {
  extend_deadline: 'extendDeadline',
  urge: 'urge',
  assign_assessors: 'assignAssessors',
};

/** The most cases one bulk action takes. */
export const MAX_BULK_ACTION_CASES = 10_000;
/** The most working days an extension adds (about a working year). */
export const MAX_EXTENSION_WORKING_DAYS = 250;

/** running: cases are still pending; completed: every case has its result. */
export const BULK_ACTION_STATUSES = ['running', 'completed'] as const;
export type BulkActionStatus = (typeof BULK_ACTION_STATUSES)[number];

/** refused: the case's rules said no (that is its result, never retried); failed: it kept failing for other reasons. */
export const BULK_ACTION_ITEM_STATUSES = ['pending', 'succeeded', 'refused', 'failed'] as const;
export type BulkActionItemStatus = (typeof BULK_ACTION_ITEM_STATUSES)[number];

/** 延长期限: each case's current due date, to one new date or by a number of working days; the reason is required. */
export interface ExtendDueDatesParameters {
  readonly newDueOn?: IsoDate;
  readonly workingDays?: number;
  readonly reason: string;
}

/** 催办: the office's words to every unit, if any. */
export interface UrgeParameters {
  readonly message?: string;
}

/** 指派检查组: the same assessors on every case; a reason, which the step requires where it replaces someone. */
export interface AssignAssessorsParameters {
  readonly assessorIds: readonly string[];
  readonly reason?: string;
}

export interface BulkActionParameterMap {
  readonly extend_deadline: ExtendDueDatesParameters;
  readonly urge: UrgeParameters;
  readonly assign_assessors: AssignAssessorsParameters;
}

/** A kind and its parameters, checked (bulkActionRequest). */
export type BulkActionRequest = { [K in BulkActionKind]: { readonly kind: K; readonly parameters: BulkActionParameterMap[K] } }[BulkActionKind];

/** The parameters as they arrive: every field of every kind, each optional. */
export interface BulkActionParameterInput {
  readonly newDueOn?: string;
  readonly workingDays?: number;
  readonly reason?: string;
  readonly assessorIds?: readonly string[];
  readonly message?: string;
}

const FIELDS_OF: Readonly<Record<BulkActionKind, readonly (keyof BulkActionParameterInput)[]>> = {
  extend_deadline: ['newDueOn', 'workingDays', 'reason'],
  urge: ['message'],
  assign_assessors: ['assessorIds', 'reason'],
};

/**
 * The parameters of a bulk action of `kind`, checked before anything runs: each problem names its field
 * (`parameters.<name>`) and why, in Chinese and English. `today` is the office's day (Asia/Shanghai).
 */
export function bulkActionRequest(kind: BulkActionKind, input: BulkActionParameterInput, today: IsoDate): BulkActionRequest {
  const problems: FieldProblem[] = [];
  const problem = (field: keyof BulkActionParameterInput, zh: string, en: string): void => {
    problems.push({ field: `parameters.${field}`, message: `${zh} / ${en}` });
  };
  const name = BULK_ACTION_KIND_NAMES[kind];
  for (const field of Object.keys(input) as (keyof BulkActionParameterInput)[]) {
    if (input[field] !== undefined && !FIELDS_OF[kind].includes(field)) problem(field, `「${name.zh}」不使用此项`, `not a parameter of ${kind}`);
  }
  const reason = input.reason?.trim() ?? '';
  if (reason.length > CASE_COMMAND_LIMITS.reason)
    problem('reason', `理由至多 ${CASE_COMMAND_LIMITS.reason} 字`, `the reason must be at most ${CASE_COMMAND_LIMITS.reason} characters`);
  const request = ((): BulkActionRequest => {
    switch (kind) {
      case 'extend_deadline': {
        const { newDueOn, workingDays } = input;
        if (reason === '') problem('reason', '延长期限须说明理由', 'a reason is required to extend due dates');
        if ((newDueOn === undefined) === (workingDays === undefined)) {
          problem('newDueOn', '须给出新期限 newDueOn 或延长的工作日数 workingDays（二者之一）', 'give either newDueOn or workingDays, not both');
        } else if (newDueOn !== undefined && !isIsoDate(newDueOn)) {
          problem('newDueOn', '新期限须为 YYYY-MM-DD 格式的日期', 'newDueOn must be a date YYYY-MM-DD');
        } else if (newDueOn !== undefined && newDueOn <= today) {
          problem('newDueOn', `新期限须晚于今天（${today}）`, `newDueOn must be after today (${today})`);
        } else if (workingDays !== undefined && !(Number.isInteger(workingDays) && workingDays >= 1 && workingDays <= MAX_EXTENSION_WORKING_DAYS)) {
          problem(
            'workingDays',
            `延长的工作日数须为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 的整数`,
            `workingDays must be a whole number from 1 to ${MAX_EXTENSION_WORKING_DAYS}`,
          );
        }
        return { kind, parameters: { ...(newDueOn === undefined ? {} : { newDueOn }), ...(workingDays === undefined ? {} : { workingDays }), reason } };
      }
      case 'urge': {
        const message = input.message?.trim() ?? '';
        if (message.length > CASE_COMMAND_LIMITS.urgeMessage) {
          problem('message', `催办附言至多 ${CASE_COMMAND_LIMITS.urgeMessage} 字`, `the message must be at most ${CASE_COMMAND_LIMITS.urgeMessage} characters`);
        }
        return { kind, parameters: message === '' ? {} : { message } };
      }
      case 'assign_assessors': {
        const assessorIds = [...new Set((input.assessorIds ?? []).map((id) => id.trim()).filter(Boolean))];
        if (assessorIds.length < MINIMUM_ASSESSORS) {
          problem('assessorIds', `须指派至少 ${MINIMUM_ASSESSORS} 名不同的检查组成员`, `assign at least ${MINIMUM_ASSESSORS} different assessors`);
        } else if (assessorIds.length > CASE_COMMAND_LIMITS.assessors) {
          problem('assessorIds', `至多指派 ${CASE_COMMAND_LIMITS.assessors} 名检查组成员`, `assign at most ${CASE_COMMAND_LIMITS.assessors} assessors`);
        }
        return { kind, parameters: { assessorIds, ...(reason === '' ? {} : { reason }) } };
      }
    }
  })();
  if (problems.length) throw invalidInput(problems);
  return request;
}

/**
 * What a bulk extension means for one case: its current stage's deadline, to the new date or that many working days
 * after its current due date. A case whose stage has no deadline, or whose due date is pending when counting working
 * days from it, is refused (that case's result); the extension step's own rules judge the rest.
 */
export function extensionFor(state: CaseState, parameters: ExtendDueDatesParameters): { readonly deadline: DeadlineKind; readonly dueOn: IsoDate } {
  const deadline = currentDeadline(state);
  const stage = CASE_STAGE_NAMES[state.stage];
  if (deadline === undefined) {
    throw new CaseRuleViolation(
      'NO_CURRENT_DEADLINE',
      `当前阶段「${stage.zh}」没有期限，无从延长`,
      `The current stage "${stage.en}" has no due date to extend`,
    );
  }
  if (parameters.newDueOn !== undefined) return { deadline, dueOn: parameters.newDueOn };
  const current = state.deadlines[deadline];
  if (current === undefined) {
    throw new CaseRuleViolation(
      'DUE_DATE_PENDING',
      `当前阶段「${stage.zh}」的期限待定，请指定新期限日期`,
      `The due date of the current stage "${stage.en}" is pending; give a new date instead`,
    );
  }
  try {
    return { deadline, dueOn: addWorkingDays(current, parameters.workingDays ?? 0) };
  } catch (error) {
    if (!(error instanceof CalendarOutOfRangeError)) throw error;
    throw new CaseRuleViolation(
      'BEYOND_CALENDAR',
      `新期限超出工作日历覆盖的年份：${error.message}`,
      `The new due date lies beyond the working-day calendar: ${error.message}`,
    );
  }
}
