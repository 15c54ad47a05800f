import { describe, expect, it } from '@jest/globals';
import { bulkActionRequest, extensionFor, type BulkActionKind, type BulkActionParameterInput } from './bulk-actions.js';
import { recordedReason } from './case-commands.js';
import { CaseRuleViolation } from './case-rule-violation.js';
import { evolveCase, initialCaseState, type CaseState } from './case-state.js';
import type { CaseEventBody } from './case-events.js';
import { BilingualError } from './errors.js';

const TODAY = '2019-09-02';

/** The fields a refused request names, each with its message. */
function refusedFields(kind: BulkActionKind, input: BulkActionParameterInput): Record<string, string> {
  try {
    bulkActionRequest(kind, input, TODAY);
  } catch (error) {
    if (error instanceof BilingualError) return Object.fromEntries(error.fields.map((problem) => [problem.field, problem.message]));
    throw error;
  }
  throw new Error('expected a refusal');
}

function caseIn(events: readonly CaseEventBody[]): CaseState {
  const start = initialCaseState({ caseId: 'case:c:u', campaignId: 'c', unitId: 'u', unitName: '石柱镇塘里村', category: 'village' });
  return [
    { type: 'CaseEnrolled', payload: { campaignId: 'c', unitId: 'u', unitName: '石柱镇塘里村', category: 'village' } } as CaseEventBody,
    ...events,
  ].reduce(evolveCase, start);
}

const dueOn = (date: string): CaseEventBody => ({
  type: 'DeadlineSet',
  payload: { deadline: 'cultivation', enteredOn: '2019-06-03', duration: { days: 120, unit: 'calendar' }, dueOn: date },
});

describe(bulkActionRequest.name, () => {
  it('takes each kind’s own parameters, trimmed', () => {
    expect(bulkActionRequest('extend_deadline', { newDueOn: '2019-10-31', reason: ' 国庆假期 ' }, TODAY)).toEqual({
      kind: 'extend_deadline',
      parameters: { newDueOn: '2019-10-31', reason: '国庆假期' },
    });
    expect(bulkActionRequest('extend_deadline', { workingDays: 5, reason: '统一延期' }, TODAY).parameters).toEqual({ workingDays: 5, reason: '统一延期' });
    expect(bulkActionRequest('urge', { message: ' 请尽快提交 ' }, TODAY)).toEqual({ kind: 'urge', parameters: { message: '请尽快提交' } });
    expect(bulkActionRequest('urge', {}, TODAY)).toEqual({ kind: 'urge', parameters: {} });
    expect(bulkActionRequest('assign_assessors', { assessorIds: ['a', ' b ', 'a'] }, TODAY)).toEqual({
      kind: 'assign_assessors',
      parameters: { assessorIds: ['a', 'b'] },
    });
  });

  it('names each bad field and why, in Chinese and English', () => {
    expect(Object.keys(refusedFields('extend_deadline', { newDueOn: '2019-10-31' }))).toEqual(['parameters.reason']);
    expect(Object.keys(refusedFields('extend_deadline', { reason: '延期' }))).toEqual(['parameters.newDueOn']);
    expect(Object.keys(refusedFields('extend_deadline', { newDueOn: '2019-10-31', workingDays: 3, reason: '延期' }))).toEqual(['parameters.newDueOn']);
    expect(refusedFields('extend_deadline', { newDueOn: TODAY, reason: '延期' })['parameters.newDueOn']).toBe(
      `新期限须晚于今天（${TODAY}） / newDueOn must be after today (${TODAY})`,
    );
    expect(Object.keys(refusedFields('extend_deadline', { newDueOn: '2019-02-30', reason: '延期' }))).toEqual(['parameters.newDueOn']);
    expect(Object.keys(refusedFields('extend_deadline', { workingDays: 0, reason: '延期' }))).toEqual(['parameters.workingDays']);
    expect(Object.keys(refusedFields('assign_assessors', { assessorIds: ['a', 'a'] }))).toEqual(['parameters.assessorIds']);
    expect(Object.keys(refusedFields('urge', { message: '催'.repeat(501) }))).toEqual(['parameters.message']);
  });

  it('refuses a parameter the kind does not use', () => {
    expect(refusedFields('urge', { reason: '理由', assessorIds: ['a', 'b'] })).toEqual({
      'parameters.reason': '「催办」不使用此项 / not a parameter of urge',
      'parameters.assessorIds': '「催办」不使用此项 / not a parameter of urge',
    });
    expect(Object.keys(refusedFields('extend_deadline', { newDueOn: '2019-10-31', reason: '延期', message: '附言' }))).toEqual(['parameters.message']);
  });
});

describe(extensionFor.name, () => {
  it('extends the current stage’s deadline to the new date, or by working days from its due date', () => {
    const state = caseIn([dueOn('2019-09-27')]);
    expect(extensionFor(state, { newDueOn: '2019-10-31', reason: '延期' })).toEqual({ deadline: 'cultivation', dueOn: '2019-10-31' });
    // 2019-09-27 (Friday) + 3 working days, across the National Day holiday (10-01 to 10-07; 09-29 is a working Sunday).
    expect(extensionFor(state, { workingDays: 3, reason: '延期' })).toEqual({ deadline: 'cultivation', dueOn: '2019-10-08' });
  });

  it('refuses a case whose stage has no due date, or whose due date is pending when counting from it', () => {
    const code = (state: CaseState, parameters: Parameters<typeof extensionFor>[1]): string => {
      try {
        extensionFor(state, parameters);
      } catch (error) {
        if (error instanceof CaseRuleViolation) return error.code;
        throw error;
      }
      return 'extended';
    };
    const withdrawn = caseIn([{ type: 'Withdrawn', payload: {} }]);
    expect(code(withdrawn, { newDueOn: '2019-10-31', reason: '延期' })).toBe('NO_CURRENT_DEADLINE');
    expect(code(caseIn([]), { workingDays: 3, reason: '延期' })).toBe('DUE_DATE_PENDING');
    expect(code(caseIn([]), { newDueOn: '2019-10-31', reason: '延期' })).toBe('extended');
  });
});

describe(recordedReason.name, () => {
  it('names the bulk action a step was part of, after the step’s own reason', () => {
    expect(recordedReason(' 国庆假期 ', undefined)).toBe('国庆假期');
    expect(recordedReason('  ', undefined)).toBeNull();
    expect(recordedReason('国庆假期', 'b1')).toBe('国庆假期（批量操作 / bulk action b1）');
    expect(recordedReason(null, 'b1')).toBe('批量操作 / bulk action b1');
  });
});
