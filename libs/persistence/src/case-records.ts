import type { FilterQuery, MikroORM } from '@mikro-orm/core';
import type { CaseStage, CategoryCode } from '#domain';
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
}

export interface CaseListPage {
  readonly items: CaseRecordEntity[];
  readonly total: number;
}

/** Lists and filters cases from the read model (never from Temporal's visibility store). */
export class CaseRecords {
  constructor(private readonly orm: MikroORM) {}

  async list(query: CaseListQuery): Promise<CaseListPage> {
    const where: FilterQuery<CaseRecordEntity> = {
      ...(query.campaignId === undefined ? {} : { campaignId: query.campaignId }),
      ...(query.category === undefined ? {} : { category: query.category }),
      ...(query.stage === undefined ? {} : { stage: query.stage }),
      ...(query.text === undefined ? {} : { unitName: { $like: likePattern(query.text, 'anywhere') } }),
    };
    const [items, total] = await this.orm.em.fork().findAndCount(CaseRecordEntity, where, {
      orderBy: { [query.sort]: query.order, caseId: 'asc' },
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items, total };
  }
}
