import { hash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import canonicalize from 'canonicalize';

/**
 * A case event as the database hands it back, read without the ORM's entities: SQLite gives the payload as its stored
 * JSON text and the time as epoch milliseconds, PostgreSQL the payload parsed and the time as a Date.
 */
export interface StoredEventRow {
  readonly id: string;
  readonly case_id: string;
  readonly sequence: number;
  readonly type: string;
  readonly actor_id: string;
  readonly actor_role: string;
  readonly reason: string | null;
  readonly payload: string | Record<string, unknown>;
  readonly occurred_at: number | string | Date;
  readonly framework_version: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

const COLUMNS = 'id, case_id, sequence, type, actor_id, actor_role, reason, payload, occurred_at, framework_version, prev_hash, hash';

/**
 * Every stored event (or one case's) in chain order, batch by batch: one keyset-paged query per batch, no entity
 * hydration, so a full verification reads at the database's pace.
 */
export async function* eventRowBatches(
  em: EntityManager,
  options: { readonly batchSize: number; readonly caseId?: string },
): AsyncGenerator<readonly StoredEventRow[]> {
  const connection = em.getConnection();
  const batchAfter = (after: StoredEventRow | null): Promise<StoredEventRow[]> => {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (options.caseId !== undefined) {
      conditions.push('case_id = ?');
      params.push(options.caseId);
    }
    if (after) {
      // A row comparison: both databases walk the (case_id, sequence) index from the position on.
      conditions.push('(case_id, sequence) > (?, ?)');
      params.push(after.case_id, after.sequence);
    }
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const sql = `select ${COLUMNS} from case_event ${where} order by case_id, sequence limit ?`;
    return connection.execute(sql, [...params, options.batchSize], 'all') as Promise<StoredEventRow[]>;
  };
  let rows = await batchAfter(null);
  for (;;) {
    const tail = rows.at(-1);
    if (!tail) return;
    // The next batch is asked for before this one is handed on: the database works while the caller hashes.
    const next = rows.length < options.batchSize ? null : batchAfter(tail);
    // Settled at once if the caller stops early, so an abandoned read cannot reject unobserved.
    next?.catch(() => undefined);
    yield rows;
    if (!next) return;
    rows = await next;
  }
}

const text = JSON.stringify;

/**
 * The RFC 8785 canonical JSON of a stored event's hashed fields (the shape `hashedFieldsOf` gives, keys in code-unit
 * order), with the payload's canonical text supplied by the caller.
 */
function canonicalFields(row: StoredEventRow, payloadText: string): string {
  return (
    `{"actorId":${text(row.actor_id)},"actorRole":${text(row.actor_role)},"caseId":${text(row.case_id)},` +
    `"frameworkVersion":${text(row.framework_version)},"id":${text(row.id)},"occurredAt":${text(new Date(row.occurred_at).toISOString())},` +
    `"payload":${payloadText},"reason":${text(row.reason)},"sequence":${text(row.sequence)},"type":${text(row.type)}}`
  );
}

function canonicalPayload(payload: StoredEventRow['payload']): string {
  const canonical = canonicalize(typeof payload === 'string' ? JSON.parse(payload) : payload);
  if (canonical === undefined) throw new Error('An event payload cannot be canonicalised');
  return canonical;
}

/**
 * The hash a stored event's fields and prev_hash come to (SHA-256(prev_hash ‖ canonical JSON), as hashEvent). Payload
 * text stored in canonical form (as appends store it) is hashed as it is; only when that does not give the recorded
 * hash is the payload parsed and canonicalised, so an event is never judged by its text's key order.
 */
export function recomputedHash(row: StoredEventRow): string {
  if (typeof row.payload === 'string') {
    const asStored = hash('sha256', row.prev_hash + canonicalFields(row, row.payload));
    if (asStored === row.hash) return asStored;
  }
  return hash('sha256', row.prev_hash + canonicalFields(row, canonicalPayload(row.payload)));
}
