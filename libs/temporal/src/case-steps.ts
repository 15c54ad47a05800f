import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { CASE_STAGE_NAMES, CaseRuleViolation, notFound, type BilingualError, type CaseState, type Signed } from '#domain';
import { CASE_RULE_VIOLATION, caseStateQuery, caseSteps, type CaseRuleViolationDetails, type CaseStepName } from '#contracts';
import type { CommandSigner } from './command-signer.js';

/** What a step of the case carries (its Update's argument), before it is signed. */
export type CaseStepCommand<N extends CaseStepName> = (typeof caseSteps)[N] extends UpdateDefinition<CaseState, [Signed<infer C>]> ? C : never;

/**
 * Sends one step to a case as an Update, signed for this case, step and Update id, and answers the case's new state
 * once the step is recorded; the case's rules refuse it (409/403) before anything is written. `updateId` makes a
 * repeated send of the same step (a retried activity) the same Update.
 */
export async function sendCaseStep<N extends CaseStepName>(
  client: Client,
  signer: CommandSigner,
  caseId: string,
  name: N,
  command: CaseStepCommand<N>,
  options: { readonly updateId?: string } = {},
): Promise<CaseState> {
  const update = caseSteps[name] as unknown as UpdateDefinition<CaseState, [Signed<CaseStepCommand<N>>]>;
  const handle = client.workflow.getHandle(caseId);
  const updateId = options.updateId ?? randomUUID();
  try {
    return await handle.executeUpdate(update, { args: [signer.sign(caseId, update.name, updateId, command)], updateId });
  } catch (error) {
    // A case whose path has ended has no running workflow to take steps; say so rather than "not found".
    if (error instanceof WorkflowNotFoundError && (await handle.describe()).status.name !== 'RUNNING') {
      const stage = CASE_STAGE_NAMES[(await handle.query(caseStateQuery)).stage];
      throw new CaseRuleViolation('CASE_CLOSED', `案件已结束（${stage.zh}），不能再操作`, `The case is closed (${stage.en}); no further steps`);
    }
    throw error;
  }
}

/**
 * The refusal an error of a case step stands for: a case rule the workflow's validator or handler applied, a rule
 * checked before sending (CaseRuleViolation), or a case that does not exist. Null for anything else (a fault, or the
 * engine out of reach).
 */
export function caseStepRefusal(error: unknown): BilingualError | null {
  if (error instanceof CaseRuleViolation) return error;
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === CASE_RULE_VIOLATION) {
    const details = error.cause.details?.[0] as CaseRuleViolationDetails | undefined;
    if (details) return new CaseRuleViolation(details.code, details.messageZh, details.messageEn, details.fields ?? []);
  }
  if (error instanceof WorkflowNotFoundError) return notFound('案件', 'Case', error.workflowId, 'CASE_NOT_FOUND');
  return null;
}
