import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { caseStateQuery } from '#contracts';

/** Longest wait for one case's answer (a closed case is replayed by a worker to answer). */
const QUERY_TIMEOUT_MS = 15_000;

/**
 * Asks a case's workflow (workflow id = case id) for the last sequence it knows, for the audit verification to compare
 * with the chain: null when the case has no workflow. Anything else (Temporal out of reach, no worker) rejects.
 */
export function workflowLastSequence(client: Client): (caseId: string) => Promise<number | null> {
  return async (caseId) => {
    try {
      const state = await client.withDeadline(Date.now() + QUERY_TIMEOUT_MS, () => client.workflow.getHandle(caseId).query(caseStateQuery));
      return state.lastSequence;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  };
}
