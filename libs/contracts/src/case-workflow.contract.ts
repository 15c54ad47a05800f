import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, CaseState, CategoryCode } from '#domain';

export const DEFAULT_TASK_QUEUE = 'qinglian-cases';
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/** One case per unit per campaign: the workflow id is derived from both, so enrolling twice is refused. */
export function caseWorkflowId(campaignId: string, unitId: string): string {
  return `case:${campaignId}:${unitId}`;
}

export interface CaseWorkflowInput {
  readonly caseId: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly category: CategoryCode;
  readonly enrolledBy: Actor;
}

export interface SubmitPlanInput {
  readonly actor: Actor;
  readonly summary: string;
  readonly documentRefs: readonly string[];
}

/** Answers once the enrollment is in the audit trail; the api starts the case with it (update-with-start). */
export const enrollmentRecordedUpdate = defineUpdate<CaseState>('enrollmentRecorded');
export const submitPlanUpdate = defineUpdate<CaseState, [SubmitPlanInput]>('submitPlan');
export const caseStateQuery = defineQuery<CaseState>('caseState');

/** ApplicationFailure type of a step the case rules refused; details[0] is a CaseRuleViolationDetails. */
export const CASE_RULE_VIOLATION = 'CaseRuleViolation';

export interface CaseRuleViolationDetails {
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
}
