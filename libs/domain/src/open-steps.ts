import type { Actor } from './actors.js';
import { CaseRuleViolation } from './case-rule-violation.js';
import type { CaseCommands } from './case-commands.js';
import {
  CASE_STEPS,
  decideAnnualReview,
  decideAssignAssessors,
  decideDeclareConflict,
  decideDeclareReady,
  decideExtendDeadline,
  decideInspectionScores,
  decideJinhuaDecision,
  decideProgressReport,
  decideRecommend,
  decideRectification,
  decideReviewPlan,
  decideRevoke,
  decideSelfAssessment,
  decideSubmitPlan,
  decideUrge,
  decideWithdraw,
  type CaseRulesContext,
  type CaseStep,
} from './case-rules.js';
import type { CaseState } from './case-state.js';
import { DOCUMENTS_NOT_YET_CHECKED } from './documents.js';
import { DEFAULT_THRESHOLDS } from './indicators/scoring.js';

/**
 * A framework without indicators: a probe's empty score sheet passes against it, so what decides a scoring step is
 * the case and the person, not the sheet (which the form fills in).
 */
const PROBE_RULES: CaseRulesContext = {
  framework: { category: 'agency', version: 'probe', name: { zh: '', en: '' }, dimensions: [], vetoItems: [] },
  thresholds: DEFAULT_THRESHOLDS,
};

const EMPTY_SHEET = { scores: [], vetoes: [] };
const SHEET_REFUSED = 'SCORE_SHEET_INVALID';

/** Each step tried with a command that is valid in itself: what remains to refuse it is who asks and where the case is. */
const PROBES: Readonly<Record<Exclude<CaseStep, 'enroll'>, (state: CaseState, actor: Actor) => unknown>> = {
  submitPlan: (state, actor) => decideSubmitPlan(state, { actor, summary: '—', documentRefs: [] }, DOCUMENTS_NOT_YET_CHECKED),
  reviewPlan: (state, actor) => decideReviewPlan(state, { actor, approve: true }),
  submitProgressReport: (state, actor) => decideProgressReport(state, { actor, summary: '—', documentRefs: [] }, DOCUMENTS_NOT_YET_CHECKED),
  declareReady: (state, actor) => decideDeclareReady(state, { actor }),
  submitSelfAssessment: (state, actor) => decideSelfAssessment(state, { actor, sheet: EMPTY_SHEET }, PROBE_RULES, DOCUMENTS_NOT_YET_CHECKED),
  assignAssessors: (state, actor) => decideAssignAssessors(state, { actor, assessorIds: ['probe-1', 'probe-2'], reason: '—' }),
  declareConflict: (state, actor) => decideDeclareConflict(state, { actor, assessorId: actor.role === 'assessor' ? actor.id : 'probe' }),
  submitInspectionScores: (state, actor) =>
    decideInspectionScores(
      state,
      { actor, sheet: EMPTY_SHEET, findings: [] } satisfies CaseCommands['submitInspectionScores'],
      PROBE_RULES,
      DOCUMENTS_NOT_YET_CHECKED,
    ),
  submitRectification: (state, actor) => decideRectification(state, { actor, summary: '—', documentRefs: [] }, DOCUMENTS_NOT_YET_CHECKED),
  recommend: (state, actor) => decideRecommend(state, { actor }),
  recordJinhuaDecision: (state, actor) =>
    decideJinhuaDecision(state, { actor, certified: true, documentNumber: '—', certifiedOn: '2019-12-20' }, DOCUMENTS_NOT_YET_CHECKED),
  recordAnnualReview: (state, actor) => decideAnnualReview(state, { actor, year: 2020, summary: '—' }),
  revoke: (state, actor) => decideRevoke(state, { actor, reason: '—' }),
  withdraw: (state, actor) => decideWithdraw(state, { actor, reason: '—' }),
  extendDeadline: (state, actor) => decideExtendDeadline(state, { actor, deadline: 'cultivation', dueOn: '9999-12-31', reason: '—' }),
  urge: (state, actor) => decideUrge(state, { actor }),
};

/**
 * 可办理事项: the steps of a case the rules would let `actor` take now, judged by the rules themselves (each step's
 * decision tried with a command valid in itself), so a console offers no button for a step they would refuse.
 */
export function openSteps(state: CaseState, actor: Actor): CaseStep[] {
  // Most probes are refused, and a refusal here is an answer, not a failure: the stack trace each would capture is
  // most of its cost, so none is captured (a probe failing otherwise is run again with them, to throw with its stack).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return CASE_STEPS.filter((step): step is Exclude<CaseStep, 'enroll'> => step !== 'enroll').filter((step) => {
      try {
        PROBES[step](state, actor);
        return true;
      } catch (error) {
        // The probe's empty sheet may be refused once the case and the person are accepted: the form fills it in.
        if (error instanceof CaseRuleViolation) return error.code === SHEET_REFUSED;
        Error.stackTraceLimit = stackTraceLimit;
        PROBES[step](state, actor);
        throw error;
      }
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
