import { mean, quantile } from 'simple-statistics';
import { CATEGORY_CODES, type CategoryCode } from './categories.js';
import type { CaseEventBody } from './case-events.js';
import { evolveCase, initialCaseState, type CaseState } from './case-state.js';
import { isOverdue } from './deadlines.js';
import { CASE_STAGES, type CaseStage } from './stages.js';

/** How long one case stayed in one stage. */
export interface StageSpan {
  readonly stage: CaseStage;
  readonly enteredAt: string;
  /** null while the case is still in it. */
  readonly leftAt: string | null;
}

/** A case folded from its events (each with its occurred-at time): where it is, and the stages it went through. */
export function caseHistory(
  caseId: string,
  events: readonly { readonly body: CaseEventBody; readonly occurredAt: string }[],
): { state: CaseState | null; spans: StageSpan[] } {
  const spans: { stage: CaseStage; enteredAt: string; leftAt: string | null }[] = [];
  let state: CaseState | null = null;
  for (const { body, occurredAt } of events) {
    state = body.type === 'CaseEnrolled' ? evolveCase(initialCaseState({ caseId, ...body.payload }), body) : state && evolveCase(state, body);
    if (!state) continue;
    const current = spans.at(-1);
    if (current?.stage !== state.stage) {
      if (current) current.leftAt = occurredAt;
      spans.push({ stage: state.stage, enteredAt: occurredAt, leftAt: null });
    }
  }
  return { state, spans };
}

export interface StageDuration {
  readonly completed: number;
  readonly meanDays: number | null;
  readonly p90Days: number | null;
}

export interface CampaignStatistics {
  readonly cases: number;
  /** 各领域各阶段案件数 */
  readonly byCategory: Readonly<
    Record<
      CategoryCode,
      { readonly target: number | null; readonly total: number; readonly certified: number; readonly byStage: Readonly<Partial<Record<CaseStage, number>>> }
    >
  >;
  readonly overdue: number;
  /** Of the cases whose inspection ended (passed, or not recommended), the share that passed. */
  readonly passRate: number | null;
  /** Days spent in each stage, over the stays that have ended (p90 interpolated between ranks). */
  readonly timeInStage: Readonly<Partial<Record<CaseStage, StageDuration>>>;
}

const PASSED_STAGES: readonly CaseStage[] = ['passed', 'recommended', 'certified', 'not_certified', 'revoked'];
const DAY_MS = 86_400_000;

/** 创建活动统计 — counts against targets, overdue cases, pass rate, time in each stage. */
export function campaignStatistics(
  cases: readonly { readonly state: CaseState; readonly spans: readonly StageSpan[] }[],
  targets: Readonly<Partial<Record<CategoryCode, number>>>,
  today: string,
): CampaignStatistics {
  const byCategory = Object.fromEntries(
    CATEGORY_CODES.map((category) => {
      const ofCategory = cases.filter(({ state }) => state.category === category);
      const byStage: Partial<Record<CaseStage, number>> = {};
      for (const { state } of ofCategory) byStage[state.stage] = (byStage[state.stage] ?? 0) + 1;
      return [category, { target: targets[category] ?? null, total: ofCategory.length, certified: byStage.certified ?? 0, byStage }];
    }),
  ) as CampaignStatistics['byCategory'];
  const decided = cases.filter(({ state }) => state.stage === 'not_recommended' || PASSED_STAGES.includes(state.stage));
  const passed = decided.filter(({ state }) => PASSED_STAGES.includes(state.stage)).length;
  const timeInStage: Partial<Record<CaseStage, StageDuration>> = {};
  for (const stage of CASE_STAGES) {
    const days = cases.flatMap(({ spans }) =>
      spans
        .filter((span) => span.stage === stage && span.leftAt !== null)
        .map((span) => (Date.parse(span.leftAt ?? span.enteredAt) - Date.parse(span.enteredAt)) / DAY_MS),
    );
    if (days.length) timeInStage[stage] = { completed: days.length, meanDays: round(mean(days)), p90Days: round(quantile(days, 0.9)) };
  }
  return {
    cases: cases.length,
    byCategory,
    overdue: cases.filter(({ state }) => isOverdue(state, today)).length,
    passRate: decided.length ? round(passed / decided.length) : null,
    timeInStage,
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
