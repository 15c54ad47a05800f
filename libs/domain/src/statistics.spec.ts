import { describe, expect, it } from '@jest/globals';
import type { CaseEventBody } from './case-events.js';
import { isOverdue } from './deadlines.js';
import { campaignStatistics, caseHistory } from './statistics.js';

const enrolled = (unitName: string, category: 'village' | 'school'): CaseEventBody => ({
  type: 'CaseEnrolled',
  payload: { campaignId: 'c', unitId: unitName, unitName, category },
});
const concluded = (outcome: 'pass' | 'fail', total: number): CaseEventBody => ({
  type: 'InspectionConcluded',
  payload: { round: 1, outcome, total, assessorTotals: [total, total], spread: 0, vetoes: [] },
});
const sheet = { scores: [], vetoes: [] };

/** enrolled on day 0, ready on `readyDay`, self-assessed 10 days later, concluded 5 days after that. */
function history(unitName: string, category: 'village' | 'school', readyDay: number, outcome: 'pass' | 'fail' | null) {
  const day = (n: number) => new Date(Date.UTC(2019, 2, 1 + n)).toISOString();
  const events = [
    { body: enrolled(unitName, category), occurredAt: day(0) },
    { body: { type: 'ReadinessDeclared', payload: {} } as CaseEventBody, occurredAt: day(readyDay) },
    { body: { type: 'SelfAssessmentSubmitted', payload: { sheet, total: 90 } } as CaseEventBody, occurredAt: day(readyDay + 10) },
    ...(outcome ? [{ body: concluded(outcome, outcome === 'pass' ? 88 : 60), occurredAt: day(readyDay + 15) }] : []),
  ];
  return caseHistory(`case:c:${unitName}`, events);
}

describe(caseHistory.name, () => {
  it('follows the stages a case went through, with when it entered and left each', () => {
    const { state, spans } = history('下寮村', 'village', 30, 'pass');
    expect(state?.stage).toBe('passed');
    expect(spans.map((span) => [span.stage, span.enteredAt.slice(0, 10), span.leftAt?.slice(0, 10) ?? null])).toEqual([
      ['cultivation', '2019-03-01', '2019-03-31'],
      ['self_assessment', '2019-03-31', '2019-04-10'],
      ['inspection', '2019-04-10', '2019-04-15'],
      ['passed', '2019-04-15', null],
    ]);
  });
});

describe(campaignStatistics.name, () => {
  it('counts by category and stage against targets, pass rate and time in each stage', () => {
    const cases = [
      history('a', 'village', 10, 'pass'),
      history('b', 'village', 20, 'fail'),
      history('c', 'village', 30, 'pass'),
      history('d', 'school', 40, null),
    ].map(({ state, spans }) => ({
      state:
        state ??
        (() => {
          throw new Error('no state');
        })(),
      spans,
    }));
    const statistics = campaignStatistics(cases, { village: 48, school: 8 }, '2019-06-01');
    expect(statistics.cases).toBe(4);
    expect(statistics.byCategory.village).toEqual({ target: 48, total: 3, certified: 0, byStage: { passed: 2, not_recommended: 1 } });
    expect(statistics.byCategory.school).toEqual({ target: 8, total: 1, certified: 0, byStage: { inspection: 1 } });
    expect(statistics.byCategory.hospital).toEqual({ target: null, total: 0, certified: 0, byStage: {} });
    expect(statistics.passRate).toBe(0.6667);
    // p90 interpolates between ranks: 30 + 0.7 × (40 − 30).
    expect(statistics.timeInStage.cultivation).toEqual({ completed: 4, meanDays: 25, p90Days: 37 });
    expect(statistics.timeInStage.inspection).toEqual({ completed: 3, meanDays: 5, p90Days: 5 });
    expect(statistics.timeInStage.passed).toBeUndefined();
    expect(statistics.overdue).toBe(0);
  });

  it('counts a case as overdue when the deadline of its current stage has passed', () => {
    const { state } = history('e', 'school', 40, null);
    if (!state) throw new Error('no state');
    const late = { ...state, deadlines: { inspection: '2019-05-01' } };
    expect(isOverdue(late, '2019-05-02')).toBe(true);
    expect(isOverdue(late, '2019-05-01')).toBe(false);
    expect(isOverdue({ ...state, deadlines: { cultivation: '2019-01-01' } }, '2019-05-02')).toBe(false);
    expect(campaignStatistics([{ state: late, spans: [] }], {}, '2019-06-01').overdue).toBe(1);
  });
});
