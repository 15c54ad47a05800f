import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { ApplicationFailure, Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { extensionFor, type Actor, type CaseState } from '#domain';
import {
  bulkActionWorkflowId,
  caseStateQuery,
  type BulkActionActivities,
  type BulkActionItemResult,
  type BulkActionStepInput,
  type BulkActionTotals,
} from '#contracts';
import { BulkActionStore, type BulkActionItemOutcome } from '#persistence';
import { caseStepRefusal, CommandSigner, sendCaseStep } from '#temporal';

/** How often a step that waits on its case tells Temporal it is alive (the workflow allows 30 s between). */
const HEARTBEAT_EVERY_MS = 5_000;

/**
 * 批量操作: takes a bulk action's step on one case at a time, as the administrator who started it, through the case's
 * own Update (so the case's rules judge it and its audit trail records it), and keeps each case's result.
 */
@Injectable()
export class BulkActionActivitiesService implements BulkActionActivities {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(CommandSigner) private readonly signer: CommandSigner,
    @Inject(BulkActionStore) private readonly store: BulkActionStore,
  ) {}

  pendingBulkActionCases({ bulkActionId, after, limit }: Parameters<BulkActionActivities['pendingBulkActionCases']>[0]): Promise<string[]> {
    return this.store.pendingCaseIds(bulkActionId, after, limit);
  }

  async applyBulkActionStep(input: BulkActionStepInput): Promise<BulkActionItemResult> {
    const { bulkActionId, caseId } = input;
    const item = await this.store.item(bulkActionId, caseId);
    if (item === null) throw ApplicationFailure.nonRetryable(`bulk action ${bulkActionId} has no case ${caseId}`, 'BulkActionItemUnknown');
    // Settled by an earlier attempt: nothing is sent again, nothing counted twice.
    if (item.status !== 'pending') return { caseId, status: item.status, code: item.code, message: item.message };
    const outcome = await untilCancelled(() => this.outcomeOf(input));
    return { caseId, ...(await this.store.settle(bulkActionId, caseId, outcome)) };
  }

  async recordBulkActionFailure({
    bulkActionId,
    caseId,
    message,
  }: Parameters<BulkActionActivities['recordBulkActionFailure']>[0]): Promise<BulkActionItemResult> {
    const outcome = { status: 'failed', code: 'STEP_FAILED', message: `多次重试后仍未完成：${message} / Still failing after retries: ${message}` } as const;
    return { caseId, ...(await this.store.settle(bulkActionId, caseId, outcome)) };
  }

  async completeBulkAction({ bulkActionId }: Parameters<BulkActionActivities['completeBulkAction']>[0]): Promise<BulkActionTotals> {
    const { total, succeeded, refused, failed } = await this.store.complete(bulkActionId);
    return { total, succeeded, refused, failed };
  }

  /** The case's result: its step taken, or refused by its rules. Anything transient is thrown, for Temporal to retry. */
  private async outcomeOf(input: BulkActionStepInput): Promise<BulkActionItemOutcome> {
    try {
      await this.takeStep(input);
      return { status: 'succeeded', code: null, message: null };
    } catch (error) {
      const refusal = caseStepRefusal(error);
      if (refusal) return { status: 'refused', code: refusal.code, message: refusal.message };
      // The case answered this Update with a failure of another kind: sent again, the same Update answers the same.
      if (error instanceof WorkflowUpdateFailedError) return { status: 'failed', code: 'STEP_FAILED', message: (error.cause ?? error).message };
      throw error;
    }
  }

  private async takeStep(input: BulkActionStepInput): Promise<CaseState> {
    const { bulkActionId, caseId, startedBy } = input;
    const actor: Actor = { id: startedBy.id, role: startedBy.role };
    // One Update per action and case: a retried attempt is answered by the Update already taken.
    const options = { updateId: `${bulkActionWorkflowId(bulkActionId)}:${caseId}` };
    switch (input.kind) {
      case 'extend_deadline': {
        const state = await this.temporal.workflow.getHandle(caseId).query(caseStateQuery);
        const { deadline, dueOn } = extensionFor(state, input.parameters);
        const command = { actor, deadline, dueOn, reason: input.parameters.reason, bulkActionId };
        return sendCaseStep(this.temporal, this.signer, caseId, 'extendDeadline', command, options);
      }
      case 'urge':
        return sendCaseStep(this.temporal, this.signer, caseId, 'urge', { actor, message: input.parameters.message ?? null, bulkActionId }, options);
      case 'assign_assessors': {
        const command = { actor, assessorIds: [...input.parameters.assessorIds], reason: input.parameters.reason ?? null, bulkActionId };
        return sendCaseStep(this.temporal, this.signer, caseId, 'assignAssessors', command, options);
      }
    }
  }
}

/**
 * Runs `work`, heartbeating while it waits, and gives up when the activity is cancelled (the worker shutting down): the
 * attempt then fails at once and Temporal retries it on a worker that runs, rather than waiting for a step that the
 * stopping worker will never process.
 */
async function untilCancelled<T>(work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  const heartbeat = setInterval(() => {
    context.heartbeat();
  }, HEARTBEAT_EVERY_MS);
  try {
    return await Promise.race([work(), context.cancelled]);
  } finally {
    clearInterval(heartbeat);
  }
}
