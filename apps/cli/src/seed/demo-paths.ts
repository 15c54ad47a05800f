import { createHash } from 'node:crypto';
import type { CaseStage } from '#domain';

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

export type DemoPathCounts = Readonly<Record<DemoPath, number>>;

/** Where a case taken along each path stands at its end. */
export const DEMO_PATH_STAGES: Readonly<Record<DemoPath, CaseStage>> = {
  rectificationOverdue: 'rectification',
  rectificationExtended: 'rectification',
  inspectionSecondRound: 'inspection',
  inspectionOneScore: 'inspection',
  inspectionAwaitingScores: 'inspection',
  selfAssessmentAssigned: 'self_assessment',
  selfAssessmentUnassigned: 'self_assessment',
  passed: 'passed',
  recommended: 'recommended',
  certified: 'certified',
  certifiedReviewed: 'certified',
  revoked: 'revoked',
  notCertified: 'not_certified',
  notRecommended: 'not_recommended',
  withdrawnInCultivation: 'withdrawn',
  withdrawnInSelfAssessment: 'withdrawn',
  cultivationNoPlan: 'cultivation',
  cultivationPlanSubmitted: 'cultivation',
  cultivationPlanReturned: 'cultivation',
  cultivationPlanApproved: 'cultivation',
  cultivationReporting: 'cultivation',
  cultivationExtended: 'cultivation',
};

/**
 * The demo's mix of paths for `total` cases (at least one per path): every path once, the rest shared out in
 * proportion to the demo's own counts, largest remainders first.
 */
export function demoPathCounts(total: number): DemoPathCounts {
  const entries = Object.entries(DEMO_PATH_COUNTS) as [DemoPath, number][];
  if (total < entries.length) throw new Error(`the demo's paths need at least ${entries.length} cases, not ${total}`);
  const demoTotal = entries.reduce((sum, [, count]) => sum + count, 0);
  const spare = total - entries.length;
  const shares = entries.map(([path, count]) => ({ path, exact: (spare * (count - 1)) / (demoTotal - entries.length) }));
  const counts = new Map(shares.map(({ path, exact }) => [path, 1 + Math.floor(exact)]));
  let left = total - [...counts.values()].reduce((sum, count) => sum + count, 0);
  for (const { path } of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return Object.fromEntries(counts) as DemoPathCounts;
}

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
export function assignDemoPaths<U extends { readonly name: string }>(
  units: readonly U[],
  seed: string = DEMO_SEED,
  counts: DemoPathCounts = DEMO_PATH_COUNTS,
): AssignedPath<U>[] {
  const entries = Object.entries(counts) as [DemoPath, number][];
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total !== units.length) throw new Error(`the demo's paths are for ${total} units, not ${units.length}`);
  const rank = (unit: U): string => createHash('sha256').update(`${seed}:${unit.name}`).digest('hex');
  const dealt = [...units].sort((a, b) => rank(a).localeCompare(rank(b)));
  let next = 0;
  return entries.flatMap(([path, count]) => dealt.slice(next, (next += count)).map((unit) => ({ unit, path })));
}
