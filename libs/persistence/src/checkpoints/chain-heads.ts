import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { CaseEventEntity } from '../entities/index.js';

/** A case's last event, and how many events the case has (its last sequence, unless some are missing). */
export interface CaseChainHead {
  readonly caseId: string;
  readonly sequence: number;
  readonly hash: string;
  readonly events: number;
}

const HEADS_PER_QUERY = 5000;

/**
 * Every case's head, a page of cases per query (never a query per case): each case's last sequence, its count and the
 * head row's hash come from one statement, over the (case_id, sequence) index.
 */
export async function* caseChainHeads(em: EntityManager): AsyncGenerator<CaseChainHead> {
  const connection = (em as SqlEntityManager).getConnection();
  let after: string | null = null;
  for (;;) {
    const rows: { case_id: string; sequence: number | string; events: number | string; hash: string }[] = await connection.execute(
      'select h.case_id, h.sequence, h.events, e.hash from ' +
        `(select case_id, max(sequence) as sequence, count(*) as events from case_event ${after === null ? '' : 'where case_id > ? '}` +
        'group by case_id order by case_id limit ?) h ' +
        'join case_event e on e.case_id = h.case_id and e.sequence = h.sequence order by h.case_id',
      after === null ? [HEADS_PER_QUERY] : [after, HEADS_PER_QUERY],
    );
    // PostgreSQL's count(*) is a bigint, which the driver hands back as text.
    for (const row of rows) yield { caseId: row.case_id, sequence: Number(row.sequence), hash: row.hash, events: Number(row.events) };
    const last = rows.at(-1);
    if (!last || rows.length < HEADS_PER_QUERY) return;
    after = last.case_id;
  }
}

/** The hashes stored at the given (case, sequence) places, keyed `caseId#sequence`; absent places are left out. */
export async function caseEventHashesAt(
  em: EntityManager,
  places: readonly { readonly caseId: string; readonly sequence: number }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const BATCH = 200;
  for (let start = 0; start < places.length; start += BATCH) {
    const batch = places.slice(start, start + BATCH);
    const rows = await em.find(
      CaseEventEntity,
      { $or: batch.map(({ caseId, sequence }) => ({ caseId, sequence })) },
      { fields: ['caseId', 'sequence', 'hash'], disableIdentityMap: true },
    );
    for (const row of rows) found.set(`${row.caseId}#${row.sequence}`, row.hash);
  }
  return found;
}
