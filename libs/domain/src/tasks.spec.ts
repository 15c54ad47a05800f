import { addCalendarDays } from './calendar/dates.js';
import { describe, expect, it } from '@jest/globals';
import type { Principal } from './access-policy.js';
import { initialCaseState, type CaseState } from './case-state.js';
import type { CaseStage, PlanStatus } from './stages.js';
import { DUE_STATUSES, DUE_STATUS_NAMES, dueOnRange, dueStanding, taskFor, taskOwnerOf, tasksOf, TASK_KINDS, TASK_TITLES, type CaseTasks } from './tasks.js';

function caseIn(stage: CaseStage, over: Partial<CaseState> = {}): CaseState {
  return { ...initialCaseState({ caseId: 'case:c:u', campaignId: 'c', unitId: 'u', unitName: '东湖村', category: 'village' }), stage, ...over };
}
const sheet = { scores: [], vetoes: [] };

describe('tasks a case implies', () => {
  it('asks the unit for the step its creation plan is at during cultivation, and waits on the office while it is reviewed', () => {
    const during = (planStatus: PlanStatus) => tasksOf(caseIn('cultivation', { planStatus }));
    expect(during('not_submitted')).toEqual({ unit: 'submit_plan', office: null, jinhua: null, assessors: [] });
    expect(during('submitted')).toEqual({ unit: null, office: 'review_plan', jinhua: null, assessors: [] });
    expect(during('returned')).toEqual({ unit: 'resubmit_plan', office: null, jinhua: null, assessors: [] });
    expect(during('approved')).toEqual({ unit: 'submit_progress_report', office: null, jinhua: null, assessors: [] });
  });

  it('asks the office for assessors while fewer than two can inspect the unit, and the unit for its self-assessment meanwhile', () => {
    expect(tasksOf(caseIn('self_assessment'))).toEqual({ unit: 'submit_self_assessment', office: 'assign_assessors', jinhua: null, assessors: [] });
    expect(tasksOf(caseIn('self_assessment', { assessorIds: ['alice', 'bob'] })).office).toBeNull();
    // bob declared a conflict: only alice can inspect, so nobody can score until the office assigns another.
    const short = caseIn('inspection', { assessorIds: ['alice', 'bob'], conflictedAssessorIds: ['bob'], inspection: { round: 1, sheets: {} } });
    expect(tasksOf(short)).toEqual({ unit: null, office: 'assign_assessors', jinhua: null, assessors: [] });
  });

  it('asks each assessor in scope who has not scored the open round', () => {
    const inspection = (sheets: Record<string, typeof sheet>, round = 1) =>
      tasksOf(caseIn('inspection', { assessorIds: ['alice', 'bob', 'carol'], conflictedAssessorIds: ['dave'], inspection: { round, sheets } }));
    expect(inspection({})).toEqual({ unit: null, office: null, jinhua: null, assessors: ['alice', 'bob', 'carol'] });
    expect(inspection({ alice: sheet }).assessors).toEqual(['bob', 'carol']);
    expect(inspection({ alice: sheet, bob: sheet, carol: sheet }).assessors).toEqual([]);
    // A round after rectification starts with no sheets.
    expect(inspection({}, 2).assessors).toEqual(['alice', 'bob', 'carol']);
  });

  it('asks the unit for its rectification report, the office to recommend a passed unit and Jinhua to decide a recommended one', () => {
    expect(tasksOf(caseIn('rectification', { assessorIds: ['alice', 'bob'] }))).toEqual({
      unit: 'submit_rectification',
      office: null,
      jinhua: null,
      assessors: [],
    });
    expect(tasksOf(caseIn('passed'))).toEqual({ unit: null, office: 'recommend', jinhua: null, assessors: [] });
    expect(tasksOf(caseIn('recommended'))).toEqual({ unit: null, office: null, jinhua: 'decide_certification', assessors: [] });
  });

  it('asks nobody anything once the case has ended or while it is certified', () => {
    const none: CaseTasks = { unit: null, office: null, jinhua: null, assessors: [] };
    for (const stage of ['enrolled', 'certified', 'not_certified', 'not_recommended', 'revoked', 'withdrawn'] as const) {
      expect({ stage, tasks: tasksOf(caseIn(stage, { assessorIds: ['alice'] })) }).toEqual({ stage, tasks: none });
    }
  });

  it('gives each principal the step they owe: their own unit’s, their own scores, the office’s, Jinhua’s, and the auditor none', () => {
    const tasks: CaseTasks = { unit: 'submit_self_assessment', office: 'assign_assessors', jinhua: null, assessors: ['alice'] };
    const principal = (role: Principal['role'], id: string, unitId: string | null = null): Principal => ({ id, role, unitId });
    expect(taskFor(taskOwnerOf(principal('unit_contact', 'c1', 'u')), tasks, 'u')).toBe('submit_self_assessment');
    expect(taskFor(taskOwnerOf(principal('unit_contact', 'c2', 'other')), tasks, 'u')).toBeNull();
    expect(taskFor(taskOwnerOf(principal('unit_contact', 'c3')), tasks, 'u')).toBeNull();
    expect(taskFor(taskOwnerOf(principal('assessor', 'alice')), tasks, 'u')).toBe('score_inspection');
    expect(taskFor(taskOwnerOf(principal('assessor', 'bob')), tasks, 'u')).toBeNull();
    expect(taskFor(taskOwnerOf(principal('administrator', 'a')), tasks, 'u')).toBe('assign_assessors');
    expect(taskFor(taskOwnerOf(principal('jinhua_reviewer', 'j')), { ...tasks, jinhua: 'decide_certification' }, 'u')).toBe('decide_certification');
    expect(taskOwnerOf(principal('auditor', 'x'))).toEqual({ kind: 'none' });
  });

  it('titles every task in Chinese and English', () => {
    for (const kind of TASK_KINDS) expect(TASK_TITLES[kind].zh).toMatch(/\p{Script=Han}/u);
    expect(TASK_TITLES.resubmit_plan).toEqual({ zh: '重新提交创建方案（方案已退回）', en: 'Resubmit the creation plan (it was returned)' });
  });
});

describe('due standing on the working-day calendar', () => {
  // 2019: National Day off 1–7 October; Sunday 29 September and Saturday 12 October worked instead.
  it('counts the working days after today up to the due date', () => {
    expect(dueStanding('2019-10-08', '2019-09-30')).toEqual({ workingDaysLeft: 1, status: 'due_soon' });
    expect(dueStanding('2019-10-11', '2019-09-27')).toEqual({ workingDaysLeft: 6, status: 'on_track' });
    expect(dueStanding('2019-10-11', '2019-10-08')).toEqual({ workingDaysLeft: 3, status: 'due_soon' });
    expect(dueStanding('2019-10-12', '2019-10-08')).toEqual({ workingDaysLeft: 4, status: 'on_track' });
    expect(dueStanding('2019-10-08', '2019-10-08')).toEqual({ workingDaysLeft: 0, status: 'due_soon' });
  });

  it('is overdue from the day after the due date, by at least one working day even on a holiday', () => {
    expect(dueStanding('2019-09-30', '2019-10-08')).toEqual({ workingDaysLeft: -1, status: 'overdue' });
    expect(dueStanding('2019-09-30', '2019-10-03')).toEqual({ workingDaysLeft: -1, status: 'overdue' });
    expect(dueStanding('2019-09-27', '2019-10-09')).toEqual({ workingDaysLeft: -4, status: 'overdue' });
  });

  it('has no count without a due date, or for a date beyond the calendar, which still tells overdue by the date', () => {
    expect(dueStanding(null, '2019-10-08')).toEqual({ workingDaysLeft: null, status: 'no_due_date' });
    expect(dueStanding('2099-01-05', '2019-10-08')).toEqual({ workingDaysLeft: null, status: 'on_track' });
    expect(dueStanding('2003-06-02', '2019-10-08')).toEqual({ workingDaysLeft: null, status: 'overdue' });
  });

  it('names each status as the office says it', () => {
    expect(Object.values(DUE_STATUS_NAMES).map((name) => name.zh)).toEqual(['逾期', '临期', '正常', '无期限']);
  });
});

describe('due dates by status, as a range', () => {
  it('holds exactly the due dates dueStanding puts in each status', () => {
    const inRange = (range: ReturnType<typeof dueOnRange>, dueOn: string | null): boolean =>
      range.kind === 'none' ? dueOn === null : dueOn !== null && (range.from === null || dueOn >= range.from) && (range.to === null || dueOn <= range.to);
    for (const today of ['2019-09-27', '2019-09-30', '2019-10-03', '2019-10-08', '2019-12-31']) {
      const dueDates = [null, ...Array.from({ length: 40 }, (_, index) => addCalendarDays(today, index - 15))];
      for (const dueOn of dueDates) {
        const status = dueStanding(dueOn, today).status;
        for (const candidate of DUE_STATUSES)
          expect([candidate, dueOn, inRange(dueOnRange(candidate, today), dueOn)]).toEqual([candidate, dueOn, candidate === status]);
      }
    }
  });

  it('gives 临期 over National Day 2019 up to the day before the fourth working day', () => {
    expect(dueOnRange('due_soon', '2019-09-30')).toEqual({ kind: 'range', from: '2019-09-30', to: '2019-10-10' });
    expect(dueOnRange('overdue', '2019-09-30')).toEqual({ kind: 'range', from: null, to: '2019-09-29' });
  });
});
