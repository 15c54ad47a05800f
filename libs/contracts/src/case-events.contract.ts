import { SYSTEM_ACTOR, type Actor, type ActorRole, type CaseEventBody, type CaseEventType } from '#domain/for-workflows';
import type { PlanDeadlineInput } from './deadlines.contract.js';

/** What the case workflow asks the event store to append. The event id and time come from the workflow. */
export interface AppendCaseEventInput {
  readonly eventId: string;
  readonly caseId: string;
  readonly sequence: number;
  readonly event: CaseEventBody;
  readonly actor: Actor;
  readonly reason: string | null;
  /** ISO-8601 UTC. */
  readonly occurredAt: string;
  readonly frameworkVersion: string | null;
}

/** An event as stored in the audit trail. */
export interface RecordedCaseEvent {
  readonly eventId: string;
  readonly caseId: string;
  readonly sequence: number;
  readonly type: CaseEventType;
  readonly payload: Record<string, unknown>;
  readonly actor: { readonly id: string; readonly role: ActorRole };
  readonly reason: string | null;
  readonly occurredAt: string;
  readonly frameworkVersion: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * One step's events, appended in one transaction: the events the step decided, then (设定期限) the due date of the
 * stage they enter, worked out in the worker from its calendar and appended by SYSTEM.
 */
export interface AppendCaseStepInput {
  readonly caseId: string;
  /** The sequence of the first event; the others follow it one by one. */
  readonly firstSequence: number;
  readonly events: readonly AppendedEvent[];
  readonly deadline: { readonly eventId: string; readonly entry: PlanDeadlineInput } | null;
  /** ISO-8601 UTC: every event of the step occurred at the same moment. */
  readonly occurredAt: string;
  readonly frameworkVersion: string | null;
}

export interface AppendedEvent {
  readonly eventId: string;
  readonly event: CaseEventBody;
  readonly actor: Actor;
  readonly reason: string | null;
}

/** The step's events one by one as the event store appends them, the step's due date (planned by SYSTEM) last. */
export function eventsOfStep(
  { caseId, firstSequence, events, deadline, occurredAt, frameworkVersion }: AppendCaseStepInput,
  plannedDeadline: CaseEventBody | null,
): AppendCaseEventInput[] {
  const planned = deadline && plannedDeadline ? [{ eventId: deadline.eventId, event: plannedDeadline, actor: SYSTEM_ACTOR, reason: null }] : [];
  return [...events, ...planned].map((appended, index) => ({ ...appended, caseId, sequence: firstSequence + index, occurredAt, frameworkVersion }));
}

/** The activities the case workflow calls; implemented by Nest providers in the worker. */
export interface CaseActivities {
  appendCaseEvent(input: AppendCaseEventInput): Promise<RecordedCaseEvent>;
  /** The step's events, then its due date if given, in order: as recorded (a retry gets the first write back). */
  appendCaseStep(input: AppendCaseStepInput): Promise<RecordedCaseEvent[]>;
}
