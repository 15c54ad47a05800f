import { CATEGORY_CODES, type CategoryCode } from './categories.js';
import { CASE_STAGES, type CaseStage } from './stages.js';

export interface StageDuration {
  readonly completed: number;
  readonly meanDays: number | null;
  readonly p90Days: number | null;
}

/** 创建活动统计: what the counters by campaign × category × stage and the ended stage stays give. */
export interface CampaignStatistics {
  readonly cases: number;
  /** 各领域各阶段案件数 */
  readonly byCategory: Readonly<
    Record<
      CategoryCode,
      { readonly target: number | null; readonly total: number; readonly certified: number; readonly byStage: Readonly<Partial<Record<CaseStage, number>>> }
    >
  >;
  /** Of the cases whose inspection ended (passed, or not recommended), the share that passed. */
  readonly passRate: number | null;
  /** Days spent in each stage, over the stays that have ended (p90 interpolated between ranks). */
  readonly timeInStage: Readonly<Partial<Record<CaseStage, StageDuration>>>;
}

export const PASSED_STAGES: readonly CaseStage[] = ['passed', 'recommended', 'certified', 'not_certified', 'revoked'];
const DAY_MS = 86_400_000;

/** 阶段停留的开闭: the stay an event ends and the one it begins, when it moves the case to another stage. */
export interface StageChange {
  /** The stage whose stay ends; null for the case's first stage. */
  readonly leaves: CaseStage | null;
  readonly enters: CaseStage;
}

/** Null when the event leaves the case in the stage it was in (`before` is null before the case's first event). */
export function stageChange(before: CaseStage | null, after: CaseStage): StageChange | null {
  return before === after ? null : { leaves: before, enters: after };
}

/** How long a stay lasted, in days (fractional). */
export function stayDays(enteredAt: Date, leftAt: Date): number {
  return (leftAt.getTime() - enteredAt.getTime()) / DAY_MS;
}

/** One counter: the cases of a category in a stage now, and the stays there that have ended. */
export interface StageCount {
  readonly category: CategoryCode;
  readonly stage: CaseStage;
  readonly cases: number;
  readonly endedStays: number;
  /** The ended stays' total length in whole milliseconds. */
  readonly endedStayMs: number;
}

/**
 * How the counters move when a case changes stage: one more case in the stage it enters; one fewer in the stage it
 * leaves, where one more stay has ended (unless its start is unknown: `endedStayMs` null).
 */
export function stageCountDeltas(category: CategoryCode, change: StageChange, endedStayMs: number | null): StageCount[] {
  const entering: StageCount = { category, stage: change.enters, cases: 1, endedStays: 0, endedStayMs: 0 };
  if (change.leaves === null) return [entering];
  return [{ category, stage: change.leaves, cases: -1, endedStays: endedStayMs === null ? 0 : 1, endedStayMs: endedStayMs ?? 0 }, entering];
}

/**
 * The positions a quantile reads from the sorted values (0-based) and how far between them it lies: the linear
 * interpolation of simple-statistics' `quantile` (R type 7), so that two ranks read from an index give its answer.
 */
export interface QuantileRanks {
  readonly lower: number;
  readonly upper: number;
  readonly fraction: number;
}

export function quantileRanks(count: number, p: number): QuantileRanks {
  if (count < 1) throw new RangeError('a quantile needs at least one value');
  if (p === 1) return { lower: count - 1, upper: count - 1, fraction: 0 };
  if (p === 0) return { lower: 0, upper: 0, fraction: 0 };
  const idx = (count - 1) * p;
  if (idx % 1 === 0) return { lower: idx, upper: idx, fraction: 0 };
  const lower = Math.floor(idx);
  return { lower, upper: Math.ceil(idx), fraction: idx - lower };
}

/** The quantile from the values at its two ranks (the same arithmetic as simple-statistics' quantileSorted). */
export function quantileBetween(ranks: QuantileRanks, lowerValue: number, upperValue: number): number {
  return ranks.fraction === 0 ? lowerValue : lowerValue + ranks.fraction * (upperValue - lowerValue);
}

/** 各阶段用时的 p90 */
export const TIME_IN_STAGE_QUANTILE = 0.9;

/** The ended stays per stage (over every category): how many values each stage's p90 is taken over. */
export function endedStaysByStage(counts: readonly StageCount[]): Partial<Record<CaseStage, number>> {
  const ended: Partial<Record<CaseStage, number>> = {};
  for (const count of counts) if (count.endedStays) ended[count.stage] = (ended[count.stage] ?? 0) + count.endedStays;
  return ended;
}

/**
 * 创建活动统计 from the counters and the p90 of each stage's ended stays (read at
 * `quantileRanks(endedStaysByStage(counts)[stage], TIME_IN_STAGE_QUANTILE)`): counts against targets, pass rate,
 * time in each stage.
 */
export function campaignStatistics(
  counts: readonly StageCount[],
  targets: Readonly<Partial<Record<CategoryCode, number>>>,
  p90Days: Readonly<Partial<Record<CaseStage, number>>>,
): CampaignStatistics {
  const byCategory = Object.fromEntries(
    CATEGORY_CODES.map((category) => {
      const byStage: Partial<Record<CaseStage, number>> = {};
      let total = 0;
      for (const count of counts) {
        if (count.category !== category || count.cases === 0) continue;
        byStage[count.stage] = (byStage[count.stage] ?? 0) + count.cases;
        total += count.cases;
      }
      return [category, { target: targets[category] ?? null, total, certified: byStage.certified ?? 0, byStage }];
    }),
  ) as CampaignStatistics['byCategory'];
  const casesIn = (stages: readonly CaseStage[]): number => counts.reduce((sum, count) => (stages.includes(count.stage) ? sum + count.cases : sum), 0);
  const passed = casesIn(PASSED_STAGES);
  const decided = passed + casesIn(['not_recommended']);
  const ended = endedStaysByStage(counts);
  const timeInStage: Partial<Record<CaseStage, StageDuration>> = {};
  for (const stage of CASE_STAGES) {
    const completed = ended[stage];
    if (!completed) continue;
    const totalMs = counts.reduce((sum, count) => (count.stage === stage ? sum + count.endedStayMs : sum), 0);
    const p90 = p90Days[stage];
    timeInStage[stage] = { completed, meanDays: round(totalMs / completed / DAY_MS), p90Days: p90 === undefined ? null : round(p90) };
  }
  return {
    cases: counts.reduce((sum, count) => sum + count.cases, 0),
    byCategory,
    passRate: decided ? round(passed / decided) : null,
    timeInStage,
  };
}

/** Figures to four decimals. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
