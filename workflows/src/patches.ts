/**
 * Changes to the case workflow that alter its commands, oldest first. Each is guarded by `patched(id)` so that
 * cases started earlier replay as they ran; recorded histories are kept per patch level (test/fixtures/histories).
 */
export const CASE_WORKFLOW_PATCHES = [
  /** An append runs as a local activity in the worker running the step, not as an activity task on the queue. */
  'append-as-local-activity',
  /** Durable timers for the reminders of the current stage's due date (only on cases enrolled with a reminder policy). */
  'deadline-reminders',
  /**
   * A stage entered gets its due date (DeadlineSet, or DeadlinePending beyond the working-day calendar); due dates and
   * reminder times are worked out by local activities, so a newer calendar never changes a replayed history.
   */
  'due-dates-on-entry',
  /** A step's events and the due date of the stage they enter are appended by one local activity, in one transaction. */
  'one-append-a-step',
] as const;

export type CaseWorkflowPatch = (typeof CASE_WORKFLOW_PATCHES)[number];

/** The patch level new cases start at: where newly recorded histories are filed. */
export const CURRENT_PATCH_LEVEL: CaseWorkflowPatch = CASE_WORKFLOW_PATCHES[CASE_WORKFLOW_PATCHES.length - 1] ?? 'one-append-a-step';
