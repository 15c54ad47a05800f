import { describe, expect, it } from '@jest/globals';
import { assignDemoPaths, DEMO_PATH_COUNTS, demoPathCounts, type DemoPath } from './demo-paths.js';
import { YONGKANG_2019_UNITS } from './yongkang-2019.js';

describe("the demo's paths", () => {
  const assigned = assignDemoPaths(YONGKANG_2019_UNITS);
  const count = (paths: readonly DemoPath[]) => assigned.filter((each) => paths.includes(each.path)).length;

  it('gives each of the 71 units one path, as many to each path as its count', () => {
    expect(new Set(assigned.map((each) => each.unit.name)).size).toBe(71);
    for (const [path, expected] of Object.entries(DEMO_PATH_COUNTS)) expect(count([path as DemoPath])).toBe(expected);
  });

  it('promises the mix of the issue: certified, one revoked, rectification, inspection, self-assessment, cultivation, withdrawn', () => {
    expect(count(['certified', 'certifiedReviewed'])).toBeGreaterThanOrEqual(8);
    expect(count(['revoked'])).toBe(1);
    expect(count(['rectificationOverdue', 'rectificationExtended'])).toBe(6);
    expect(count(['inspectionSecondRound', 'inspectionOneScore', 'inspectionAwaitingScores'])).toBe(8);
    expect(count(['selfAssessmentAssigned', 'selfAssessmentUnassigned'])).toBe(10);
    expect(count(['withdrawnInCultivation', 'withdrawnInSelfAssessment'])).toBe(2);
    expect(count(['cultivationNoPlan', 'cultivationPlanSubmitted', 'cultivationPlanReturned', 'cultivationPlanApproved'])).toBeGreaterThan(10);
  });

  it('deals the same units to the same paths every time, and another seed deals them otherwise', () => {
    const names = (seed?: string) => assignDemoPaths(YONGKANG_2019_UNITS, seed).map((each) => `${each.path}:${each.unit.name}`);
    expect(names()).toEqual(assigned.map((each) => `${each.path}:${each.unit.name}`));
    expect(assignDemoPaths([...YONGKANG_2019_UNITS].reverse())).toEqual(assigned);
    expect(names('another seed')).not.toEqual(names());
  });

  it('runs the rectification paths first, so that their due dates are the earliest', () => {
    expect(assigned.slice(0, 6).map((each) => each.path)).toEqual(
      Array<DemoPath>(4).fill('rectificationOverdue').concat(['rectificationExtended', 'rectificationExtended']),
    );
  });

  it('refuses units it has no paths for', () => {
    expect(() => assignDemoPaths(YONGKANG_2019_UNITS.slice(1))).toThrow("the demo's paths are for 71 units, not 70");
  });

  it('scales the mix to fewer or more cases, every path taken at least once', () => {
    const paths = Object.keys(DEMO_PATH_COUNTS).length;
    for (const total of [paths, 30, 71, 200]) {
      const counts = demoPathCounts(total);
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(total);
      expect(Math.min(...Object.values(counts))).toBeGreaterThanOrEqual(1);
    }
    expect(demoPathCounts(71)).toEqual(DEMO_PATH_COUNTS);
    expect(demoPathCounts(200).certified).toBeGreaterThan(demoPathCounts(200).revoked);
    expect(() => demoPathCounts(paths - 1)).toThrow(`the demo's paths need at least ${paths} cases, not ${paths - 1}`);
  });
});
