import { hash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import canonicalize from 'canonicalize';

/** prev_hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

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
 * The same columns with the time as PostgreSQL formats it to the millisecond in UTC, the text the hash covers: cheaper
 * than the driver's parsing of a timestamp (a row read this way has a string for `occurred_at`).
 */
export const POSTGRESQL_TEXT_TIME_COLUMNS = COLUMNS.replace(
  'occurred_at',
  `to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at`,
);

/** Runs one statement with `?` placeholders and gives back its rows: the ORM's connection, or a driver's own. */
export type RowQuery = (sql: string, params: readonly unknown[]) => Promise<unknown[]>;

/** Which events a walk reads: every case, one case, or the cases in [fromCase, beforeCase). */
export interface EventRowRange {
  readonly caseId?: string;
  /** The first case id of the range (inclusive). */
  readonly fromCase?: string;
  /** The case id the range stops before. */
  readonly beforeCase?: string;
}

/** A range's events through the ORM's connection (see `eventRowsOf`). */
export function eventRowBatches(em: EntityManager, options: EventRowRange & { readonly batchSize: number }): AsyncGenerator<readonly StoredEventRow[]> {
  const connection = em.getConnection();
  return eventRowsOf((sql, params) => connection.execute(sql, [...params], 'all'), options);
}

/**
 * Stored events in chain order, batch by batch: one keyset-paged query per batch, no entity hydration, so a full
 * verification reads at the database's pace.
 */
export async function* eventRowsOf(
  query: RowQuery,
  options: EventRowRange & { readonly batchSize: number; readonly columns?: string },
): AsyncGenerator<readonly StoredEventRow[]> {
  const fixed: [string, unknown][] = [];
  if (options.caseId !== undefined) fixed.push(['case_id = ?', options.caseId]);
  if (options.beforeCase !== undefined) fixed.push(['case_id < ?', options.beforeCase]);
  const batchAfter = (after: StoredEventRow | null): Promise<StoredEventRow[]> => {
    const conditions = fixed.map(([condition]) => condition);
    const params = fixed.map(([, value]) => value);
    if (after) {
      // A row comparison: both databases walk the (case_id, sequence) index from the position on. Alone: beside a
      // lower bound on case_id, SQLite would start each page's scan at that bound.
      conditions.push('(case_id, sequence) > (?, ?)');
      params.push(after.case_id, after.sequence);
    } else if (options.fromCase !== undefined) {
      conditions.push('case_id >= ?');
      params.push(options.fromCase);
    }
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const sql = `select ${options.columns ?? COLUMNS} from case_event ${where} order by case_id, sequence limit ?`;
    return query(sql, [...params, options.batchSize]) as Promise<StoredEventRow[]>;
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

export type BrokenLinkProblem = 'sequence' | 'prev_hash' | 'hash';

/** The first place where a case's chain does not hold: what was expected there and what was found. */
export interface BrokenLink {
  readonly caseId: string;
  readonly sequence: number;
  readonly problem: BrokenLinkProblem;
  readonly expected: string;
  readonly found: string;
}

/** A case's chain as a walk found it: what the checks after the walk (checkpoints, read model, workflows) need of it. */
export interface WalkedCase {
  readonly caseId: string;
  readonly lastSequence: number;
  /**
   * For each watched sequence of the case, in order: the first event the walk met at or past it, as [sequence, hash]
   * (several watched sequences may share one; none once the chain has ended).
   */
  readonly passed: readonly (readonly [number, string])[];
}

interface CaseUnderWalk {
  readonly caseId: string;
  sequence: number;
  hash: string;
  readonly watched: readonly number[];
  watchIndex: number;
  readonly passed: [number, string][];
}

/**
 * Walks stored events in chain order, row by row: checks each link (sequence, prev_hash, recomputed hash), keeps the
 * first broken one, and hands back each case once it is complete. Needs nothing but the rows, so a worker thread can run
 * it over its own range of cases.
 */
export class ChainWalk {
  casesChecked = 0;
  eventsChecked = 0;
  firstBrokenLink: BrokenLink | null = null;
  private readonly watched: ReadonlyMap<string, readonly number[]>;
  private current: CaseUnderWalk | null = null;

  /** `watched`: per case, the sequences (ascending) whose event the caller wants to see (the checkpoints' heads). */
  constructor(watched: ReadonlyMap<string, readonly number[]> = new Map()) {
    this.watched = watched;
  }

  /** Checks the next row; gives back the case before it when the row begins another. */
  next(row: StoredEventRow): WalkedCase | null {
    let ended: WalkedCase | null = null;
    let at = this.current;
    if (at?.caseId !== row.case_id) {
      ended = this.end();
      at = { caseId: row.case_id, sequence: 0, hash: GENESIS_HASH, watched: this.watched.get(row.case_id) ?? [], watchIndex: 0, passed: [] };
      this.current = at;
      this.casesChecked += 1;
    }
    this.eventsChecked += 1;
    this.firstBrokenLink ??= brokenLink(row, at);
    for (let watched = at.watched[at.watchIndex]; watched !== undefined && watched <= row.sequence; watched = at.watched[at.watchIndex]) {
      at.passed.push([row.sequence, row.hash]);
      at.watchIndex += 1;
    }
    at.sequence = row.sequence;
    at.hash = row.hash;
    return ended;
  }

  /** Ends the case under walk, if any, and gives it back. */
  end(): WalkedCase | null {
    const at = this.current;
    this.current = null;
    return at ? { caseId: at.caseId, lastSequence: at.sequence, passed: at.passed } : null;
  }
}

function brokenLink(row: StoredEventRow, previous: CaseUnderWalk): BrokenLink | null {
  const at = { caseId: row.case_id, sequence: row.sequence };
  if (row.sequence !== previous.sequence + 1) {
    return { ...at, problem: 'sequence', expected: String(previous.sequence + 1), found: String(row.sequence) };
  }
  if (row.prev_hash !== previous.hash) {
    return { ...at, problem: 'prev_hash', expected: previous.hash, found: row.prev_hash };
  }
  const recomputed = recomputedHash(row);
  return recomputed === row.hash ? null : { ...at, problem: 'hash', expected: recomputed, found: row.hash };
}
