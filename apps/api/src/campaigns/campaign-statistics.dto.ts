import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, PickType } from '@nestjs/swagger';
import { CASE_STAGES, CATEGORY_CODES, type CaseStage, type CategoryCode } from '#domain';
import { MyTasksQuery } from '../me/my-tasks.dto.js';

/** The statistics' day: 我的待办's `asOf`, checked by the same rules. */
export class CampaignStatisticsQuery extends PickType(MyTasksQuery, ['asOf'] as const) {
  @ApiPropertyOptional({
    description:
      '以哪一天计算期限状态与在本阶段天数（默认北京时间今天；各项计数总是当前的）/ The day due standings and days in stage are counted from (default: today in Asia/Shanghai; the counts are always current)',
    format: 'date',
    example: '2019-10-08',
  })
  override asOf?: string;
}

export class CategoryStatisticsDto {
  @ApiProperty({ description: '目标数（活动设置）/ Target (campaign settings)', type: Number, nullable: true }) target!: number | null;
  @ApiProperty({ description: '案件数 / Cases' }) total!: number;
  @ApiProperty({ description: '获金华市级认定数 / Certified by Jinhua' }) certified!: number;
  @ApiProperty({
    description: '各阶段案件数（仅列有案件的阶段）/ Cases per stage (stages with cases only)',
    type: 'object',
    properties: Object.fromEntries(CASE_STAGES.map((stage) => [stage, { type: 'integer' }])),
    additionalProperties: false,
  })
  byStage!: Partial<Record<CaseStage, number>>;
}

export class TimeInStageDto {
  @ApiProperty({ description: '已结束的停留次数 / Stays in the stage that have ended' }) completed!: number;
  @ApiProperty({ description: '平均天数 / Mean days', type: Number, nullable: true }) meanDays!: number | null;
  @ApiProperty({ description: '第 90 百分位天数（秩间线性插值）/ 90th percentile in days (interpolated between ranks)', type: Number, nullable: true })
  p90Days!: number | null;
}

export class DueStatusCountsDto {
  @ApiProperty({ description: '逾期 / Overdue: the due date has passed' }) overdue!: number;
  @ApiProperty({ description: '临期：剩余不超过 3 个工作日 / Due soon: 3 working days or fewer left' }) due_soon!: number;
  @ApiProperty({ description: '正常 / On track' }) on_track!: number;
  @ApiProperty({ description: '无期限 / No due date (the stage has none, or it is pending)' }) no_due_date!: number;
}

export class WaitingCaseDto {
  @ApiProperty({ description: '案件标识 / Case id' }) caseId!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '领域 / Category', enum: CATEGORY_CODES }) category!: CategoryCode;
  @ApiProperty({ description: '当前阶段 / Current stage', enum: CASE_STAGES }) stage!: CaseStage;
  @ApiProperty({ description: '进入本阶段的时间 (UTC) / When it entered the stage', format: 'date-time' }) stageEnteredAt!: string;
  @ApiProperty({
    description: '在本阶段的天数：自进入之日（北京时间）至 asOf 的自然日数 / Days in the stage: calendar days from the day it entered (Asia/Shanghai) to asOf',
  })
  daysInStage!: number;
  @ApiProperty({ description: '本阶段到期日 / The current stage’s due date (YYYY-MM-DD)', type: String, format: 'date', nullable: true }) dueOn!: string | null;
}

export class MonthlyCertificationsDto {
  @ApiProperty({ description: '月份 / Month (YYYY-MM)', example: '2019-12' }) month!: string;
  @ApiProperty({ description: '当月认定数（按认定日期）/ Certifications dated in the month' }) count!: number;
}

@ApiExtraModels(CategoryStatisticsDto, TimeInStageDto)
export class CampaignStatisticsDto {
  @ApiProperty({ description: '创建活动 / Campaign id', format: 'uuid' }) campaignId!: string;
  @ApiProperty({ description: '计算期限状态与在本阶段天数所用的日期 / The day due standings and days in stage were counted from', format: 'date' })
  asOf!: string;
  @ApiProperty({ description: '案件总数 / Cases' }) cases!: number;
  @ApiProperty({
    description: '各领域：目标、案件数、认定数、各阶段数 / Per category: target, cases, certified, cases per stage',
    type: 'object',
    properties: Object.fromEntries(CATEGORY_CODES.map((category) => [category, { allOf: [{ $ref: getSchemaPath(CategoryStatisticsDto) }] }])),
    required: [...CATEGORY_CODES],
    selfRequired: true,
    additionalProperties: false,
  })
  byCategory!: Record<CategoryCode, CategoryStatisticsDto>;
  @ApiProperty({ description: '逾期的在办案件数（等于 dueStatus.overdue）/ Open cases overdue (equals dueStatus.overdue)' }) overdue!: number;
  @ApiProperty({
    description:
      '在办案件（非终结阶段）按当前期限状态计数，与台账的期限筛选一致 / Open cases (not in a final stage) by how their current due date stands; the ledger’s due filter counts the same',
    type: DueStatusCountsDto,
  })
  dueStatus!: DueStatusCountsDto;
  @ApiProperty({
    description:
      '检查验收已有结论（通过或不予推荐）的案件中通过的比例 / Of the cases whose inspection ended (passed, or not recommended), the share that passed',
    type: Number,
    nullable: true,
  })
  passRate!: number | null;
  @ApiProperty({
    description: '各阶段用时（天），按已结束的停留计算 / Days in each stage, over the stays that have ended',
    type: 'object',
    properties: Object.fromEntries(CASE_STAGES.map((stage) => [stage, { allOf: [{ $ref: getSchemaPath(TimeInStageDto) }] }])),
    additionalProperties: false,
  })
  timeInStage!: Partial<Record<CaseStage, TimeInStageDto>>;
  @ApiProperty({
    description:
      '在本阶段停留最久的在办案件（已认定的除外，最多 10 件，最久在前）/ The open cases longest in their current stage, certified ones aside (at most 10, longest first)',
    type: [WaitingCaseDto],
  })
  longestWaiting!: WaitingCaseDto[];
  @ApiProperty({ description: '各月认定数（按认定日期，升序）/ Certifications per month (by certification date, ascending)', type: [MonthlyCertificationsDto] })
  certificationsByMonth!: MonthlyCertificationsDto[];
}
