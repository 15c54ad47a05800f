import type { MikroORM } from '@mikro-orm/core';
import { evolveCase, initialCaseState, type CaseEventBody, type CaseState } from '#domain';
import { CampaignStageCountEntity, CaseRecordEntity, CaseStageStayEntity, type CaseEventEntity } from './entities/index.js';
import { eventsInChainOrder } from './event-stream.js';
import { StageStatisticsFold } from './stage-statistics.js';

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

export function eventBodyOf(event: Pick<CaseEventEntity, 'type' | 'payload'>): CaseEventBody {
  return { type: event.type, payload: event.payload } as CaseEventBody;
}

export interface RebuildReport {
  readonly cases: number;
  readonly events: number;
}

/**
 * Rebuilds the case read model and the stage statistics (stays and counters) from the event store. Run it with the
 * workers stopped: a step recorded during the rebuild would update a row the rebuild is replacing.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly orm: MikroORM,
    private readonly batchSize = 1000,
  ) {}

  async rebuild(): Promise<RebuildReport> {
    return this.orm.em.fork().transactional(async (em) => {
      await em.nativeDelete(CaseRecordEntity, {});
      await em.nativeDelete(CaseStageStayEntity, {});
      await em.nativeDelete(CampaignStageCountEntity, {});
      const stages = new StageStatisticsFold();
      let records: CaseRecordEntity[] = [];
      let stays: CaseStageStayEntity[] = [];
      let current = null as { state: CaseState; at: Date } | null;
      let cases = 0;
      let events = 0;
      const flush = async (): Promise<void> => {
        if (records.length) await em.insertMany(CaseRecordEntity, records);
        if (stays.length) await em.insertMany(CaseStageStayEntity, stays);
        records = [];
        stays = [];
      };
      const finishCase = async (finished: { state: CaseState; at: Date }): Promise<void> => {
        records.push(new CaseRecordEntity(finished.state, finished.at, stages.stageEnteredAt() ?? finished.at));
        stays.push(...stages.takeStays());
        if (records.length >= this.batchSize) await flush();
      };
      for await (const event of eventsInChainOrder(em, { batchSize: this.batchSize })) {
        if (current && current.state.caseId !== event.caseId) await finishCase(current);
        const previous: CaseState | null = current?.state.caseId === event.caseId ? current.state : null;
        if (!previous) cases += 1;
        current = { state: caseStateAfter(previous, event.caseId, eventBodyOf(event)), at: event.occurredAt };
        stages.apply(previous?.stage ?? null, current.state, event.occurredAt);
        events += 1;
      }
      if (current) await finishCase(current);
      await flush();
      const counters = stages.counters();
      if (counters.length) await em.insertMany(CampaignStageCountEntity, counters);
      return { cases, events };
    });
  }
}
