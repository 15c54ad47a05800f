import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import {
  assessorsInScope,
  currentDueOn,
  FINAL_STAGES,
  tasksOf,
  type CaseStage,
  type CaseState,
  type CategoryCode,
  type OfficeTaskKind,
  type PlanStatus,
  type UnitTaskKind,
} from '#domain';

/** `,alice,bob,`: the assessors in scope, delimited on both sides so one can be matched with LIKE '%,id,%'. */
export function assessorScopeColumn(state: CaseState): string {
  const ids = assessorsInScope(state);
  return ids.length ? `,${ids.join(',')},` : '';
}

/**
 * The columns of a case's read-model row that an event can change, in line with the state after it (the case's
 * identity, campaign, unit and category never change): `stageEnteredAt` only when the stage changed from `stageBefore`.
 */
export function caseRecordChanges(
  stageBefore: CaseStage,
  state: CaseState,
  updatedAt: Date,
): Pick<CaseRecordEntity, 'stage' | 'planStatus' | 'lastSequence' | 'unitName' | 'updatedAt' | 'state' | 'assessorScope' | 'certifiedOn'> &
  CaseTaskColumns & { stageEnteredAt?: Date } {
  return {
    ...(state.stage !== stageBefore ? { stageEnteredAt: updatedAt } : {}),
    stage: state.stage,
    planStatus: state.planStatus,
    lastSequence: state.lastSequence,
    unitName: state.unitName,
    updatedAt,
    state,
    assessorScope: assessorScopeColumn(state),
    certifiedOn: state.certification?.certifiedOn ?? null,
    ...caseTaskColumns(state),
  };
}

/** The columns 我的待办 (GET /api/me/tasks) filters and orders on: who owes which step now, and by when. */
export interface CaseTaskColumns {
  readonly dueOn: string | null;
  readonly unitTask: UnitTaskKind | null;
  readonly officeTask: OfficeTaskKind | null;
  readonly jinhuaTask: 'decide_certification' | null;
  readonly scoresOwedBy: string | null;
}

export function caseTaskColumns(state: CaseState): CaseTaskColumns {
  const tasks = tasksOf(state);
  return {
    dueOn: currentDueOn(state) ?? null,
    unitTask: tasks.unit,
    officeTask: tasks.office,
    jinhuaTask: tasks.jinhua,
    // Null rather than empty: the partial index holds only the cases someone owes scores on.
    scoresOwedBy: tasks.assessors.length ? `,${tasks.assessors.join(',')},` : null,
  };
}

/**
 * The case read model (案件视图), derived from the events and rebuildable from them: the columns lists and
 * dashboards filter on, and the whole folded state.
 */
@Entity({ tableName: 'case_record' })
@Index({ name: 'case_record_campaign_stage_index', properties: ['campaignId', 'stage'] })
@Index({ name: 'case_record_unit_index', properties: ['unitId'] })
// 我的待办 of the office, of Jinhua and of assessors: each only the cases that wait on them, in the list's order.
@Index({ name: 'case_record_office_tasks_index', properties: ['dueOn', 'unitName', 'caseId'], where: { officeTask: { $ne: null } } })
@Index({ name: 'case_record_jinhua_tasks_index', properties: ['dueOn', 'unitName', 'caseId'], where: { jinhuaTask: { $ne: null } } })
@Index({ name: 'case_record_scores_owed_index', properties: ['dueOn', 'unitName', 'caseId'], where: { scoresOwedBy: { $ne: null } } })
// 督办看板 and 台账: due standings per campaign, the open cases longest in their stage, certifications by date.
// (stage too: the dashboard counts the open ones among them from the index alone.)
@Index({ name: 'case_record_campaign_due_index', properties: ['campaignId', 'dueOn', 'stage'] })
// (The final stages one by one: PostgreSQL keeps `<>`s as written, while it rewrites NOT IN and the schema diff would differ.)
@Index({
  name: 'case_record_open_waiting_index',
  properties: ['campaignId', 'stageEnteredAt', 'caseId'],
  where: { $and: FINAL_STAGES.map((stage) => ({ stage: { $ne: stage } })) },
})
@Index({ name: 'case_record_campaign_certified_index', properties: ['campaignId', 'certifiedOn'], where: { certifiedOn: { $ne: null } } })
export class CaseRecordEntity {
  @PrimaryKey({ type: 'string', length: 200 })
  caseId: string;

  @Property({ type: 'string', length: 36 })
  campaignId: string;

  @Property({ type: 'string', length: 36 })
  unitId: string;

  @Property({ type: 'string', length: 200 })
  unitName!: string;

  @Property({ type: 'string', length: 20 })
  category: CategoryCode;

  @Property({ type: 'string', length: 30 })
  stage!: CaseStage;

  @Property({ type: 'string', length: 20 })
  planStatus!: PlanStatus;

  @Property({ type: 'integer' })
  lastSequence!: number;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  /** The folded case state; null only on rows written before the column existed (refolded on their next event). */
  @Property({ type: 'json', nullable: true })
  state!: CaseState | null;

  /** Assessors who may see the case (assigned, no conflict), for the assessor's case list. */
  @Property({ type: 'text', nullable: true })
  assessorScope!: string | null;

  /** The current stage's due date (YYYY-MM-DD); null when it has none or it is pending. */
  @Property({ type: 'string', length: 10, nullable: true })
  dueOn!: string | null;

  /** The step the unit's contacts owe now (tasksOf), if any. */
  @Property({ type: 'string', length: 30, nullable: true })
  unitTask!: UnitTaskKind | null;

  /** The step the program office owes now, if any. */
  @Property({ type: 'string', length: 30, nullable: true })
  officeTask!: OfficeTaskKind | null;

  /** The step Jinhua's reviewers owe now, if any. */
  @Property({ type: 'string', length: 30, nullable: true })
  jinhuaTask!: 'decide_certification' | null;

  /** `,alice,bob,`: assessors who owe scores for the open round (matched with LIKE '%,id,%'); null when none do. */
  @Property({ type: 'text', nullable: true })
  scoresOwedBy!: string | null;

  /** When the case entered its current stage; null only on rows written before the column existed, until a rebuild. */
  @Property({ type: 'datetime', nullable: true })
  stageEnteredAt: Date | null;

  /** 认定日期 (YYYY-MM-DD) of its Jinhua certification, kept after a revocation; null when never certified. */
  @Property({ type: 'string', length: 10, nullable: true })
  certifiedOn!: string | null;

  /** `stageEnteredAt` defaults to `updatedAt`: a new case has just entered its first stage. */
  constructor(state: CaseState, updatedAt: Date, stageEnteredAt: Date = updatedAt) {
    this.caseId = state.caseId;
    this.campaignId = state.campaignId;
    this.unitId = state.unitId;
    this.category = state.category;
    // The columns every later event keeps in line (declared `!`: assigned here, all at once).
    Object.assign(this, caseRecordChanges(state.stage, state, updatedAt));
    this.stageEnteredAt = stageEnteredAt;
  }
}
