import { allHandlersFinished, condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  CaseRuleViolation,
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
  decideWithdraw,
  FINAL_STAGES,
  SYSTEM_ACTOR,
  type Actor,
  type CaseRulesContext,
  type CaseState,
  type Decision,
} from '#domain/for-workflows';
import { caseStateQuery, caseSteps, enrollmentRecordedUpdate, progressReportCallSignal, type CaseWorkflowInput } from '#contracts';
import { caseClock } from './case/clock.js';
import { callForProgressReport } from './case/notices.js';
import { asFailure, CaseRecorder } from './case/recorder.js';
import { remindUntilDone } from './case/reminder-loop.js';
import type { CaseWorkflowPatch } from './patches.js';

/** 示范点创建案件 — one unit's path through a campaign: the handlers of its steps, then its reminders until it ends. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const dueDatesPatch: CaseWorkflowPatch = 'due-dates-on-entry';
  const clock = caseClock(input.reminders?.clock);
  const recorder = new CaseRecorder(input, clock, patched(dueDatesPatch));

  /** One human step: the validator refuses an illegal step before anything is written; the handler records it. */
  function step<C extends { readonly actor: Actor }>(update: UpdateDefinition<CaseState, [C]>, decide: (current: CaseState, command: C) => Decision): void {
    setHandler(update, (command) => recorder.record(command.actor, (current) => decide(current, command), reasonOf(command)), {
      validator: (command: C) => {
        asFailure(() => decide(recorder.state, command));
      },
    });
  }

  function rules(): CaseRulesContext {
    if (!input.framework || !input.thresholds) {
      throw new CaseRuleViolation('NO_FRAMEWORK', '该案件没有指标体系，无法评分', 'This case has no indicator framework to score against');
    }
    return { framework: input.framework, thresholds: input.thresholds };
  }

  setHandler(caseStateQuery, () => recorder.state);
  setHandler(enrollmentRecordedUpdate, async () => {
    // Since due dates are set on entry, the enrollment is recorded once its cultivation due date is too.
    await condition(() => recorder.state.lastSequence >= 1 && !(recorder.calendarInActivities && recorder.busy));
    return recorder.state;
  });
  step(caseSteps.submitPlan, decideSubmitPlan);
  step(caseSteps.reviewPlan, decideReviewPlan);
  step(caseSteps.submitProgressReport, decideProgressReport);
  step(caseSteps.declareReady, decideDeclareReady);
  step(caseSteps.submitSelfAssessment, (current, command) => decideSelfAssessment(current, command, rules()));
  step(caseSteps.assignAssessors, decideAssignAssessors);
  step(caseSteps.declareConflict, decideDeclareConflict);
  step(caseSteps.submitInspectionScores, (current, command) => decideInspectionScores(current, command, rules()));
  step(caseSteps.submitRectification, decideRectification);
  step(caseSteps.recommend, decideRecommend);
  step(caseSteps.recordJinhuaDecision, decideJinhuaDecision);
  step(caseSteps.recordAnnualReview, decideAnnualReview);
  step(caseSteps.revoke, decideRevoke);
  step(caseSteps.withdraw, decideWithdraw);
  step(caseSteps.extendDeadline, decideExtendDeadline);
  // 每月进度报告提醒: delivered and recorded holding the steps' lock.
  setHandler(progressReportCallSignal, (call) =>
    recorder.exclusive(async () => {
      const event = await callForProgressReport(input, recorder.state, call);
      if (event) await recorder.append(SYSTEM_ACTOR, [event], null);
    }),
  );

  if (!input.resumeFrom) {
    const enrolled = { campaignId: input.campaignId, unitId: input.unitId, unitName: input.unitName, category: input.category };
    await recorder.record(input.enrolledBy, () => [{ type: 'CaseEnrolled', payload: enrolled }], null);
  }

  // A case ends with its campaign path (not recommended, not certified, revoked, withdrawn); a certified unit stays
  // under review. A long-lived case continues as a new run when Temporal suggests it, between steps.
  const finished = (): boolean => FINAL_STAGES.includes(recorder.state.stage);
  const remindersPatch: CaseWorkflowPatch = 'deadline-reminders';
  if (input.reminders && patched(remindersPatch)) {
    await remindUntilDone(input, recorder, clock, input.reminders, finished);
  }
  await condition(() => (finished() || workflowInfo().continueAsNewSuggested) && allHandlersFinished());
  if (!finished()) {
    await continueAsNew<typeof caseWorkflow>({ ...input, resumeFrom: recorder.state });
  }
  return recorder.state;
}

function reasonOf(command: object): string | null {
  const reason = 'reason' in command && typeof command.reason === 'string' ? command.reason.trim() : '';
  return reason === '' ? null : reason;
}
