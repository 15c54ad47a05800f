import { QueryOrder, type FilterQuery, type MikroORM, type QueryOrderMap } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  FINAL_STAGES,
  taskFor,
  type CaseListScope,
  type CaseScope,
  type CaseStage,
  type CaseState,
  type CategoryCode,
  type DigestCase,
  type DueStatus,
  type IsoDate,
  type PlanStatus,
  type TaskKind,
  type TaskOwner,
} from '#domain';
import { dueStatusCondition } from './due-status-condition.js';
import { CaseRecordEntity } from './entities/index.js';
import { likePattern } from './like-pattern.js';
import { jsonColumn } from './raw-columns.js';

export const CASE_SORT_FIELDS = ['unitName', 'updatedAt', 'stage', 'category', 'dueOn', 'stageEnteredAt', 'certifiedOn'] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];
/** Sort fields a case may lack (no due date, never certified, a row from before the column): such cases come last in either order. */
const NULLABLE_SORT_FIELDS: ReadonlySet<CaseSortField> = new Set(['dueOn', 'stageEnteredAt', 'certifiedOn']);

/**
 * Which cases of the read model a ledger query (台账), an export or a bulk action means. Every field narrows; the
 * caller's scope is applied on top (CaseListScope), never replaced.
 */
export interface CaseFilter {
  readonly campaignId?: string;
  readonly category?: CategoryCode;
  readonly stage?: CaseStage;
  /** How the current stage's due date stands on `today` (逾期 / 临期 / 正常 / 无期限). */
  readonly dueStatus?: DueStatus;
  /** true: not at a final stage (FINAL_STAGES); false: at one. */
  readonly open?: boolean;
  /** Part of the unit's name. */
  readonly text?: string;
  /** Certified on or after this day (YYYY-MM-DD). */
  readonly certifiedFrom?: IsoDate;
  /** Certified on or before this day (YYYY-MM-DD). */
  readonly certifiedTo?: IsoDate;
  /** The office's today (Asia/Shanghai), from which due standings are reckoned. */
  readonly today: IsoDate;
}

/** The order of a ledger: one field, then the case id, so every order is total (pages and exports never repeat a case). */
export interface CaseOrder {
  readonly sort: CaseSortField;
  readonly order: 'asc' | 'desc';
}

export interface CaseListQuery extends CaseFilter, CaseOrder {
  readonly page: number;
  readonly pageSize: number;
  /** Which cases the asker may see (the access policy's list scope). */
  readonly scope: CaseListScope;
}

export interface CaseListPage {
  readonly items: CaseRecordEntity[];
  readonly total: number;
}

export interface TaskListQuery {
  /** Whose tasks: the unit's, the office's, Jinhua's or one assessor's. */
  readonly owner: TaskOwner;
  /** Which cases the asker may see at all (the same scope as the case list). */
  readonly scope: CaseListScope;
  readonly page: number;
  readonly pageSize: number;
}

/** A case that waits on the asker, and the step it waits for. */
export interface CaseTaskRow {
  readonly caseId: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly category: CategoryCode;
  readonly stage: CaseStage;
  readonly planStatus: PlanStatus;
  readonly dueOn: string | null;
  readonly task: TaskKind;
}

/** Lists and filters cases from the read model (never from Temporal's visibility store). */
export class CaseRecords {
  constructor(private readonly orm: MikroORM) {}

  async list(query: CaseListQuery): Promise<CaseListPage> {
    const where = matching(query, query.scope);
    if (where === null) return { items: [], total: 0 };
    const [items, total] = await this.orm.em.fork().findAndCount(CaseRecordEntity, where, {
      orderBy: orderOf(query),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items, total };
  }

  /**
   * The ids of the cases a filter selects within the scope, at most `limit` of them in the ledger's default order
   * (unit name), and how many match in all (a bulk action shows the count before anything runs).
   */
  async caseIdsMatching(filter: CaseFilter, scope: CaseListScope, limit: number): Promise<{ caseIds: string[]; total: number }> {
    const where = matching(filter, scope);
    if (where === null) return { caseIds: [], total: 0 };
    const [records, total] = await this.orm.em.fork().findAndCount(CaseRecordEntity, where, {
      fields: ['caseId', 'unitName'],
      orderBy: orderOf({ sort: 'unitName', order: 'asc' }),
      limit,
    });
    return { caseIds: records.map((record) => record.caseId), total };
  }

  /**
   * Every case a filter selects within the scope, in the ledger's order, read in batches of `batchSize`, each from
   * where the last ended (keyset), so an export of any size holds one batch in memory and never skips or repeats a
   * case. First the cases with a value of the sort field, by it; then (a field a case may lack) those without, by
   * case id: each phase a plain range an index can serve. `state: false` leaves the folded state unread (null), most
   * of a row's size and of the time to read it, for a reader that needs only the columns.
   */
  async *eachMatching(
    filter: CaseFilter,
    scope: CaseListScope,
    order: CaseOrder,
    { batchSize = 500, state = true }: { readonly batchSize?: number; readonly state?: boolean } = {},
  ): AsyncGenerator<CaseRecordEntity> {
    const where = matching(filter, scope);
    if (where === null) return;
    const read = { batchSize, exclude: state ? [] : (['state'] as const) };
    if (!NULLABLE_SORT_FIELDS.has(order.sort)) {
      yield* this.inBatches(where, orderOf(order), (last) => after(last, order), read);
      return;
    }
    yield* this.inBatches({ $and: [where, { [order.sort]: { $ne: null } }] }, orderOf(order), (last) => after(last, order), read);
    yield* this.inBatches({ $and: [where, { [order.sort]: null }] }, { caseId: QueryOrder.ASC }, (last) => ({ caseId: { $gt: last.caseId } }), read);
  }

  private async *inBatches(
    where: FilterQuery<CaseRecordEntity>,
    orderBy: QueryOrderMap<CaseRecordEntity>,
    beyond: (last: CaseRecordEntity) => FilterQuery<CaseRecordEntity>,
    { batchSize, exclude }: { readonly batchSize: number; readonly exclude: readonly 'state'[] },
  ): AsyncGenerator<CaseRecordEntity> {
    let last: CaseRecordEntity | undefined;
    for (;;) {
      const rows = await this.orm.em
        .fork()
        .find(CaseRecordEntity, last === undefined ? where : { $and: [where, beyond(last)] }, { orderBy, limit: batchSize, exclude });
      // Rows read without their state say so (null), as a row from before the state column does.
      const batch: CaseRecordEntity[] = exclude.length ? rows.map((row) => Object.assign(row, { state: null })) : (rows as CaseRecordEntity[]);
      yield* batch;
      if (batch.length < batchSize) return;
      last = batch[batch.length - 1];
    }
  }

  /**
   * 我的待办: the cases that wait on `owner`, by due date (none last), then unit name. Filtered and paged in SQL on the
   * task columns the projection keeps (CaseRecordEntity), within the asker's case scope.
   */
  async tasks(query: TaskListQuery): Promise<{ items: CaseTaskRow[]; total: number }> {
    if (query.owner.kind === 'none' || query.scope.kind === 'none') return { items: [], total: 0 };
    const where: FilterQuery<CaseRecordEntity> = { $and: [scopeFilter(query.scope), ownerFilter(query.owner)] };
    const [records, total] = await this.orm.em.fork().findAndCount(CaseRecordEntity, where, {
      fields: [...TASK_ROW_FIELDS],
      orderBy: { dueOn: QueryOrder.ASC_NULLS_LAST, unitName: QueryOrder.ASC, caseId: QueryOrder.ASC },
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const items = records.map((record): CaseTaskRow => {
      const tasks = {
        unit: record.unitTask,
        office: record.officeTask,
        jinhua: record.jinhuaTask,
        assessors: record.scoresOwedBy?.split(',').filter(Boolean) ?? [],
      };
      const task = taskFor(query.owner, tasks, record.unitId);
      // The filter selected the row by the very column taskFor reads: a fault of ours if they disagree.
      if (task === null) throw new Error(`case ${record.caseId} was listed as a task of ${query.owner.kind} but has none`);
      const { caseId, campaignId, unitId, unitName, category, stage, planStatus, dueOn } = record;
      return { caseId, campaignId, unitId, unitName, category, stage, planStatus, dueOn, task };
    });
    return { items, total };
  }

  /**
   * The case as its last recorded event left it, read from the read model (kept in the transaction of each append, so
   * as fresh as the audit trail) with the time it was recorded; null when the read model has no folded state for it.
   */
  async recordedState(caseId: string): Promise<{ readonly state: CaseState; readonly recordedAt: Date } | null> {
    const record = await this.orm.em.fork().findOne(CaseRecordEntity, { caseId }, { fields: ['state', 'updatedAt'] });
    return record?.state ? { state: record.state, recordedAt: record.updatedAt } : null;
  }

  /** What the access policy needs to know about one case; null when the read model has no such case. */
  async scopeOf(caseId: string): Promise<CaseScope | null> {
    // A plain statement: read on every request about a case, where the ORM's entity lookup cost ten times the query.
    const rows: { unit_id: string; stage: CaseStage; state: string | CaseState | null }[] = await (this.orm.em as SqlEntityManager)
      .getConnection()
      .execute('select unit_id, stage, state from case_record where case_id = ?', [caseId]);
    const record = rows[0];
    if (record === undefined) return null;
    const state = jsonColumn<CaseState>(record.state);
    return {
      unitId: record.unit_id,
      stage: record.stage,
      assessorIds: state?.assessorIds ?? [],
      conflictedAssessorIds: state?.conflictedAssessorIds ?? [],
    };
  }

  /** Open cases (not at a final stage) with what the weekly digest needs; read in pages so no single query is unbounded. */
  async openCasesForDigest(pageSize = 1000): Promise<DigestCase[]> {
    const open: DigestCase[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.orm.em
        .fork()
        .find(
          CaseRecordEntity,
          { stage: { $nin: [...FINAL_STAGES] } },
          { fields: ['caseId', 'unitName', 'stage', 'state', 'updatedAt'], orderBy: { caseId: 'asc' }, limit: pageSize, offset },
        );
      for (const record of page) {
        if (record.state)
          open.push({ caseId: record.caseId, unitName: record.unitName, stage: record.stage, state: record.state, lastEventAt: record.updatedAt });
      }
      if (page.length < pageSize) return open;
    }
  }

  /** Cases in cultivation (培育阶段), whose units owe monthly progress reports. */
  async inStage(stage: CaseStage): Promise<{ caseId: string; unitId: string; unitName: string }[]> {
    const records = await this.orm.em.fork().find(CaseRecordEntity, { stage }, { fields: ['caseId', 'unitId', 'unitName'], orderBy: { caseId: 'asc' } });
    return records.map(({ caseId, unitId, unitName }) => ({ caseId, unitId, unitName }));
  }
}

const TASK_ROW_FIELDS = [
  'caseId',
  'campaignId',
  'unitId',
  'unitName',
  'category',
  'stage',
  'planStatus',
  'dueOn',
  'unitTask',
  'officeTask',
  'jinhuaTask',
  'scoresOwedBy',
] as const satisfies readonly (keyof CaseRecordEntity)[];

function ownerFilter(owner: Exclude<TaskOwner, { kind: 'none' }>): FilterQuery<CaseRecordEntity> {
  switch (owner.kind) {
    case 'unit':
      return { unitId: owner.unitId, unitTask: { $ne: null } };
    case 'office':
      return { officeTask: { $ne: null } };
    case 'jinhua':
      return { jinhuaTask: { $ne: null } };
    case 'assessor':
      // Not null as well as like: that is what lets the databases use the partial index of cases owing scores.
      return { scoresOwedBy: { $ne: null, $like: likePattern(`,${owner.assessorId},`, 'anywhere') } };
  }
}

function scopeFilter(scope: Exclude<CaseListScope, { kind: 'none' }>): FilterQuery<CaseRecordEntity> {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'unit':
      return { unitId: scope.unitId };
    case 'assessor':
      return { assessorScope: { $like: likePattern(`,${scope.assessorId},`, 'anywhere') } };
    case 'stages':
      return { stage: { $in: [...scope.stages] } };
  }
}

/** The filter and the scope as one condition (separate members of one $and); null when the scope shows nothing. */
function matching(filter: CaseFilter, scope: CaseListScope): FilterQuery<CaseRecordEntity> | null {
  if (scope.kind === 'none') return null;
  // The scope and the caller's filters are separate conditions of one $and: a filter on the same field as the
  // scope (a Jinhua reviewer's `stage`) narrows what the scope shows, never replaces it.
  const conditions: FilterQuery<CaseRecordEntity>[] = [
    scopeFilter(scope),
    ...(filter.campaignId === undefined ? [] : [{ campaignId: filter.campaignId }]),
    ...(filter.category === undefined ? [] : [{ category: filter.category }]),
    ...(filter.stage === undefined ? [] : [{ stage: filter.stage }]),
    ...(filter.dueStatus === undefined ? [] : [dueStatusCondition(filter.dueStatus, filter.today)]),
    ...(filter.open === undefined ? [] : [{ stage: filter.open ? { $nin: [...FINAL_STAGES] } : { $in: [...FINAL_STAGES] } }]),
    ...(filter.text === undefined ? [] : [{ unitName: { $like: likePattern(filter.text, 'anywhere') } }]),
    ...(filter.certifiedFrom === undefined && filter.certifiedTo === undefined
      ? []
      : [
          {
            certifiedOn: {
              $ne: null,
              ...(filter.certifiedFrom === undefined ? {} : { $gte: filter.certifiedFrom }),
              ...(filter.certifiedTo === undefined ? {} : { $lte: filter.certifiedTo }),
            },
          },
        ]),
  ];
  return { $and: conditions };
}

function orderOf({ sort, order }: CaseOrder): QueryOrderMap<CaseRecordEntity> {
  const direction = NULLABLE_SORT_FIELDS.has(sort)
    ? order === 'asc'
      ? QueryOrder.ASC_NULLS_LAST
      : QueryOrder.DESC_NULLS_LAST
    : order === 'asc'
      ? QueryOrder.ASC
      : QueryOrder.DESC;
  return { [sort]: direction, caseId: QueryOrder.ASC };
}

/** The cases after `last` (which has a value of the sort field) in `order`: the field's direction, then case id ascending. */
function after(last: CaseRecordEntity, { sort, order }: CaseOrder): FilterQuery<CaseRecordEntity> {
  const value = last[sort];
  const [atLeast, beyond] = order === 'asc' ? ['$gte', '$gt'] : ['$lte', '$lt'];
  // The range is what an index serves; the $or only breaks the tie at its edge.
  return { [sort]: { [atLeast]: value }, $or: [{ [sort]: { [beyond]: value } }, { caseId: { $gt: last.caseId } }] };
}
