import type { BulkActionItemStatus, BulkActionRequest } from '#domain';
import type { ActorRole } from '#domain/for-workflows';

/**
 * 批量操作 / Bulk actions: one case step over many cases, as a workflow (`bulk-action:<id>`). The api freezes the
 * selection as the action's items (one row per case, pending) when the office confirms it, then starts the workflow;
 * the workflow takes the step on each pending case through an activity and the activity records each case's result
 * there, so the office reads the results from the app database whether or not a worker runs.
 */
export const BULK_ACTION_WORKFLOW_TYPE = 'bulkActionWorkflow';

export function bulkActionWorkflowId(bulkActionId: string): string {
  return `bulk-action:${bulkActionId}`;
}

/** Who started the action: each case's step is taken as them (id and role), and the list names them. */
export interface BulkActionStarter {
  readonly id: string;
  readonly role: ActorRole;
  readonly name: string | null;
}

/** The workflow's input: the action's kind and parameters and who started it; the cases are its items (see above). */
export type BulkActionWorkflowInput = BulkActionRequest & {
  readonly bulkActionId: string;
  readonly startedBy: BulkActionStarter;
  /** ISO instant. */
  readonly startedAt: string;
  /** Set when a run continues as new: every case up to this one (in case id order) has its result. */
  readonly after?: string;
};

/** One case of an action: the step to take on it, as the starting administrator. */
export type BulkActionStepInput = BulkActionWorkflowInput & { readonly caseId: string };

/** What became of one case. */
export interface BulkActionItemResult {
  readonly caseId: string;
  readonly status: Exclude<BulkActionItemStatus, 'pending'>;
  /** The refusal's code (a case rule's, e.g. NOT_LATER or CASE_CLOSED) or the failure's. */
  readonly code: string | null;
  /** Why, in Chinese and English. */
  readonly message: string | null;
}

export interface BulkActionTotals {
  readonly total: number;
  readonly succeeded: number;
  readonly refused: number;
  readonly failed: number;
}

/** The bulk-action activities; implemented by a Nest provider in the worker. */
export interface BulkActionActivities {
  /** The next cases of the action still pending, in case id order, after `after` (from the first when null). */
  pendingBulkActionCases(input: { readonly bulkActionId: string; readonly after: string | null; readonly limit: number }): Promise<string[]>;
  /**
   * Takes the action's step on one case as the starting administrator (a Temporal Update on the case) and records its
   * result. A case's refusal is its result (never retried); anything transient throws, for Temporal to retry. Idempotent:
   * a case that has its result is not touched again, and the Update's id is derived from the action and the case.
   */
  applyBulkActionStep(input: BulkActionStepInput): Promise<BulkActionItemResult>;
  /** Records a case whose step kept failing until its retries were spent. */
  recordBulkActionFailure(input: { readonly bulkActionId: string; readonly caseId: string; readonly message: string }): Promise<BulkActionItemResult>;
  /** Marks the action completed: every case has its result. */
  completeBulkAction(input: { readonly bulkActionId: string }): Promise<BulkActionTotals>;
}
