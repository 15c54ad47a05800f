/** The failure type of a checkpoint the writer refused to sign (the trail contradicts the last checkpoint): not retried. */
export const AUDIT_CHECKPOINT_REFUSED = 'AuditCheckpointRefused';

/** A checkpoint as written: its number, time, root and counts, the key that signed it, and where it went. */
export interface AuditCheckpointWritten {
  readonly number: number;
  readonly createdAt: string;
  readonly root: string;
  readonly cases: number;
  readonly events: number;
  readonly accountEvents: number;
  readonly keyId: string;
  readonly stores: readonly string[];
}

/** The activity the checkpoint schedule's workflow runs, served by the case worker. */
export interface AuditCheckpointActivities {
  writeAuditCheckpoint(): Promise<AuditCheckpointWritten>;
}
