import { QueryOrder, type FilterQuery, type MikroORM } from '@mikro-orm/core';
import {
  FINAL_STAGES,
  taskFor,
  type CaseListScope,
  type CaseScope,
  type CaseStage,
  type CategoryCode,
  type DigestCase,
  type PlanStatus,
  type TaskKind,
  type TaskOwner,
} from '#domain';
import { CaseRecordEntity } from './entities/index.js';
import { likePattern } from './like-pattern.js';

export const CASE_SORT_FIELDS = ['unitName', 'updatedAt', 'stage', 'category'] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];

export interface CaseListQuery {
  readonly campaignId?: string;
  readonly category?: CategoryCode;
  readonly stage?: CaseStage;
  /** Part of the unit's name. */
  readonly text?: string;
  readonly page: number;
  readonly pageSize: number;
  readonly sort: CaseSortField;
  readonly order: 'asc' | 'desc';
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
    if (query.scope.kind === 'none') return { items: [], total: 0 };
    // The scope and the caller's filters are separate conditions of one $and: a filter on the same field as the
    // scope (a Jinhua reviewer's `stage`) narrows what the scope shows, never replaces it.
    const filters: FilterQuery<CaseRecordEntity>[] = [
      scopeFilter(query.scope),
      ...(query.campaignId === undefined ? [] : [{ campaignId: query.campaignId }]),
      ...(query.category === undefined ? [] : [{ category: query.category }]),
      ...(query.stage === undefined ? [] : [{ stage: query.stage }]),
      ...(query.text === undefined ? [] : [{ unitName: { $like: likePattern(query.text, 'anywhere') } }]),
    ];
    const where: FilterQuery<CaseRecordEntity> = { $and: filters };
    const [items, total] = await this.orm.em.fork().findAndCount(CaseRecordEntity, where, {
      orderBy: { [query.sort]: query.order, caseId: 'asc' },
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items, total };
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

  /** What the access policy needs to know about one case; null when the read model has no such case. */
  async scopeOf(caseId: string): Promise<CaseScope | null> {
    const record = await this.orm.em.fork().findOne(CaseRecordEntity, { caseId });
    if (!record) return null;
    const state = record.state;
    return {
      unitId: record.unitId,
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
