import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** prev_hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

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
  const canonical = canonicalize(fields);
  if (canonical === undefined) {
    throw new Error(`Event ${fields.id} cannot be canonicalised`);
  }
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
