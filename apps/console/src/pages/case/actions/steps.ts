import { MINIMUM_ASSESSORS } from '@domain/indicators/scoring';
import type { Person } from '../../../session/session';
import type { CaseState } from '../CasePage';

/**
 * The steps of a case the console offers. Which are open to the person now is the api's answer (`openSteps`, judged
 * by the case rules themselves), so the console offers no button for a step the rules would refuse.
 */
export type CaseStep = Extract<
  CaseState['openSteps'][number],
  | 'submitPlan'
  | 'reviewPlan'
  | 'submitProgressReport'
  | 'declareReady'
  | 'submitSelfAssessment'
  | 'assignAssessors'
  | 'declareConflict'
  | 'submitInspectionScores'
  | 'submitRectification'
  | 'recommend'
  | 'recordJinhuaDecision'
  | 'extendDeadline'
>;

/** The order the buttons appear in: the case's own course. */
const STEP_ORDER: readonly CaseStep[] = [
  'submitPlan',
  'reviewPlan',
  'submitProgressReport',
  'declareReady',
  'submitSelfAssessment',
  'submitInspectionScores',
  'submitRectification',
  'recommend',
  'recordJinhuaDecision',
  'assignAssessors',
  'extendDeadline',
  'declareConflict',
];

/** What each step is called on its button (and the title of its form). */
export function stepTitle(step: CaseStep, state: CaseState): string {
  switch (step) {
    case 'submitPlan':
      return state.planStatus === 'returned' ? '重新提交创建方案' : '提交创建方案';
    case 'reviewPlan':
      return '审核创建方案';
    case 'submitProgressReport':
      return '提交进度报告';
    case 'declareReady':
      return '申报自评';
    case 'submitSelfAssessment':
      return '提交自评';
    case 'assignAssessors':
      return state.assessorIds.length >= MINIMUM_ASSESSORS ? '更换检查组' : '指派检查组';
    case 'declareConflict':
      return '申报回避';
    case 'submitInspectionScores':
      return '提交检查评分';
    case 'submitRectification':
      return '提交整改报告';
    case 'recommend':
      return '推荐至金华';
    case 'recordJinhuaDecision':
      return '录入认定结果';
    case 'extendDeadline':
      return '延长期限';
  }
}

/** The steps the person may take on the case now (as the api judged them), in the case's order. */
export function availableSteps(state: CaseState): CaseStep[] {
  return STEP_ORDER.filter((step) => state.openSteps.includes(step));
}

/** What the person is waiting for when they have nothing to do (or besides it), in a sentence; null when nothing. */
export function waitingOn(state: CaseState, person: Person): string | null {
  if (person.role === 'unit_contact' && state.stage === 'cultivation' && state.planStatus === 'submitted') return '创建方案已提交，等待市纪委项目办审核。';
  if (person.role === 'unit_contact' && state.stage === 'inspection') return `第 ${String(state.inspection?.round ?? 1)} 轮检查验收中，等待检查组评分。`;
  if (person.role === 'assessor' && state.stage === 'inspection' && (state.inspection?.submittedBy ?? []).includes(person.id)) {
    return `您已提交第 ${String(state.inspection?.round ?? 1)} 轮评分，等待其他检查组成员独立评分。`;
  }
  if (person.role === 'assessor' && state.stage === 'inspection' && state.assessorIds.length < MINIMUM_ASSESSORS) {
    return `检查组不足 ${String(MINIMUM_ASSESSORS)} 人，待市纪委项目办补充指派后方可评分。`;
  }
  return null;
}
