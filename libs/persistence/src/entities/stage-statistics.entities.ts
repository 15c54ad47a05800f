import { BigIntType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { stayDays, type CaseStage, type CaseState, type CategoryCode } from '#domain';

/**
 * 阶段停留: one stay of a case in one stage, from the event that entered it until the event that left it (open while
 * `leftAt` is null). Derived from the events in the append's transaction and rebuildable from them.
 */
@Entity({ tableName: 'case_stage_stay' })
// 各阶段用时: the ended stays of a campaign's stage in order of duration, so the ranks around p90 are read directly.
@Index({ name: 'case_stage_stay_ended_index', properties: ['campaignId', 'stage', 'durationDays'], where: { durationDays: { $ne: null } } })
export class CaseStageStayEntity {
  @PrimaryKey({ type: 'string', length: 200 })
  caseId: string;

  /** The sequence of the event that entered the stage. */
  @PrimaryKey({ type: 'integer' })
  enteredSequence: number;

  @Property({ type: 'string', length: 36 })
  campaignId: string;

  @Property({ type: 'string', length: 20 })
  category: CategoryCode;

  @Property({ type: 'string', length: 30 })
  stage: CaseStage;

  @Property({ type: 'datetime' })
  enteredAt: Date;

  @Property({ type: 'datetime', nullable: true })
  leftAt: Date | null;

  /** (leftAt − enteredAt) in days; null while the case is still in the stage. */
  @Property({ type: 'double', nullable: true })
  durationDays: number | null;

  constructor(input: {
    caseId: string;
    enteredSequence: number;
    campaignId: string;
    category: CategoryCode;
    stage: CaseStage;
    enteredAt: Date;
    leftAt: Date | null;
    durationDays: number | null;
  }) {
    this.caseId = input.caseId;
    this.enteredSequence = input.enteredSequence;
    this.campaignId = input.campaignId;
    this.category = input.category;
    this.stage = input.stage;
    this.enteredAt = input.enteredAt;
    this.leftAt = input.leftAt;
    this.durationDays = input.durationDays;
  }

  /** The stay a case begins in its current stage with the event that brought it there. */
  static entering(state: CaseState, at: Date): CaseStageStayEntity {
    return new CaseStageStayEntity({
      caseId: state.caseId,
      enteredSequence: state.lastSequence,
      campaignId: state.campaignId,
      category: state.category,
      stage: state.stage,
      enteredAt: at,
      leftAt: null,
      durationDays: null,
    });
  }

  /** Ends the stay at `at`; returns its length in milliseconds. */
  end(at: Date): number {
    this.leftAt = at;
    this.durationDays = stayDays(this.enteredAt, at);
    return at.getTime() - this.enteredAt.getTime();
  }
}

/**
 * 阶段计数: per campaign × category × stage, the cases there now and the stays there that have ended (count and total
 * milliseconds, for the mean). Kept with ±1 upserts in the append's transaction; rebuildable from the events.
 */
@Entity({ tableName: 'campaign_stage_count' })
export class CampaignStageCountEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  campaignId: string;

  @PrimaryKey({ type: 'string', length: 20 })
  category: CategoryCode;

  @PrimaryKey({ type: 'string', length: 30 })
  stage: CaseStage;

  @Property({ type: 'integer' })
  cases: number;

  @Property({ type: 'integer' })
  endedStays: number;

  /** Whole milliseconds: their sum stays exact however many stays are added. */
  @Property({ type: new BigIntType('number') })
  endedStayMs: number;

  constructor(input: { campaignId: string; category: CategoryCode; stage: CaseStage; cases: number; endedStays: number; endedStayMs: number }) {
    this.campaignId = input.campaignId;
    this.category = input.category;
    this.stage = input.stage;
    this.cases = input.cases;
    this.endedStays = input.endedStays;
    this.endedStayMs = input.endedStayMs;
  }
}
