import type { EntityManager, MikroORM } from '@mikro-orm/core';
import canonicalize from 'canonicalize';
import { documentsReferencedBy, type CaseEventBody, type CaseState } from '#domain';
import type { AppendCaseEventInput, RecordedCaseEvent } from '#contracts';
import { caseStateAfter, eventBodyOf } from './case-projection.js';
import { eventsInChainOrder } from './event-stream.js';
import { CaseEventEntity, CaseRecordEntity } from './entities/index.js';
import { GENESIS_HASH, hashEvent, hashedFieldsOf } from './event-hash.js';
import { markDocumentsReferenced } from './documents/document-records.js';
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
    return this.orm.em.fork().transactional(async (em) => {
      const existing = await em.findOne(CaseEventEntity, { id: input.eventId });
      if (existing) {
        if (existing.caseId !== input.caseId || existing.sequence !== input.sequence) {
          throw new EventConflictError(`Event ${input.eventId} was recorded as ${existing.caseId}#${existing.sequence}, not ${input.caseId}#${input.sequence}`);
        }
        return toRecorded(existing);
      }
      const previous = input.sequence === 1 ? null : await em.findOne(CaseEventEntity, { caseId: input.caseId, sequence: input.sequence - 1 });
      if (input.sequence > 1 && !previous) {
        throw new EventConflictError(`Case ${input.caseId} has no event #${input.sequence - 1} to follow`);
      }
      const entity = chainedEvent(input, previous?.hash ?? GENESIS_HASH);
      await em.insert(CaseEventEntity, entity);
      await projectCaseEvent(em, input.caseId, input.event, entity.occurredAt);
      await markDocumentsReferenced(em, documentsReferencedBy(input.event), entity.occurredAt);
      return toRecorded(entity);
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
  const record = await em.findOneOrFail(CaseRecordEntity, { caseId });
  const before = record.stage;
  const state = caseStateAfter(record.state ?? (await foldCase(em, caseId, record.lastSequence)), caseId, event);
  record.update(state, at);
  await projectStageChange(em, before, state, at);
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
