import { allHandlersFinished, condition, continueAsNew, patched, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
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
  decideUrge,
  decideWithdraw,
  documentMentionsOf,
  DOCUMENTS_NOT_YET_CHECKED,
  FINAL_STAGES,
  recordedReason,
  SYSTEM_ACTOR,
  type Actor,
  type CaseRulesContext,
  type CommandProof,
  type CaseState,
  type Decision,
  type DocumentResolver,
  type Signed,
  type UrgeCommand,
} from '#domain/for-workflows';
import { caseStateQuery, caseSteps, enrollmentRecordedUpdate, progressReportCallSignal, type CaseWorkflowInput } from '#contracts';
import { caseClock } from './case/clock.js';
import { checkCommandProof } from './case/command-proof.js';
import { findStepDocuments, NO_DOCUMENTS } from './case/documents.js';
import { callForProgressReport, urge } from './case/notices.js';
import { asFailure, CaseRecorder } from './case/recorder.js';
import { RecordedUpdates } from './case/recorded-updates.js';
import { remindUntilDone } from './case/reminder-loop.js';
import type { CaseWorkflowPatch } from './patches.js';

/** 示范点创建案件 — one unit's path through a campaign: the handlers of its steps, then its reminders until it ends. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const dueDatesPatch: CaseWorkflowPatch = 'due-dates-on-entry';
  const clock = caseClock(input.reminders?.clock);
  const recorder = new CaseRecorder(input, clock, patched(dueDatesPatch));
  const recordedUpdates = new RecordedUpdates(input.recordedUpdateIds);

  /**
   * One human step: the validator refuses an illegal step before anything is written; the handler finds the documents
   * it names (refusing, still before writing, any not uploaded to this case or whose bytes are gone) and records it.
   */
  function step<C extends { readonly actor: Actor; readonly proof?: CommandProof }>(
    update: UpdateDefinition<CaseState, [C]>,
    decide: (current: CaseState, command: C, documents: DocumentResolver) => Decision,
  ): void {
    setHandler(
      update,
      (command) => {
        if (recordedUpdates.isRepeat) return Promise.resolve(recorder.state);
        const record = async (documents: DocumentResolver): Promise<CaseState> => {
          const state = await recorder.record(command.actor, (current) => decide(current, command, documents), reasonOf(command));
          recordedUpdates.rememberCurrent();
          return state;
        };
        const mentions = documentMentionsOf(command);
        // A step naming no document is recorded at once, as before documents were named by id: its history replays unchanged.
        return mentions.length === 0 ? record(NO_DOCUMENTS) : findStepDocuments(input, mentions).then(record);
      },
      {
        validator: (command: C) => {
          asFailure(() => {
            checkCommandProof(update.name, command);
            if (!recordedUpdates.isRepeat) decide(recorder.state, command, DOCUMENTS_NOT_YET_CHECKED);
          });
        },
      },
    );
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
  step(caseSteps.submitSelfAssessment, (current, command, documents) => decideSelfAssessment(current, command, rules(), documents));
  step(caseSteps.assignAssessors, decideAssignAssessors);
  step(caseSteps.declareConflict, decideDeclareConflict);
  step(caseSteps.submitInspectionScores, (current, command, documents) => decideInspectionScores(current, command, rules(), documents));
  step(caseSteps.submitRectification, decideRectification);
  step(caseSteps.recommend, decideRecommend);
  step(caseSteps.recordJinhuaDecision, decideJinhuaDecision);
  step(caseSteps.recordAnnualReview, decideAnnualReview);
  step(caseSteps.revoke, decideRevoke);
  step(caseSteps.withdraw, decideWithdraw);
  step(caseSteps.extendDeadline, decideExtendDeadline);
  // 催办: decided again holding the lock, delivered to the unit under a key of its own, then recorded as the administrator's.
  setHandler(
    caseSteps.urge,
    (command) =>
      recordedUpdates.isRepeat
        ? Promise.resolve(recorder.state)
        : recorder.exclusive(async () => {
            const decision = asFailure(() => decideUrge(recorder.state, command));
            const event = await urge(input, recorder.state, decision, uuid4());
            const state = await recorder.append(command.actor, [event], reasonOf(command));
            recordedUpdates.rememberCurrent();
            return state;
          }),
    {
      validator: (command: Signed<UrgeCommand>) => {
        asFailure(() => {
          checkCommandProof(caseSteps.urge.name, command);
          if (!recordedUpdates.isRepeat) decideUrge(recorder.state, command);
        });
      },
    },
  );
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
    await continueAsNew<typeof caseWorkflow>({ ...input, resumeFrom: recorder.state, recordedUpdateIds: recordedUpdates.carried() });
  }
  return recorder.state;
}

/** The reason the step's event records: the command's own, and the bulk action it is part of (批量操作). */
function reasonOf(command: object): string | null {
  const reason = 'reason' in command && typeof command.reason === 'string' ? command.reason : null;
  const bulkActionId = 'bulkActionId' in command && typeof command.bulkActionId === 'string' ? command.bulkActionId : undefined;
  return recordedReason(reason, bulkActionId);
}
