import { proxyActivities } from '@temporalio/workflow';
import type { AuditCheckpointActivities, AuditCheckpointWritten } from '#contracts';

// A refusal (the trail contradicts the last checkpoint) is not retried: it fails the run, for the schedule to show.
const { writeAuditCheckpoint } = proxyActivities<AuditCheckpointActivities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

/** 审计检查点 — run by the daily schedule: the worker signs every chain's head and writes it outside the database. */
export async function auditCheckpointWorkflow(): Promise<AuditCheckpointWritten> {
  return writeAuditCheckpoint();
}
