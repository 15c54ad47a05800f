import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CaseEventEntity } from './entities/case-event.entity.js';

export { GENESIS_HASH } from './event-rows.js';

/** The fields an event's hash covers, in the form they are hashed (dates as ISO-8601 UTC strings). */
export interface HashedEventFields {
  readonly id: string;
  readonly caseId: string;
  readonly sequence: number;
  readonly type: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly reason: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly occurredAt: string;
  readonly frameworkVersion: string | null;
}

/** hash = SHA-256(prev_hash ‖ canonical JSON (RFC 8785) of the event). */
export function hashEvent(prevHash: string, fields: HashedEventFields): string {
  return chainHash(prevHash, fields);
}

/** The link rule every hash chain here follows (case events, account events): SHA-256(prev_hash ‖ RFC 8785 JSON). */
export function chainHash(prevHash: string, fields: { readonly id: string }): string {
  const canonical = canonicalize(fields);
  if (canonical === undefined) {
    throw new Error(`Event ${fields.id} cannot be canonicalised`);
  }
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** What the hash of a stored event covers. */
export function hashedFieldsOf(event: CaseEventEntity): HashedEventFields {
  return {
    id: event.id,
    caseId: event.caseId,
    sequence: event.sequence,
    type: event.type,
    actorId: event.actorId,
    actorRole: event.actorRole,
    reason: event.reason,
    payload: event.payload,
    occurredAt: event.occurredAt.toISOString(),
    frameworkVersion: event.frameworkVersion,
  };
}
