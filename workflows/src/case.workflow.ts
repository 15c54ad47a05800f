import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import {
  CaseRuleViolation,
  decideSubmitPlan,
  evolveCase,
  initialCaseState,
  type Actor,
  type CaseState,
  type Decision,
} from '#domain';
import {
  CASE_RULE_VIOLATION,
  caseStateQuery,
  enrollmentRecordedUpdate,
  CaseSearchAttributes,
  submitPlanUpdate,
  type CaseActivities,
  type CaseRuleViolationDetails,
  type CaseWorkflowInput,
  type SubmitPlanInput,
} from '#contracts';

const { appendCaseEvent } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** 示范点创建案件 — one unit's path through a campaign. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  let state = initialCaseState(input);
  // Steps are recorded one at a time, in the order they were accepted.
  const recording = new Mutex();

  function record(actor: Actor, decide: (current: CaseState) => Decision): Promise<CaseState> {
    return recording.runExclusive(async () => {
      // The validator checked against the state at acceptance; decide again now that earlier steps are recorded.
      const events = asFailure(() => decide(state));
      const previousStage = state.stage;
      for (const event of events) {
        await appendCaseEvent({
          eventId: uuid4(),
          caseId: input.caseId,
          sequence: state.lastSequence + 1,
          event,
          actor,
          reason: null,
          occurredAt: new Date().toISOString(),
          frameworkVersion: null,
        });
        state = evolveCase(state, event);
      }
      if (state.stage !== previousStage) {
        upsertSearchAttributes([{ key: CaseSearchAttributes.stage, value: state.stage }]);
      }
      return state;
    });
  }

  setHandler(caseStateQuery, () => state);
  setHandler(enrollmentRecordedUpdate, async () => {
    await condition(() => state.lastSequence >= 1);
    return state;
  });
  setHandler(submitPlanUpdate, (command) => record(command.actor, (current) => decideSubmitPlan(current, command)), {
    validator: (command: SubmitPlanInput) => {
      asFailure(() => decideSubmitPlan(state, command));
    },
  });

  await record(input.enrolledBy, () => [
    {
      type: 'CaseEnrolled',
      payload: { campaignId: input.campaignId, unitId: input.unitId, unitName: input.unitName, category: input.category },
    },
  ]);

  await condition(() => false);
  return state;
}

/** Runs a domain decision; a rule violation becomes a non-retryable failure the caller can read. */
function asFailure<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof CaseRuleViolation) {
      const details: CaseRuleViolationDetails = { code: error.code, messageZh: error.messageZh, messageEn: error.messageEn };
      throw ApplicationFailure.create({ type: CASE_RULE_VIOLATION, message: error.message, details: [details], nonRetryable: true });
    }
    throw error;
  }
}
