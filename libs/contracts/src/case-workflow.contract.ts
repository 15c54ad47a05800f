import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  Actor,
  CampaignThresholds,
  FieldProblem,
  CaseCommandName,
  CaseCommands,
  CaseState,
  CaseStep,
  CategoryCode,
  IndicatorFramework,
  ReminderPolicy,
  Signed,
  StageDurations,
} from '#domain/for-workflows';

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
  /** The campaign's framework for this category and its thresholds, fixed at enrollment (absent on the earliest cases). */
  readonly framework?: IndicatorFramework;
  readonly thresholds?: CampaignThresholds;
  /** Set when the case continues as a new run: the state it had reached (the enrollment is not recorded again). */
  readonly resumeFrom?: CaseState;
  /** Set when the case continues as a new run: the ids of the Updates it recorded lately, so a retry of one records nothing. */
  readonly recordedUpdateIds?: readonly string[];
  /** 提醒: the campaign's reminder policy, fixed at enrollment (absent on cases enrolled before reminders). */
  readonly reminders?: CaseReminderSettings;
  /** 期限: the campaign's stage durations, fixed at enrollment; each stage entered gets its due date from them (absent on earlier cases). */
  readonly stageDurations?: StageDurations;
}

export interface CaseReminderSettings {
  readonly policy: ReminderPolicy;
  /** A compressed clock for demonstrations and tests; absent: real time. */
  readonly clock?: CaseClock;
}

/**
 * 模拟时钟: `secondsPerDay` real seconds make one day of the case's calendar, counted from `simulatedAnchor`
 * (the case's "now" when the real time was `realAnchor`). Both anchors are ISO instants.
 */
export interface CaseClock {
  readonly realAnchor: string;
  readonly simulatedAnchor: string;
  readonly secondsPerDay: number;
}

/** Answers once the enrollment is in the audit trail; the api starts the case with it (update-with-start). */
export const enrollmentRecordedUpdate = defineUpdate<CaseState>('enrollmentRecorded');

/** One human step: an Update named after the step, carrying its signed command, answering the new state. */
function stepUpdate<N extends CaseCommandName>(name: N): UpdateDefinition<CaseState, [Signed<CaseCommands[N]>], N> {
  return defineUpdate<CaseState, [Signed<CaseCommands[N]>], N>(name);
}

/** Every human step of a case, each an Update whose validator refuses an illegal step before anything is written. */
export const caseSteps = {
  submitPlan: stepUpdate('submitPlan'),
  reviewPlan: stepUpdate('reviewPlan'),
  submitProgressReport: stepUpdate('submitProgressReport'),
  declareReady: stepUpdate('declareReady'),
  submitSelfAssessment: stepUpdate('submitSelfAssessment'),
  assignAssessors: stepUpdate('assignAssessors'),
  declareConflict: stepUpdate('declareConflict'),
  submitInspectionScores: stepUpdate('submitInspectionScores'),
  submitRectification: stepUpdate('submitRectification'),
  recommend: stepUpdate('recommend'),
  recordJinhuaDecision: stepUpdate('recordJinhuaDecision'),
  recordAnnualReview: stepUpdate('recordAnnualReview'),
  revoke: stepUpdate('revoke'),
  withdraw: stepUpdate('withdraw'),
  extendDeadline: stepUpdate('extendDeadline'),
  urge: stepUpdate('urge'),
} as const satisfies { readonly [N in CaseCommandName]: UpdateDefinition<CaseState, [Signed<CaseCommands[N]>], N> } & Record<
  Exclude<CaseStep, 'enroll'>,
  unknown
>;

export type CaseStepName = keyof typeof caseSteps;

/**
 * Where the worker writes the public key that checks commands' signatures into the workflow code it loads (the
 * literal appears once in a bundle; the workflows read it through this constant). Left as it is, every step is refused.
 */
export const COMMAND_VERIFY_KEY_SLOT = '__QINGLIAN_COMMAND_VERIFY_KEY_SLOT__';
export const caseStateQuery = defineQuery<CaseState>('caseState');

/** 每月进度报告提醒, sent by the monthly schedule: a case in cultivation calls its unit and records the call. */
export interface ProgressReportCall {
  /** YYYY-MM (Asia/Shanghai). */
  readonly month: string;
  /** Reports are due by the month's last day. */
  readonly dueOn: string;
}
export const progressReportCallSignal = defineSignal<[ProgressReportCall]>('progressReportCall');

/** ApplicationFailure type of a step the case rules refused; details[0] is a CaseRuleViolationDetails. */
export const CASE_RULE_VIOLATION = 'CaseRuleViolation';

export interface CaseRuleViolationDetails {
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  /** The request fields refused, when the rule concerns some (the documents a step names). */
  readonly fields?: readonly FieldProblem[];
}
