import type { EntityManager, MikroORM } from '@mikro-orm/core';
import canonicalize from 'canonicalize';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { documentsReferencedBy, type CaseEventBody, type CaseStage, type CaseState } from '#domain';
import type { AppendCaseEventInput, RecordedCaseEvent } from '#contracts';
import { caseStateAfter, eventBodyOf } from './case-projection.js';
import { eventsInChainOrder } from './event-stream.js';
import { caseRecordChanges, CaseEventEntity, CaseRecordEntity } from './entities/index.js';
import { GENESIS_HASH, hashEvent, hashedFieldsOf } from './event-hash.js';
import { markDocumentsReferenced } from './documents/document-records.js';
import { jsonColumn } from './raw-columns.js';
import { projectStageChange } from './stage-statistics.js';

/** A retried append that does not match what was first written under the same event id. */
export class EventConflictError extends Error {
  override readonly name = 'EventConflictError';
}

/**
 * The audit trail: appends hash-chained events and updates the case read model in one transaction.
 * Appending the same event id twice returns the first write (retried activities never duplicate).
 */
export class CaseEventStore {
  constructor(private readonly orm: MikroORM) {}

  async append(input: AppendCaseEventInput): Promise<RecordedCaseEvent> {
    const [recorded] = await this.appendAll([input]);
    if (!recorded) throw new Error(`Event ${input.eventId} was not recorded`);
    return recorded;
  }

  /**
   * Appends events of one case that follow one another (sequences n, n+1, …) in one transaction, each chained to the
   * one before. A retry of the same events gets the first write back; one read finds both a first write and the
   * event to follow.
   */
  async appendAll(inputs: readonly AppendCaseEventInput[]): Promise<RecordedCaseEvent[]> {
    const [first] = inputs;
    if (!first) return [];
    const { caseId, sequence } = first;
    inputs.forEach((input, index) => {
      if (input.caseId !== caseId || input.sequence !== sequence + index) {
        throw new EventConflictError(`Event ${input.eventId} does not follow in ${caseId} from #${sequence}: ${input.caseId}#${input.sequence}`);
      }
    });
    return this.orm.em.fork().transactional(async (em) => {
      const ids = inputs.map((input) => input.eventId);
      // A plain statement (the entity lookup cost more than the insert): the events' ids, to find a retry, and the hash to follow.
      const found: { id: string; case_id: string; sequence: number | string; hash: string }[] = await (em as SqlEntityManager)
        .getConnection()
        .execute(
          `select id, case_id, sequence, hash from case_event where id in (${ids.map(() => '?').join(', ')})` +
            (sequence === 1 ? '' : ' or (case_id = ? and sequence = ?)'),
          sequence === 1 ? ids : [...ids, caseId, sequence - 1],
          'all',
          em.getTransactionContext(),
        );
      if (found.some((row) => ids.includes(row.id))) {
        const written = await em.find(CaseEventEntity, { id: { $in: ids } });
        return inputs.map((input) => toRecorded(firstWrite(input, written)));
      }
      const previous = found.find((row) => row.case_id === caseId && Number(row.sequence) === sequence - 1);
      if (sequence > 1 && !previous) throw new EventConflictError(`Case ${caseId} has no event #${sequence - 1} to follow`);
      let prevHash = previous?.hash ?? GENESIS_HASH;
      const entities = inputs.map((input) => {
        const entity = chainedEvent(input, prevHash);
        prevHash = entity.hash;
        return entity;
      });
      await em.insertMany(CaseEventEntity, entities);
      for (const [index, input] of inputs.entries()) {
        const at = entities[index]?.occurredAt ?? new Date(input.occurredAt);
        await projectCaseEvent(em, caseId, input.event, at);
        await markDocumentsReferenced(em, documentsReferencedBy(input.event), at);
      }
      return entities.map(toRecorded);
    });
  }

  /** The case as it stood at `at`, folded from the events that had occurred by then; null before its enrollment. */
  async stateAsOf(caseId: string, at: Date): Promise<CaseState | null> {
    let state: CaseState | null = null;
    for await (const stored of eventsInChainOrder(this.orm.em.fork(), { caseId, batchSize: 500 })) {
      if (stored.occurredAt > at) break;
      state = caseStateAfter(state, caseId, eventBodyOf(stored));
    }
    return state;
  }

  async listForCase(caseId: string): Promise<RecordedCaseEvent[]> {
    const rows = await this.orm.em.fork().find(CaseEventEntity, { caseId }, { orderBy: { sequence: 'asc' } });
    return rows.map(toRecorded);
  }
}

/** The stored form of an event, chained to the hash of the one before it (GENESIS_HASH for a case's first). */
export function chainedEvent(input: AppendCaseEventInput, prevHash: string): CaseEventEntity {
  const entity = new CaseEventEntity({
    id: input.eventId,
    caseId: input.caseId,
    sequence: input.sequence,
    type: input.event.type,
    actorId: input.actor.id,
    actorRole: input.actor.role,
    reason: input.reason,
    // Stored with its keys in canonical order, so that a verification can hash the stored text as it is.
    payload: canonicalOrder(input.event.payload),
    occurredAt: new Date(input.occurredAt),
    frameworkVersion: input.frameworkVersion,
    prevHash,
    hash: '',
  });
  entity.hash = hashEvent(prevHash, hashedFieldsOf(entity));
  return entity;
}

/** Applies one event to the case read model and the stage statistics (within the append's transaction). */
export async function projectCaseEvent(em: EntityManager, caseId: string, event: CaseEventBody, at: Date): Promise<void> {
  if (event.type === 'CaseEnrolled') {
    const state = caseStateAfter(null, caseId, event);
    em.persist(new CaseRecordEntity(state, at));
    await projectStageChange(em, null, state, at);
    return;
  }
  // Plain statements rather than the entity: they run on every step, where loading and flushing the entity cost more
  // than the rest of the append together.
  const rows: { stage: CaseStage; last_sequence: number | string; state: string | CaseState | null }[] = await (em as SqlEntityManager)
    .getConnection()
    .execute('select stage, last_sequence, state from case_record where case_id = ?', [caseId], 'all', em.getTransactionContext());
  const record = rows[0];
  if (record === undefined) throw new Error(`Case ${caseId} has no read-model row to update`);
  const recorded = jsonColumn<CaseState>(record.state);
  const state = caseStateAfter(recorded ?? (await foldCase(em, caseId, Number(record.last_sequence))), caseId, event);
  await em.nativeUpdate(CaseRecordEntity, { caseId }, caseRecordChanges(record.stage, state, at));
  await projectStageChange(em, record.stage, state, at);
}

/** The state of a case after its first `throughSequence` events, folded from the event store. */
async function foldCase(em: EntityManager, caseId: string, throughSequence: number): Promise<CaseState> {
  let state: CaseState | null = null;
  for await (const stored of eventsInChainOrder(em, { caseId, batchSize: 500 })) {
    if (stored.sequence > throughSequence) break;
    state = caseStateAfter(state, caseId, eventBodyOf(stored));
  }
  if (!state) throw new Error(`Case ${caseId} has no events to fold`);
  return state;
}

function canonicalOrder(payload: object): Record<string, unknown> {
  const canonical = canonicalize(payload);
  if (canonical === undefined) throw new Error('An event payload cannot be canonicalised');
  return JSON.parse(canonical) as Record<string, unknown>;
}

/** What was first written under the event's id, which must be the same event of the same case. */
function firstWrite(input: AppendCaseEventInput, written: readonly CaseEventEntity[]): CaseEventEntity {
  const existing = written.find((row) => row.id === input.eventId);
  if (!existing) throw new EventConflictError(`Event ${input.eventId} was not recorded with the others of its step`);
  if (existing.caseId !== input.caseId || existing.sequence !== input.sequence) {
    throw new EventConflictError(`Event ${input.eventId} was recorded as ${existing.caseId}#${existing.sequence}, not ${input.caseId}#${input.sequence}`);
  }
  return existing;
}

function toRecorded(entity: CaseEventEntity): RecordedCaseEvent {
  return {
    eventId: entity.id,
    caseId: entity.caseId,
    sequence: entity.sequence,
    type: entity.type,
    payload: entity.payload,
    actor: { id: entity.actorId, role: entity.actorRole },
    reason: entity.reason,
    occurredAt: entity.occurredAt.toISOString(),
    frameworkVersion: entity.frameworkVersion,
    prevHash: entity.prevHash,
    hash: entity.hash,
  };
}
