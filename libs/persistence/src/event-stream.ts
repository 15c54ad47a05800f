import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { CaseEventEntity } from './entities/index.js';
import { likePattern } from './like-pattern.js';

/**
 * Every stored event (or one case's, or those of the cases whose id starts with a prefix), ordered by case then sequence, read in keyset-paged batches
 * through the given entity manager (inside the caller's transaction, if any).
 */
export async function* eventsInChainOrder(
  em: EntityManager,
  options: { caseId?: string; caseIdPrefix?: string; batchSize: number },
): AsyncGenerator<CaseEventEntity> {
  const prefix: FilterQuery<CaseEventEntity> = options.caseIdPrefix === undefined ? {} : { caseId: { $like: likePattern(options.caseIdPrefix, 'prefix') } };
  let last: { caseId: string; sequence: number } | null = null;
  for (;;) {
    const after: FilterQuery<CaseEventEntity> =
      last === null ? {} : { $or: [{ caseId: { $gt: last.caseId } }, { caseId: last.caseId, sequence: { $gt: last.sequence } }] };
    const where: FilterQuery<CaseEventEntity> =
      options.caseIdPrefix !== undefined
        ? { $and: [prefix, after] }
        : options.caseId === undefined
          ? after
          : { caseId: options.caseId, sequence: { $gt: last?.sequence ?? 0 } };
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
