import { createHash } from 'node:crypto';

/**
 * 演示路径: where each of the demo's units stands once the demo is ready, and how many units take each path. The
 * demo takes every step of a path through the api as the person who takes it, so every event is true.
 */
export const DEMO_PATH_COUNTS = {
  /** Ends in rectification: its short due date passes first, so these are the demo's first overdue cases. */
  rectificationOverdue: 4,
  /** In rectification with its due date extended by the office (reason given). */
  rectificationExtended: 2,
  /** Back in inspection, round 2, after a rectification report. */
  inspectionSecondRound: 2,
  /** In inspection with one of the two assessors' scores in. */
  inspectionOneScore: 3,
  /** In inspection, assessors assigned, no score yet. */
  inspectionAwaitingScores: 3,
  /** In self-assessment with assessors already assigned. */
  selfAssessmentAssigned: 5,
  /** In self-assessment, no assessors yet (the office's task). */
  selfAssessmentUnassigned: 5,
  passed: 5,
  recommended: 5,
  certified: 7,
  /** Certified, then the annual review recorded. */
  certifiedReviewed: 1,
  /** Certified, then revoked (一票否决). */
  revoked: 1,
  notCertified: 2,
  /** Inspection failed below the rectification floor. */
  notRecommended: 1,
  withdrawnInCultivation: 1,
  withdrawnInSelfAssessment: 1,
  cultivationNoPlan: 5,
  cultivationPlanSubmitted: 6,
  cultivationPlanReturned: 4,
  cultivationPlanApproved: 4,
  cultivationReporting: 2,
  /** Progress reported, cultivation due date extended by the office. */
  cultivationExtended: 2,
} as const;

export type DemoPath = keyof typeof DEMO_PATH_COUNTS;

/** The demo's seed: the same units take the same paths every time. */
export const DEMO_SEED = 'qinglian-demo-2019';

export interface AssignedPath<U> {
  readonly unit: U;
  readonly path: DemoPath;
}

/**
 * Each unit's path, in the order the demo runs them (the paths listed first enter their stage first, so their due
 * dates are the earliest). Units are dealt out in the order of a hash of the seed and their name: deterministic,
 * and mixed across categories. Throws unless the counts add up to the number of units.
 */
export function assignDemoPaths<U extends { readonly name: string }>(units: readonly U[], seed: string = DEMO_SEED): AssignedPath<U>[] {
  const entries = Object.entries(DEMO_PATH_COUNTS) as [DemoPath, number][];
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total !== units.length) throw new Error(`the demo's paths are for ${total} units, not ${units.length}`);
  const rank = (unit: U): string => createHash('sha256').update(`${seed}:${unit.name}`).digest('hex');
  const dealt = [...units].sort((a, b) => rank(a).localeCompare(rank(b)));
  let next = 0;
  return entries.flatMap(([path, count]) => dealt.slice(next, (next += count)).map((unit) => ({ unit, path })));
}
