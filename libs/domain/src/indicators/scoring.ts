import type { DocumentRef } from '../documents.js';
import { CaseRuleViolation } from '../case-rule-violation.js';
import { indicatorsOf, type IndicatorFramework } from './framework.js';

/** Thresholds a campaign sets for inspection outcomes (e.g. pass ≥ 85, excellent ≥ 90). */
export interface CampaignThresholds {
  readonly pass: number;
  readonly excellent: number;
  /** A total at or above this but below pass is a rectifiable shortfall (整改), while rounds remain. */
  readonly rectificationFloor: number;
  readonly maxRectificationRounds: number;
}

export const DEFAULT_THRESHOLDS: CampaignThresholds = { pass: 85, excellent: 90, rectificationFloor: 70, maxRectificationRounds: 2 };

/** 检查验收至少两名检查组成员独立评分 (four eyes). */
export const MINIMUM_ASSESSORS = 2;
/** A campaign allows at most this many rounds of rectification (整改) per case. */
export const MAX_RECTIFICATION_ROUNDS = 5;

export interface IndicatorScore {
  readonly indicatorCode: string;
  /** 得分: from 0 up to the indicator's weight. */
  readonly points: number;
  /** 佐证材料: notes or links (free text). */
  readonly evidence: readonly string[];
  /** 佐证材料 as stored files: their ids in a step's command… */
  readonly documentIds?: readonly string[];
  /** …and what the recorded event keeps of them. */
  readonly documents?: readonly DocumentRef[];
}

export interface ScoreSheet {
  readonly scores: readonly IndicatorScore[];
  /** Codes of the framework's veto items found (一票否决). */
  readonly vetoes: readonly string[];
}

export function thresholdProblems(thresholds: CampaignThresholds): string[] {
  const { pass, excellent, rectificationFloor, maxRectificationRounds } = thresholds;
  const problems: string[] = [];
  if (!(rectificationFloor >= 0 && rectificationFloor <= pass)) problems.push('整改底线须在 0 与合格线之间 / rectificationFloor must be between 0 and pass');
  if (!(pass > 0 && pass <= excellent)) problems.push('合格线须大于 0 且不高于优秀线 / pass must be above 0 and at most excellent');
  if (!(excellent <= 100)) problems.push('优秀线不得高于 100 分 / excellent must be at most 100');
  if (!(Number.isInteger(maxRectificationRounds) && maxRectificationRounds >= 0 && maxRectificationRounds <= MAX_RECTIFICATION_ROUNDS)) {
    problems.push(`整改轮次须为 0 至 ${MAX_RECTIFICATION_ROUNDS} 的整数 / maxRectificationRounds must be a whole number from 0 to ${MAX_RECTIFICATION_ROUNDS}`);
  }
  return problems;
}

/**
 * Refuses a score sheet that does not fit the framework: unknown or repeated indicators, points out of
 * range, unknown veto items, and (for a self-assessment) indicators left unscored or without mandatory evidence.
 */
export function assertScoreSheet(framework: IndicatorFramework, sheet: ScoreSheet, options: { complete: boolean; evidence: boolean }): void {
  const zh: string[] = [];
  const en: string[] = [];
  const problem = (chinese: string, english: string): void => {
    zh.push(chinese);
    en.push(english);
  };
  const indicators = new Map(indicatorsOf(framework).map((indicator) => [indicator.code, indicator]));
  const seen = new Set<string>();
  for (const score of sheet.scores) {
    const code = score.indicatorCode;
    const indicator = indicators.get(code);
    if (!indicator) {
      problem(`${code} 不是本指标体系的指标`, `${code}: not an indicator of framework ${framework.category} ${framework.version}`);
      continue;
    }
    if (seen.has(code)) problem(`${code} 重复评分`, `${code}: scored more than once`);
    seen.add(code);
    if (!(score.points >= 0 && score.points <= indicator.weight)) {
      problem(`${code} 得分须在 0 到 ${indicator.weight} 之间`, `${code}: points must be from 0 to ${indicator.weight}`);
    }
    const documented = (score.documentIds?.length ?? 0) + (score.documents?.length ?? 0) > 0;
    if (options.evidence && indicator.evidenceRequired && !documented && score.evidence.every((item) => item.trim() === '')) {
      problem(`${code} 须附佐证材料`, `${code}: evidence is required`);
    }
  }
  if (options.complete) {
    const missing = [...indicators.keys()].filter((code) => !seen.has(code));
    if (missing.length) problem(`未评分的指标：${missing.join('、')}`, `indicators not scored: ${missing.join(', ')}`);
  }
  const vetoCodes = new Set(framework.vetoItems.map((item) => item.code));
  for (const veto of sheet.vetoes) {
    if (!vetoCodes.has(veto)) problem(`${veto} 不是本指标体系的否决项`, `${veto}: not a veto item of this framework`);
  }
  if (zh.length) {
    throw new CaseRuleViolation('SCORE_SHEET_INVALID', `评分表有误：${zh.join('；')}`, `The score sheet does not fit the framework: ${en.join('; ')}`);
  }
}

export function totalOf(sheet: ScoreSheet): number {
  return roundScore(sheet.scores.reduce((sum, score) => sum + score.points, 0));
}

export interface CombinedInspection {
  /** Mean of the assessors' totals (= sum of the per-indicator means). */
  readonly total: number;
  readonly assessorTotals: readonly number[];
  /** Highest minus lowest assessor total: a large spread is worth a second look. */
  readonly spread: number;
  /** Every veto item any assessor found. */
  readonly vetoes: readonly string[];
}

/** Combines independent, complete inspection sheets of at least two assessors. */
export function combineInspections(framework: IndicatorFramework, sheets: readonly ScoreSheet[]): CombinedInspection {
  if (sheets.length < MINIMUM_ASSESSORS) {
    throw new CaseRuleViolation(
      'TOO_FEW_ASSESSORS',
      `检查验收须至少 ${MINIMUM_ASSESSORS} 名检查组成员独立评分`,
      `An inspection needs independent scores from at least ${MINIMUM_ASSESSORS} assessors`,
    );
  }
  for (const sheet of sheets) assertScoreSheet(framework, sheet, { complete: true, evidence: false });
  const assessorTotals = sheets.map(totalOf);
  return {
    total: roundScore(assessorTotals.reduce((sum, total) => sum + total, 0) / assessorTotals.length),
    assessorTotals,
    spread: roundScore(Math.max(...assessorTotals) - Math.min(...assessorTotals)),
    vetoes: [...new Set(sheets.flatMap((sheet) => sheet.vetoes))].sort(),
  };
}

export type InspectionOutcomeKind = 'excellent' | 'pass' | 'rectification' | 'fail';

export interface InspectionOutcome {
  readonly kind: InspectionOutcomeKind;
  readonly total: number;
  readonly reasonZh: string;
  readonly reasonEn: string;
}

/**
 * 检查验收结论. Veto → fail; ≥ excellent → excellent; ≥ pass → pass; ≥ rectification floor with rounds
 * left → rectification; otherwise fail. `roundsUsed` counts rectification rounds already completed.
 */
export function decideInspectionOutcome(combined: CombinedInspection, thresholds: CampaignThresholds, roundsUsed: number): InspectionOutcome {
  const total = combined.total;
  if (combined.vetoes.length) {
    const vetoes = combined.vetoes.join(', ');
    return { kind: 'fail', total, reasonZh: `触发一票否决项：${vetoes}`, reasonEn: `veto item(s) found: ${vetoes}` };
  }
  if (total >= thresholds.excellent) {
    return {
      kind: 'excellent',
      total,
      reasonZh: `总分 ${total}，达到优秀线 ${thresholds.excellent}`,
      reasonEn: `total ${total} reaches excellent (${thresholds.excellent})`,
    };
  }
  if (total >= thresholds.pass) {
    return { kind: 'pass', total, reasonZh: `总分 ${total}，达到合格线 ${thresholds.pass}`, reasonEn: `total ${total} reaches pass (${thresholds.pass})` };
  }
  if (total >= thresholds.rectificationFloor && roundsUsed < thresholds.maxRectificationRounds) {
    return {
      kind: 'rectification',
      total,
      reasonZh: `总分 ${total}，低于合格线 ${thresholds.pass}，进入第 ${roundsUsed + 1} 轮整改`,
      reasonEn: `total ${total} is below pass (${thresholds.pass}): rectification round ${roundsUsed + 1}`,
    };
  }
  const why = total >= thresholds.rectificationFloor ? `整改轮次已用完（${thresholds.maxRectificationRounds}）` : `低于整改线 ${thresholds.rectificationFloor}`;
  const whyEn =
    total >= thresholds.rectificationFloor
      ? `no rectification rounds left (${thresholds.maxRectificationRounds})`
      : `below the rectification floor (${thresholds.rectificationFloor})`;
  return { kind: 'fail', total, reasonZh: `总分 ${total}，${why}`, reasonEn: `total ${total}: ${whyEn}` };
}

/** Scores are kept to two decimals so totals compare exactly. */
export function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}
