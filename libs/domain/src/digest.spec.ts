import { describe, expect, it } from '@jest/globals';
import { initialCaseState, type CaseState } from './case-state.js';
import { shanghaiDate } from './calendar/dates.js';
import { DIGEST_LIST_LIMIT, mondayOf, weeklyDigest, type DigestCase } from './digest.js';
import type { CaseStage } from './stages.js';

function openCase(id: string, stage: CaseStage, deadlines: CaseState['deadlines'], lastEventAt: string): DigestCase {
  const state: CaseState = { ...initialCaseState({ caseId: id, campaignId: 'c', unitId: id, unitName: `单位${id}`, category: 'village' }), stage, deadlines };
  return { caseId: id, unitName: state.unitName, stage, state, lastEventAt: new Date(lastEventAt) };
}

describe('weekly digest', () => {
  // Wednesday 2019-05-08, 10:00 in Shanghai.
  const now = new Date('2019-05-08T02:00:00Z');

  it('reads dates in Asia/Shanghai and weeks from Monday', () => {
    expect(shanghaiDate(new Date('2019-05-07T16:30:00Z'))).toBe('2019-05-08');
    expect(mondayOf('2019-05-08')).toBe('2019-05-06');
    expect(mondayOf('2019-05-12')).toBe('2019-05-06');
    expect(mondayOf('2019-05-13')).toBe('2019-05-13');
  });

  it('sorts open cases into due this week, overdue and stalled', () => {
    const digest = weeklyDigest(
      [
        openCase('a', 'cultivation', { cultivation: '2019-05-12' }, '2019-05-07T00:00:00Z'),
        openCase('b', 'self_assessment', { self_assessment: '2019-05-08' }, '2019-05-08T00:00:00Z'),
        openCase('c', 'inspection', { inspection: '2019-05-01' }, '2019-04-01T00:00:00Z'),
        openCase('d', 'cultivation', { cultivation: '2019-05-13' }, '2019-04-24T02:00:00Z'),
        openCase('e', 'withdrawn', { cultivation: '2019-05-01' }, '2019-01-01T00:00:00Z'),
        openCase('f', 'enrolled', {}, '2019-04-25T02:00:01Z'),
      ],
      now,
      14,
    );
    expect(digest.weekOf).toBe('2019-05-06');
    expect(digest.dueThisWeek.map((entry) => entry.caseId)).toEqual(['b', 'a']);
    expect(digest.overdue.map((entry) => [entry.caseId, entry.dueOn])).toEqual([['c', '2019-05-01']]);
    // Exactly 14 days without an event counts; a withdrawn case is never in a digest.
    expect(digest.stalled.map((entry) => [entry.caseId, entry.lastEventOn])).toEqual([
      ['c', '2019-04-01'],
      ['d', '2019-04-24'],
    ]);
    expect(digest.totals).toEqual({ open: 5, dueThisWeek: 2, overdue: 1, stalled: 2, dueDatePending: 0 });
  });

  it('lists the cases whose current due date waits for the working-day calendar', () => {
    const waiting = (id: string, stage: CaseStage, pending: CaseState['pendingDeadline']): DigestCase => {
      const item = openCase(id, stage, {}, '2019-05-07T00:00:00Z');
      return { ...item, state: { ...item.state, pendingDeadline: pending } };
    };
    const basis = { enteredOn: '2019-05-06', duration: { days: 20, unit: 'working' } } as const;
    const digest = weeklyDigest(
      [
        waiting('p', 'inspection', { deadline: 'inspection', ...basis }),
        waiting('q', 'passed', { deadline: 'inspection', ...basis }),
        waiting('r', 'cultivation', null),
      ],
      now,
      14,
    );
    expect(digest.dueDatePending.map((entry) => [entry.caseId, entry.dueOn])).toEqual([['p', null]]);
    expect(digest.totals.dueDatePending).toBe(1);
  });
});

describe('weekly digest length', () => {
  it('lists at most DIGEST_LIST_LIMIT cases a list and counts them all', () => {
    const many = Array.from({ length: DIGEST_LIST_LIMIT + 5 }, (_, index) =>
      openCase(String(index).padStart(4, '0'), 'cultivation', { cultivation: '2019-05-01' }, '2019-05-07T00:00:00Z'),
    );
    const digest = weeklyDigest(many, new Date('2019-05-08T02:00:00Z'), 14);
    expect(digest.overdue).toHaveLength(DIGEST_LIST_LIMIT);
    expect(digest.totals.overdue).toBe(DIGEST_LIST_LIMIT + 5);
  });
});
