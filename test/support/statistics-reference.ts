import { mean, quantile } from 'simple-statistics';
import {
  CASE_STAGES,
  CATEGORY_CODES,
  evolveCase,
  initialCaseState,
  isOverdue,
  type CampaignStatistics,
  type CaseEventBody,
  type CaseStage,
  type CaseState,
  type CategoryCode,
  type StageDuration,
} from '#domain';

/**
 * The campaign statistics as the api computed them before the stage projection: every event of every case folded on
 * each request. Kept as the reference the projection's figures must equal on the same events.
 */

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

const PASSED_STAGES: readonly CaseStage[] = ['passed', 'recommended', 'certified', 'not_certified', 'revoked'];
const DAY_MS = 86_400_000;

/** 创建活动统计 — counts against targets, overdue cases, pass rate, time in each stage. */
export function foldedCampaignStatistics(
  cases: readonly { readonly state: CaseState; readonly spans: readonly StageSpan[] }[],
  targets: Readonly<Partial<Record<CategoryCode, number>>>,
  today: string,
): CampaignStatistics & { readonly overdue: number } {
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
