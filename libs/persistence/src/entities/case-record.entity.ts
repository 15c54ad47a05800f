import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { assessorsInScope, type CaseStage, type CaseState, type CategoryCode, type PlanStatus } from '#domain';

/** `,alice,bob,`: the assessors in scope, delimited on both sides so one can be matched with LIKE '%,id,%'. */
export function assessorScopeColumn(state: CaseState): string {
  const ids = assessorsInScope(state);
  return ids.length ? `,${ids.join(',')},` : '';
}

/**
 * The case read model (案件视图), derived from the events and rebuildable from them: the columns lists and
 * dashboards filter on, and the whole folded state.
 */
@Entity({ tableName: 'case_record' })
@Index({ name: 'case_record_campaign_stage_index', properties: ['campaignId', 'stage'] })
export class CaseRecordEntity {
  @PrimaryKey({ type: 'string', length: 200 })
  caseId: string;

  @Property({ type: 'string', length: 36 })
  campaignId: string;

  @Property({ type: 'string', length: 36 })
  unitId: string;

  @Property({ type: 'string', length: 200 })
  unitName: string;

  @Property({ type: 'string', length: 20 })
  category: CategoryCode;

  @Property({ type: 'string', length: 30 })
  stage: CaseStage;

  @Property({ type: 'string', length: 20 })
  planStatus: PlanStatus;

  @Property({ type: 'integer' })
  lastSequence: number;

  @Property({ type: 'datetime' })
  updatedAt: Date;

  /** The folded case state; null only on rows written before the column existed (refolded on their next event). */
  @Property({ type: 'json', nullable: true })
  state: CaseState | null;

  /** Assessors who may see the case (assigned, no conflict), for the assessor's case list. */
  @Property({ type: 'text', nullable: true })
  assessorScope: string | null;

  constructor(state: CaseState, updatedAt: Date) {
    this.caseId = state.caseId;
    this.campaignId = state.campaignId;
    this.unitId = state.unitId;
    this.unitName = state.unitName;
    this.category = state.category;
    this.stage = state.stage;
    this.planStatus = state.planStatus;
    this.lastSequence = state.lastSequence;
    this.updatedAt = updatedAt;
    this.state = state;
    this.assessorScope = assessorScopeColumn(state);
  }

  /** Brings every column in line with a new state. */
  update(state: CaseState, updatedAt: Date): void {
    this.stage = state.stage;
    this.planStatus = state.planStatus;
    this.lastSequence = state.lastSequence;
    this.unitName = state.unitName;
    this.updatedAt = updatedAt;
    this.state = state;
    this.assessorScope = assessorScopeColumn(state);
  }
}
