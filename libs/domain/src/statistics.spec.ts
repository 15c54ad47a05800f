import { describe, expect, it } from '@jest/globals';
import { quantile } from 'simple-statistics';
import { isOverdue } from './deadlines.js';
import { initialCaseState } from './case-state.js';
import {
  campaignStatistics,
  endedStaysByStage,
  quantileBetween,
  quantileRanks,
  stageChange,
  stayDays,
  TIME_IN_STAGE_QUANTILE,
  type StageCount,
} from './statistics.js';

const DAY_MS = 86_400_000;

describe(stageChange.name, () => {
  it('opens the first stay, closes one stay and opens the next when the stage changes, and does nothing otherwise', () => {
    expect(stageChange(null, 'cultivation')).toEqual({ leaves: null, enters: 'cultivation' });
    expect(stageChange('cultivation', 'self_assessment')).toEqual({ leaves: 'cultivation', enters: 'self_assessment' });
    expect(stageChange('inspection', 'inspection')).toBeNull();
    expect(stayDays(new Date('2019-03-01T01:00:00Z'), new Date('2019-03-31T13:00:00Z'))).toBe(30.5);
  });
});

describe(quantileRanks.name, () => {
  it('gives what simple-statistics’ quantile gives, from the two ranks alone', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let count = 1; count <= 300; count += 1) {
      const values = Array.from({ length: count }, () => Math.round(random() * 200 * DAY_MS) / DAY_MS);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 0.5, TIME_IN_STAGE_QUANTILE, 0.95, 1]) {
        const ranks = quantileRanks(count, p);
        expect([count, p, quantileBetween(ranks, sorted[ranks.lower] ?? NaN, sorted[ranks.upper] ?? NaN)]).toEqual([count, p, quantile(values, p)]);
      }
    }
    expect(quantileRanks(4, 0.9)).toMatchObject({ lower: 2, upper: 3 });
    expect(quantileRanks(4, 0.9).fraction).toBeCloseTo(0.7, 12);
    expect(() => quantileRanks(0, 0.9)).toThrow(RangeError);
  });
});

describe(campaignStatistics.name, () => {
  const count = (over: Partial<StageCount> & Pick<StageCount, 'category' | 'stage'>): StageCount => ({ cases: 0, endedStays: 0, endedStayMs: 0, ...over });
  const counts = [
    count({ category: 'village', stage: 'cultivation', endedStays: 3, endedStayMs: 60 * DAY_MS }),
    count({ category: 'school', stage: 'cultivation', endedStays: 1, endedStayMs: 40 * DAY_MS }),
    count({ category: 'village', stage: 'passed', cases: 2 }),
    count({ category: 'village', stage: 'not_recommended', cases: 1 }),
    count({ category: 'village', stage: 'inspection', endedStays: 3, endedStayMs: 15 * DAY_MS }),
    count({ category: 'school', stage: 'inspection', cases: 1 }),
    count({ category: 'school', stage: 'self_assessment', endedStays: 1, endedStayMs: 10 * DAY_MS }),
  ];

  it('counts by category and stage against targets, pass rate and time in each stage', () => {
    expect(endedStaysByStage(counts)).toEqual({ cultivation: 4, inspection: 3, self_assessment: 1 });
    const statistics = campaignStatistics(counts, { village: 48, school: 8 }, { cultivation: 37, inspection: 5, self_assessment: 10 });
    expect(statistics.cases).toBe(4);
    expect(statistics.byCategory.village).toEqual({ target: 48, total: 3, certified: 0, byStage: { passed: 2, not_recommended: 1 } });
    expect(statistics.byCategory.school).toEqual({ target: 8, total: 1, certified: 0, byStage: { inspection: 1 } });
    expect(statistics.byCategory.hospital).toEqual({ target: null, total: 0, certified: 0, byStage: {} });
    expect(statistics.passRate).toBe(0.6667);
    expect(statistics.timeInStage.cultivation).toEqual({ completed: 4, meanDays: 25, p90Days: 37 });
    expect(statistics.timeInStage.inspection).toEqual({ completed: 3, meanDays: 5, p90Days: 5 });
    expect(statistics.timeInStage.passed).toBeUndefined();
  });

  it('has no pass rate before any inspection ended', () => {
    expect(campaignStatistics([count({ category: 'school', stage: 'cultivation', cases: 3 })], {}, {})).toMatchObject({
      cases: 3,
      passRate: null,
      timeInStage: {},
    });
  });

  it('counts a case as overdue when the deadline of its current stage has passed', () => {
    const state = {
      ...initialCaseState({ caseId: 'case:c:e', campaignId: 'c', unitId: 'e', unitName: 'e', category: 'school' }),
      stage: 'inspection' as const,
    };
    const late = { ...state, deadlines: { inspection: '2019-05-01' } };
    expect(isOverdue(late, '2019-05-02')).toBe(true);
    expect(isOverdue(late, '2019-05-01')).toBe(false);
    expect(isOverdue({ ...state, deadlines: { cultivation: '2019-01-01' } }, '2019-05-02')).toBe(false);
  });
});
