import { raw, type MikroORM } from '@mikro-orm/core';
import type { BulkActionItemStatus, CaseStage } from '#domain';
import { BulkActionEntity, BulkActionItemEntity, CaseRecordEntity } from './entities/index.js';

/** A case as a bulk action's selection shows it. */
export interface SelectedCase {
  readonly caseId: string;
  readonly unitName: string;
  readonly stage: CaseStage;
}

/** How a case's step ended. */
export interface BulkActionItemOutcome {
  readonly status: Exclude<BulkActionItemStatus, 'pending'>;
  readonly code: string | null;
  readonly message: string | null;
}

/** Ids read per query: well within what either database takes as parameters of one statement. */
const IDS_PER_QUERY = 500;
/** Items written per statement when a selection is frozen. */
const ITEMS_PER_INSERT = 500;

/**
 * 批量操作 and their per-case results: the api writes an action with its items (the confirmed selection), the worker's
 * activity settles each item, and everyone reads them here, with or without a worker running.
 */
export class BulkActionStore {
  constructor(private readonly orm: MikroORM) {}

  /** The cases of the read model among `caseIds`, in the order given (ids it does not know are left out). */
  async selection(caseIds: readonly string[]): Promise<SelectedCase[]> {
    const em = this.orm.em.fork();
    const found = new Map<string, SelectedCase>();
    for (let index = 0; index < caseIds.length; index += IDS_PER_QUERY) {
      const records = await em.find(
        CaseRecordEntity,
        { caseId: { $in: caseIds.slice(index, index + IDS_PER_QUERY) } },
        { fields: ['caseId', 'unitName', 'stage'], disableIdentityMap: true },
      );
      for (const { caseId, unitName, stage } of records) found.set(caseId, { caseId, unitName, stage });
    }
    return caseIds.flatMap((caseId) => {
      const selected = found.get(caseId);
      return selected ? [selected] : [];
    });
  }

  /** Writes the action and its cases, all pending, in one transaction. */
  async create(action: BulkActionEntity, cases: readonly SelectedCase[]): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      await em.insert(BulkActionEntity, action);
      for (let index = 0; index < cases.length; index += ITEMS_PER_INSERT) {
        const batch = cases.slice(index, index + ITEMS_PER_INSERT).map((selected) => new BulkActionItemEntity({ bulkActionId: action.id, ...selected }));
        await em.insertMany(BulkActionItemEntity, batch);
      }
    });
  }

  /** Removes an action that could not be started (its workflow never ran), with its items. */
  async remove(bulkActionId: string): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      await em.nativeDelete(BulkActionItemEntity, { bulkActionId });
      await em.nativeDelete(BulkActionEntity, { id: bulkActionId });
    });
  }

  find(bulkActionId: string): Promise<BulkActionEntity | null> {
    return this.orm.em.fork().findOne(BulkActionEntity, { id: bulkActionId });
  }

  /** Newest first. */
  async list(page: { offset: number; limit: number }): Promise<{ items: BulkActionEntity[]; total: number }> {
    const [items, total] = await this.orm.em.fork().findAndCount(BulkActionEntity, {}, { orderBy: { startedAt: 'desc', id: 'desc' }, ...page });
    return { items, total };
  }

  /** An action's cases and their results, by unit name; only those in `status` when given. */
  async items(
    bulkActionId: string,
    query: { status?: BulkActionItemStatus; offset: number; limit: number },
  ): Promise<{ items: BulkActionItemEntity[]; total: number }> {
    const where = query.status === undefined ? { bulkActionId } : { bulkActionId, status: query.status };
    const [items, total] = await this.orm.em
      .fork()
      .findAndCount(BulkActionItemEntity, where, { orderBy: { unitName: 'asc', caseId: 'asc' }, offset: query.offset, limit: query.limit });
    return { items, total };
  }

  item(bulkActionId: string, caseId: string): Promise<BulkActionItemEntity | null> {
    return this.orm.em.fork().findOne(BulkActionItemEntity, { bulkActionId, caseId });
  }

  /** The next pending cases in case id order, after `after` (from the first when null). */
  async pendingCaseIds(bulkActionId: string, after: string | null, limit: number): Promise<string[]> {
    const items = await this.orm.em
      .fork()
      .find(
        BulkActionItemEntity,
        { bulkActionId, status: 'pending', ...(after === null ? {} : { caseId: { $gt: after } }) },
        { fields: ['caseId'], orderBy: { caseId: 'asc' }, limit },
      );
    return items.map((item) => item.caseId);
  }

  /**
   * Settles a pending case and counts it, in one transaction; a case settled already keeps its first result and is
   * not counted again (a retried activity). Answers the case's result as it stands.
   */
  async settle(bulkActionId: string, caseId: string, outcome: BulkActionItemOutcome): Promise<BulkActionItemOutcome> {
    await this.orm.em.fork().transactional(async (em) => {
      const settled = await em.nativeUpdate(
        BulkActionItemEntity,
        { bulkActionId, caseId, status: 'pending' },
        { status: outcome.status, code: outcome.code, message: outcome.message, finishedAt: new Date() },
      );
      if (settled === 1) await em.nativeUpdate(BulkActionEntity, { id: bulkActionId }, { [outcome.status]: raw(`${outcome.status} + 1`) });
    });
    const item = await this.item(bulkActionId, caseId);
    if (item === null || item.status === 'pending') throw new Error(`bulk action ${bulkActionId} has no case ${caseId} to settle`);
    return { status: item.status, code: item.code, message: item.message };
  }

  /** Marks the action completed (once: a repeated call keeps the first finishing time); answers it. */
  async complete(bulkActionId: string): Promise<BulkActionEntity> {
    const em = this.orm.em.fork();
    await em.nativeUpdate(BulkActionEntity, { id: bulkActionId, status: 'running' }, { status: 'completed', finishedAt: new Date() });
    return em.findOneOrFail(BulkActionEntity, { id: bulkActionId });
  }
}
