import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { CaseEventEntity } from './entities/index.js';

/**
 * Every stored event (or one case's), ordered by case then sequence, read in keyset-paged batches
 * through the given entity manager (inside the caller's transaction, if any).
 */
export async function* eventsInChainOrder(em: EntityManager, options: { caseId?: string; batchSize: number }): AsyncGenerator<CaseEventEntity> {
  let last: { caseId: string; sequence: number } | null = null;
  for (;;) {
    const after: FilterQuery<CaseEventEntity> = last === null ? {} : { $or: [{ caseId: { $gt: last.caseId } }, { caseId: last.caseId, sequence: { $gt: last.sequence } }] };
    const where: FilterQuery<CaseEventEntity> = options.caseId === undefined ? after : { caseId: options.caseId, sequence: { $gt: last?.sequence ?? 0 } };
    // Outside the identity map: memory stays flat, and the caller's unit of work is left alone.
    const batch: CaseEventEntity[] = await em.find(CaseEventEntity, where, {
      orderBy: { caseId: 'asc', sequence: 'asc' },
      limit: options.batchSize,
      disableIdentityMap: true,
    });
    yield* batch;
    const tail: CaseEventEntity | undefined = batch.at(-1);
    if (!tail || batch.length < options.batchSize) return;
    last = { caseId: tail.caseId, sequence: tail.sequence };
  }
}
