import { ApplicationFailure, patched, proxyActivities, proxyLocalActivities, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import {
  CaseRuleViolation,
  currentDueOn,
  deadlineOpenedBy,
  evolveCase,
  initialCaseState,
  shanghaiDate,
  SYSTEM_ACTOR,
  type Actor,
  type CaseEventBody,
  type CaseState,
  type Decision,
} from '#domain/for-workflows';
import {
  CASE_RULE_VIOLATION,
  CaseSearchAttributes,
  type CaseActivities,
  type CaseRuleViolationDetails,
  type CaseWorkflowInput,
  type DeadlineActivities,
  type PlanDeadlineInput,
} from '#contracts';
import type { CaseClock } from './clock.js';
import type { CaseWorkflowPatch } from '../patches.js';

const APPEND_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
} as const;
const taskQueueAppend = proxyActivities<CaseActivities>(APPEND_OPTIONS);
const localAppend = proxyLocalActivities<CaseActivities>(APPEND_OPTIONS);

// Due dates and reminder times come from the working-day calendar, whose data changes between releases: they are
// worked out in the worker and kept in the history (see DeadlineActivities).
export const planning = proxyLocalActivities<DeadlineActivities>({ startToCloseTimeout: '10 seconds', retry: { maximumInterval: '10 seconds' } });

/** A local append saves the activity task's round trip through the server on every step. */
function appendCaseEvent(input: Parameters<CaseActivities['appendCaseEvent']>[0]): ReturnType<CaseActivities['appendCaseEvent']> {
  const patch: CaseWorkflowPatch = 'append-as-local-activity';
  return (patched(patch) ? localAppend : taskQueueAppend).appendCaseEvent(input);
}

/**
 * The case's state and the one way it changes: events appended to the audit trail one at a time, in the order they
 * were accepted (a lock every writer holds), each followed by what it implies (the due date of a stage entered, the
 * search attributes).
 */
export class CaseRecorder {
  private current: CaseState;
  private readonly lock = new Mutex();

  constructor(
    private readonly input: CaseWorkflowInput,
    private readonly clock: CaseClock,
    /** Patch `due-dates-on-entry`: due dates are set on entering a stage, by a local activity. */
    readonly calendarInActivities: boolean,
  ) {
    this.current = input.resumeFrom ?? initialCaseState(input);
  }

  get state(): CaseState {
    return this.current;
  }

  /** Whether a writer holds the lock. */
  get busy(): boolean {
    return this.lock.isLocked();
  }

  /** Runs `work` holding the lock: nothing else is recorded meanwhile. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.runExclusive(work);
  }

  /** One step: decided again against the state now that earlier steps are recorded (the validator saw an older one). */
  record(actor: Actor, decide: (current: CaseState) => Decision, reason: string | null): Promise<CaseState> {
    return this.exclusive(() =>
      this.append(
        actor,
        asFailure(() => decide(this.current)),
        reason,
      ),
    );
  }

  /** Appends events in order and follows them with the search attributes; only ever called holding the lock. */
  async append(actor: Actor, events: Decision, reason: string | null): Promise<CaseState> {
    const before = this.current;
    const previousDueOn = currentDueOn(before);
    const oneAppend: CaseWorkflowPatch = 'one-append-a-step';
    if (patched(oneAppend)) {
      await this.appendStep(actor, events, reason);
    } else {
      for (const event of events) await this.appendOne(actor, event, reason);
      // 设定期限: a stage entered gets its due date with the step that entered it.
      const entry = this.deadlineEntered(before, this.current);
      if (entry) await this.appendOne(SYSTEM_ACTOR, await planning.planDeadline(entry), null);
    }
    if (this.current.stage !== before.stage) {
      upsertSearchAttributes([{ key: CaseSearchAttributes.stage, value: this.current.stage }]);
    }
    const dueOn = currentDueOn(this.current);
    if (dueOn !== previousDueOn) {
      // Search attributes carry the due date of the current stage only (no personal data).
      upsertSearchAttributes([{ key: CaseSearchAttributes.nextDueAt, value: dueOn === undefined ? null : new Date(`${dueOn}T00:00:00+08:00`) }]);
    }
    return this.current;
  }

  /** The step's events and the due date of the stage they enter, in one local activity (one transaction). */
  private async appendStep(actor: Actor, events: Decision, reason: string | null): Promise<void> {
    if (!events.length) return;
    const decided = events.reduce(evolveCase, this.current);
    const entry = this.deadlineEntered(this.current, decided);
    const recorded = await localAppend.appendCaseStep({
      caseId: this.input.caseId,
      firstSequence: this.current.lastSequence + 1,
      events: events.map((event) => ({ eventId: uuid4(), event, actor: actorOf(event, actor), reason })),
      deadline: entry ? { eventId: uuid4(), entry } : null,
      occurredAt: new Date().toISOString(),
      frameworkVersion: this.input.framework?.version ?? null,
    });
    // The due date as the worker's calendar worked it out (or as first written, on a retry).
    const planned = entry ? recorded[events.length] : undefined;
    this.current = planned ? evolveCase(decided, { type: planned.type, payload: planned.payload } as CaseEventBody) : decided;
  }

  /** 设定期限: the stage entered between `before` and `after` that gets a due date, with what it is worked out from. */
  private deadlineEntered(before: CaseState, after: CaseState): PlanDeadlineInput | undefined {
    const opened = this.calendarInActivities ? deadlineOpenedBy(before, after) : undefined;
    if (!opened || !this.input.stageDurations) return undefined;
    return { deadline: opened, enteredOn: shanghaiDate(this.clock.now()), duration: this.input.stageDurations[opened] };
  }

  private async appendOne(actor: Actor, event: CaseEventBody, reason: string | null): Promise<void> {
    await appendCaseEvent({
      eventId: uuid4(),
      caseId: this.input.caseId,
      sequence: this.current.lastSequence + 1,
      event,
      actor: actorOf(event, actor),
      reason,
      occurredAt: new Date().toISOString(),
      frameworkVersion: this.input.framework?.version ?? null,
    });
    this.current = evolveCase(this.current, event);
  }
}

/** An inspection's conclusion is the rules' decision, not the last assessor's. */
function actorOf(event: CaseEventBody, stepActor: Actor): Actor {
  return event.type === 'InspectionConcluded' ? SYSTEM_ACTOR : stepActor;
}

/** Runs a domain decision; a rule violation becomes a non-retryable failure the caller can read. */
export function asFailure<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof CaseRuleViolation) {
      const details: CaseRuleViolationDetails = {
        code: error.code,
        messageZh: error.messageZh,
        messageEn: error.messageEn,
        ...(error.fields.length ? { fields: error.fields } : {}),
      };
      throw ApplicationFailure.create({ type: CASE_RULE_VIOLATION, message: error.message, details: [details], nonRetryable: true });
    }
    throw error;
  }
}
