import { ActivityFailure, ApplicationFailure, continueAsNew, isCancellation, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { BulkActionActivities, BulkActionTotals, BulkActionWorkflowInput } from '#contracts';

// A case's step: an Update on the case, which answers once its event is recorded (an urge holds while its notice is
// delivered). The activity heartbeats while it waits, so a worker that dies mid-step is noticed within the heartbeat.
const { applyBulkActionStep } = proxyActivities<BulkActionActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});
// Bookkeeping in the app database: retried until it goes through.
const bookkeeping = proxyActivities<BulkActionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Cases stepped at once: enough to keep a worker busy, few enough to leave the case workflows room for people's steps. */
const PARALLEL_STEPS = 4;
/** Pending cases read at a time. */
const PAGE_SIZE = 100;

/**
 * 批量操作 — one step over a selection of cases, taken on each as the administrator who started it. The cases are
 * the action's pending items, read page by page in case id order; each is stepped by an activity that records its
 * result. Between pages, a long run continues as new from the last case handled, so its history stays small however
 * many cases it takes.
 */
export async function bulkActionWorkflow(input: BulkActionWorkflowInput): Promise<BulkActionTotals> {
  const { bulkActionId } = input;
  let after = input.after ?? null;
  for (;;) {
    const caseIds = await bookkeeping.pendingBulkActionCases({ bulkActionId, after, limit: PAGE_SIZE });
    if (caseIds.length === 0) break;
    await eachAtMost(PARALLEL_STEPS, caseIds, async (caseId) => {
      try {
        await applyBulkActionStep({ ...input, caseId });
      } catch (error) {
        if (isCancellation(error)) throw error;
        // Its retries spent: the case's result is a failure, and the others go on.
        await bookkeeping.recordBulkActionFailure({ bulkActionId, caseId, message: failureMessage(error) });
      }
    });
    after = caseIds[caseIds.length - 1] ?? after;
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof bulkActionWorkflow>({ ...input, after: after ?? undefined });
  }
  return bookkeeping.completeBulkAction({ bulkActionId });
}

/** Runs `work` on every item, at most `limit` at a time (each lane takes the next item as it finishes one). */
async function eachAtMost<T>(limit: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function failureMessage(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure || cause instanceof Error) return cause.message;
  return String(cause);
}
