import type { Actor } from './actors.js';
import { CaseRuleViolation } from './case-rule-violation.js';
import type { CaseEventBody } from './case-events.js';
import type { CaseState } from './case-state.js';
import { CASE_STAGE_NAMES } from './stages.js';

export interface SubmitPlanCommand {
  readonly actor: Actor;
  readonly summary: string;
  readonly documentRefs: readonly string[];
}

/** 提交创建方案: a unit contact submits the creation plan during cultivation. */
export function decideSubmitPlan(state: CaseState, command: SubmitPlanCommand): CaseEventBody {
  if (command.actor.role !== 'unit_contact') {
    throw new CaseRuleViolation(
      'ROLE_NOT_ALLOWED',
      '只有示范点联络人可以提交创建方案',
      'Only the unit contact may submit the creation plan',
    );
  }
  if (state.stage !== 'cultivation') {
    const stage = CASE_STAGE_NAMES[state.stage];
    throw new CaseRuleViolation(
      'WRONG_STAGE',
      `当前阶段为「${stage.zh}」，只有培育阶段可以提交创建方案`,
      `The case is in stage "${stage.en}"; a creation plan can only be submitted during cultivation`,
    );
  }
  if (state.planStatus === 'submitted' || state.planStatus === 'approved') {
    throw new CaseRuleViolation(
      'PLAN_ALREADY_SUBMITTED',
      '创建方案已提交，等待审核或已通过，不能重复提交',
      'The creation plan is already submitted or approved; it cannot be submitted again',
    );
  }
  const summary = command.summary.trim();
  if (summary.length === 0) {
    throw new CaseRuleViolation('PLAN_SUMMARY_EMPTY', '创建方案内容不能为空', 'The creation plan summary must not be empty');
  }
  return { type: 'PlanSubmitted', payload: { summary, documentRefs: [...command.documentRefs] } };
}

/** 确定培育对象: only the program office enrolls units in a campaign. */
export function decideEnrollment(actor: Actor): void {
  if (actor.role !== 'administrator') {
    throw new CaseRuleViolation('ROLE_NOT_ALLOWED', '只有市纪委管理员可以确定培育对象', 'Only a program-office administrator may enroll units');
  }
}
