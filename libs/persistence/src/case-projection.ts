import type { MikroORM } from '@mikro-orm/core';
import { evolveCase, initialCaseState, type CaseEventBody, type CaseState } from '#domain';
import { CaseRecordEntity, type CaseEventEntity } from './entities/index.js';
import { eventsInChainOrder } from './event-stream.js';

/** The case state after one more event: the same fold for the live projection and for a rebuild. */
export function caseStateAfter(previous: CaseState | null, caseId: string, event: CaseEventBody): CaseState {
  if (event.type === 'CaseEnrolled') {
    return evolveCase(initialCaseState({ caseId, ...event.payload }), event);
  }
  if (!previous) {
    throw new Error(`Case ${caseId} has ${event.type} before CaseEnrolled`);
  }
  return evolveCase(previous, event);
}

export function eventBodyOf(event: CaseEventEntity): CaseEventBody {
  return { type: event.type, payload: event.payload } as CaseEventBody;
}

export interface RebuildReport {
  readonly cases: number;
  readonly events: number;
}

/**
 * Rebuilds the case read model from the event store. Run it with the workers stopped: a step
 * recorded during the rebuild would update a row the rebuild is replacing.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly orm: MikroORM,
    private readonly batchSize = 1000,
  ) {}

  async rebuild(): Promise<RebuildReport> {
    return this.orm.em.fork().transactional(async (em) => {
      await em.nativeDelete(CaseRecordEntity, {});
      let pending: CaseRecordEntity[] = [];
      let current = null as { state: CaseState; at: Date } | null;
      let cases = 0;
      let events = 0;
      const flush = async (): Promise<void> => {
        if (pending.length) await em.insertMany(CaseRecordEntity, pending);
        pending = [];
      };
      for await (const event of eventsInChainOrder(em, { batchSize: this.batchSize })) {
        if (current && current.state.caseId !== event.caseId) {
          pending.push(new CaseRecordEntity(current.state, current.at));
          if (pending.length >= this.batchSize) await flush();
        }
        const previous: CaseState | null = current?.state.caseId === event.caseId ? current.state : null;
        if (!previous) cases += 1;
        current = { state: caseStateAfter(previous, event.caseId, eventBodyOf(event)), at: event.occurredAt };
        events += 1;
      }
      if (current) pending.push(new CaseRecordEntity(current.state, current.at));
      await flush();
      return { cases, events };
    });
  }
}
