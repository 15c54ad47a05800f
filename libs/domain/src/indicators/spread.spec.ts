import { describe, expect, it } from '@jest/globals';
import { indicatorSpreads, LARGE_SPREAD_SHARE } from './spread.js';

const indicators = [
  { code: 'I1', weight: 10 },
  { code: 'I2', weight: 15 },
  { code: 'I3', weight: 5 },
];

const sheet = (points: Readonly<Record<string, number>>) => ({
  scores: Object.entries(points).map(([indicatorCode, value]) => ({ indicatorCode, points: value })),
});

describe(indicatorSpreads.name, () => {
  it('gives each indicator the points of every sheet, their spread, and marks a spread of a fifth of the weight or more', () => {
    expect(LARGE_SPREAD_SHARE).toBe(0.2);
    const spreads = indicatorSpreads(indicators, [sheet({ I1: 9.5, I2: 14, I3: 5 }), sheet({ I1: 7.5, I2: 11.5, I3: 5 }), sheet({ I1: 9, I2: 13, I3: 4.5 })]);
    expect(spreads).toEqual([
      // 2 of 10 is exactly a fifth: large.
      { indicatorCode: 'I1', weight: 10, points: [9.5, 7.5, 9], spread: 2, large: true },
      // 2.5 of 15 is less than a fifth (3).
      { indicatorCode: 'I2', weight: 15, points: [14, 11.5, 13], spread: 2.5, large: false },
      { indicatorCode: 'I3', weight: 5, points: [5, 5, 4.5], spread: 0.5, large: false },
    ]);
  });

  it('keeps two decimals, so a spread does not miss the line by a rounding error', () => {
    const [spread] = indicatorSpreads([{ code: 'I1', weight: 3 }], [sheet({ I1: 2.9 }), sheet({ I1: 2.3 })]);
    expect(spread?.spread).toBe(0.6);
    expect(spread?.large).toBe(true);
  });

  it('marks no spread where fewer than two sheets scored the indicator, and none when all agree', () => {
    const spreads = indicatorSpreads(indicators, [sheet({ I1: 10, I2: 3 }), sheet({ I1: 10 })]);
    expect(spreads.map(({ points, spread, large }) => ({ points, spread, large }))).toEqual([
      { points: [10, 10], spread: 0, large: false },
      { points: [3, null], spread: 0, large: false },
      { points: [null, null], spread: 0, large: false },
    ]);
  });
});
