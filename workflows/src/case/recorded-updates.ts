import { currentUpdateInfo } from '@temporalio/workflow';

/** How many recorded Updates a case remembers across runs: far more than a caller retries in the meantime. */
export const RECORDED_UPDATES_KEPT = 100;

/**
 * The ids of the Updates whose steps this case recorded, carried from run to run. Temporal recognises a repeated
 * update id within one run only; a caller that retries (the same `Idempotency-Key`, so the same id) after the case
 * continued as a new run is answered from the state here, and nothing is recorded twice.
 */
export class RecordedUpdates {
  private readonly ids: string[];

  constructor(carried: readonly string[] = []) {
    this.ids = [...carried];
  }

  /** Whether the Update being validated or handled now was recorded already, in an earlier run. */
  get isRepeat(): boolean {
    const id = currentUpdateInfo()?.id;
    return id !== undefined && this.ids.includes(id);
  }

  /** Remembers the Update being handled now as recorded. */
  rememberCurrent(): void {
    const id = currentUpdateInfo()?.id;
    if (id !== undefined) this.ids.push(id);
  }

  /** The ids the next run carries: the latest ones. */
  carried(): string[] {
    return this.ids.slice(-RECORDED_UPDATES_KEPT);
  }
}
