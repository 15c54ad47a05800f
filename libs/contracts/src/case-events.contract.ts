import type { Actor, ActorRole, CaseEventBody, CaseEventType } from '#domain/for-workflows';

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

/** The activities the case workflow calls; implemented by Nest providers in the worker. */
export interface CaseActivities {
  appendCaseEvent(input: AppendCaseEventInput): Promise<RecordedCaseEvent>;
}
