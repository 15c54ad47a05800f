import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { CASE_SORT_FIELDS, type CaseSortField } from '#persistence';
import {
  ACTOR_ROLES,
  CAMPAIGN_YEARS,
  CASE_COMMAND_LIMITS as L,
  CASE_STAGES,
  CASE_STEPS,
  CATEGORY_CODES,
  DEADLINE_KINDS,
  DUE_STATUSES,
  isIsoDate,
  PLAN_STATUSES,
  type ActorRole,
  type CaseStage,
  type CaseStep,
  type CategoryCode,
  type DeadlineKind,
  type DueStatus,
  type PlanStatus,
} from '#domain';
import { PageQuery } from '../common/paging.dto.js';
import { MyTasksQuery } from '../me/my-tasks.dto.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The ids of documents uploaded to the case (POST /api/cases/:caseId/documents) that a step rests on. */
function DocumentIds(zh: string, en: string, maxItems: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: `${zh}：已上传至本案件的文件编号 / ${en}: ids of documents uploaded to this case`,
      type: [String],
      format: 'uuid',
      maxItems,
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsUUID('all', { each: true, message: '每个文件编号须为上传文件时返回的 UUID / each document id must be the UUID returned by the upload' }),
  );
}

/** Free-text references of earlier releases: read for one more release (see the README), then removed. */
const LEGACY_REFERENCES =
  '（已弃用）旧版文本引用：文件编号按文件读取，其余文字作为备注记录，不对应任何文件 / (Deprecated) free-text references: a document id is read as that document, any other text is recorded as a note naming no file';

export class InspectionRoundDto {
  @ApiProperty({ description: '检查轮次 / Inspection round' }) round!: number;
  @ApiProperty({
    description: '已提交评分的检查组成员（评分在本轮结束前不公开）/ Assessors who have scored (scores stay hidden until the round concludes)',
    type: [String],
  })
  submittedBy!: string[];
}

export class CaseStateDto {
  @ApiProperty({ description: '案件标识（活动+单位）/ Case id (campaign + unit)', example: 'case:2b0f…:9c1e…' }) caseId!: string;
  @ApiProperty({ description: '创建活动 / Campaign id', format: 'uuid' }) campaignId!: string;
  @ApiProperty({ description: '单位 / Unit id', format: 'uuid' }) unitId!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '清廉建设领域 / Category', enum: CATEGORY_CODES }) category!: CategoryCode;
  @ApiProperty({ description: '当前阶段 / Current stage', enum: CASE_STAGES }) stage!: CaseStage;
  @ApiProperty({ description: '阶段名称 / Stage name', example: '培育 / Cultivation' }) stageName!: string;
  @ApiProperty({ description: '创建方案状态 / Creation plan status', enum: PLAN_STATUSES }) planStatus!: PlanStatus;
  @ApiProperty({ description: '进度报告数 / Progress reports filed' }) progressReports!: number;
  @ApiProperty({ description: '自评总分 / Self-assessment total', nullable: true, type: Number }) selfAssessmentTotal!: number | null;
  @ApiProperty({ description: '检查组成员 / Assigned assessors', type: [String] }) assessorIds!: string[];
  @ApiProperty({ description: '须回避的检查组成员 / Assessors with a conflict', type: [String] }) conflictedAssessorIds!: string[];
  @ApiProperty({ description: '当前检查轮次 / Current inspection round', type: InspectionRoundDto, nullable: true }) inspection!: InspectionRoundDto | null;
  @ApiProperty({ description: '已用整改轮次 / Rectification rounds used' }) rectificationRounds!: number;
  @ApiProperty({ description: '最近一次检查结论 / Last inspection outcome', nullable: true, type: 'object', additionalProperties: true })
  lastOutcome!: { kind: string; total: number } | null;
  @ApiProperty({ description: '金华市级认定 / Certification', nullable: true, type: 'object', additionalProperties: true })
  certification!: { documentNumber: string; certifiedOn: string } | null;
  @ApiProperty({ description: '期限 / Deadlines (YYYY-MM-DD)', type: 'object', additionalProperties: { type: 'string' } }) deadlines!: Partial<
    Record<DeadlineKind, string>
  >;
  @ApiProperty({
    description:
      '期限待定：当前阶段的期限超出工作日历覆盖的年份，日历更新后自动设定，亦可由管理员设定 / Pending due date: beyond the working-day calendar; set once the calendar covers it, or by an administrator',
    nullable: true,
    type: 'object',
    additionalProperties: true,
  })
  pendingDeadline!: { deadline: DeadlineKind; enteredOn: string; duration: { days: number; unit: string } } | null;
  @ApiProperty({ description: '最后一条审计记录序号 / Sequence of the last recorded event' }) lastSequence!: number;
  @ApiProperty({
    description:
      '可办理事项：按案件规则，当前调用者此刻可以办理的步骤（过去时点的状态为空）/ The steps the rules would let the caller take now (empty for a past state)',
    enum: CASE_STEPS,
    isArray: true,
  })
  openSteps!: CaseStep[];
}

/** A plan, a progress report or a rectification report: its summary and the documents it rests on. */
export class ReportDto {
  @ApiProperty({ description: '内容摘要 / Summary', maxLength: L.summary })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.summary)
  summary!: string;

  @DocumentIds('附件', 'Documents', L.documentIds)
  documentIds?: string[];

  @ApiPropertyOptional({ description: LEGACY_REFERENCES, type: [String], maxItems: L.documentRefs, deprecated: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.documentRefs)
  @IsString({ each: true })
  @MaxLength(L.documentRef, { each: true })
  documentRefs?: string[];
}

class ReasonDto {
  @ApiProperty({ description: '理由 / Reason', maxLength: L.reason })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.reason)
  reason!: string;
}

export class ReviewPlanDto {
  @ApiProperty({ description: '通过（true）或退回（false）/ Approve (true) or return (false)' }) @IsBoolean() approve!: boolean;
  @ApiPropertyOptional({ description: '退回理由（退回时必填）/ Reason (required to return)', maxLength: L.reason })
  @IsOptional()
  @IsString()
  @MaxLength(L.reason)
  reason?: string;
}

/** A step that takes no fields (unknown ones are still refused). */
@ApiSchema({ name: 'EmptyBody', description: '无需内容 / No fields' })
export class EmptyDto {}

export class ScoreDto {
  @ApiProperty({ description: '指标编号 / Indicator code', example: 'VI-1.1' }) @IsString() @IsNotEmpty() @MaxLength(L.indicatorCode) indicatorCode!: string;
  @ApiProperty({ description: '得分（0 至分值）/ Points (0 to the weight)' }) @IsNumber() @Min(0) @Max(L.points) points!: number;
  @DocumentIds('佐证材料', 'Evidence', L.evidence)
  documentIds?: string[];

  @ApiPropertyOptional({ description: `佐证材料说明。${LEGACY_REFERENCES}`, type: [String], maxItems: L.evidence })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.evidence)
  @IsString({ each: true })
  @MaxLength(L.evidenceItem, { each: true })
  evidence?: string[];
}

export class ScoreSheetDto {
  @ApiProperty({ description: '各指标得分 / Scores per indicator', type: [ScoreDto] })
  @IsArray()
  @ArrayMaxSize(L.scores)
  // ValidateNested passes an array in place of a score (it validates the array's items).
  @IsObject({ each: true, message: '每项得分须为 {indicatorCode, points} 对象 / each score must be an object {indicatorCode, points}' })
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores!: ScoreDto[];

  @ApiPropertyOptional({ description: '发现的一票否决项编号 / Veto items found', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.vetoes)
  @IsString({ each: true })
  @MaxLength(L.indicatorCode, { each: true })
  vetoes?: string[];
}

export class InspectionScoresDto extends ScoreSheetDto {
  @ApiPropertyOptional({ description: '检查发现的问题 / Findings', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.findings)
  @IsString({ each: true })
  @MaxLength(L.finding, { each: true })
  findings?: string[];

  @DocumentIds('检查发现材料', 'Documents of the findings', L.documentIds)
  documentIds?: string[];
}

export class AssignAssessorsDto {
  @ApiProperty({ description: '检查组成员（至少 2 人）/ Assessors (at least 2)', type: [String] })
  @IsArray()
  @ArrayMaxSize(L.assessors)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(L.assessorId, { each: true })
  assessorIds!: string[];

  @ApiPropertyOptional({ description: '更换理由（更换时必填）/ Reason (required when replacing)' })
  @IsOptional()
  @IsString()
  @MaxLength(L.reason)
  reason?: string;
}

export class DeclareConflictDto {
  @ApiProperty({ description: '须回避的检查组成员 / Assessor with a conflict' }) @IsString() @IsNotEmpty() @MaxLength(L.assessorId) assessorId!: string;
}

export class RecommendDto {
  @ApiPropertyOptional({ description: '推荐批次 / Batch', example: '2019-第一批' }) @IsOptional() @IsString() @MaxLength(L.batch) batch?: string;
}

export class JinhuaDecisionDto {
  @ApiProperty({ description: '是否认定 / Certified or not' }) @IsBoolean() certified!: boolean;
  @ApiPropertyOptional({ description: '认定文号（认定时必填）/ Document number (when certified)', example: '金纪〔2019〕12号' })
  @IsOptional()
  @IsString()
  @MaxLength(L.documentNumber)
  documentNumber?: string;
  @ApiPropertyOptional({ description: '认定日期 YYYY-MM-DD / Date', example: '2019-12-20' })
  @IsOptional()
  @Matches(DATE, { message: 'certifiedOn must be YYYY-MM-DD' })
  certifiedOn?: string;
  @ApiPropertyOptional({ description: '不予认定理由 / Reason when not certified' }) @IsOptional() @IsString() @MaxLength(L.reason) reason?: string;
  @DocumentIds('认定通知等文件', "Jinhua's notice and other documents", L.documentIds)
  documentIds?: string[];
}

export class AnnualReviewDto {
  @ApiProperty({ description: '复核年度 / Year' }) @IsInt() @Min(CAMPAIGN_YEARS.first) @Max(CAMPAIGN_YEARS.last) year!: number;
  @ApiProperty({ description: '复核意见 / Summary' }) @IsString() @IsNotEmpty() @MaxLength(L.summary) summary!: string;
}

export class RevokeDto extends ReasonDto {}
export class WithdrawDto extends ReasonDto {}

export class ExtendDeadlineDto extends ReasonDto {
  @ApiProperty({ description: '期限 / Which deadline', enum: DEADLINE_KINDS }) @IsIn(DEADLINE_KINDS) deadline!: DeadlineKind;
  @ApiProperty({ description: '新期限 YYYY-MM-DD / New due date', example: '2019-10-31' })
  @Matches(DATE, { message: 'dueOn must be YYYY-MM-DD' })
  dueOn!: string;
}

/** 催办: the office's words to the unit, if any (the notice names the step the unit owes and its due date). */
export class UrgeDto {
  @ApiPropertyOptional({ description: '催办附言 / A message to the unit', maxLength: L.urgeMessage, example: '请于本周内提交创建方案' })
  @IsOptional()
  @IsString()
  @MaxLength(L.urgeMessage)
  message?: string;
}

export class CaseEventActorDto {
  @ApiProperty({ description: '操作人 / Actor id' }) id!: string;
  @ApiProperty({ description: '角色 / Role', enum: ACTOR_ROLES }) role!: ActorRole;
  @ApiProperty({ description: '操作人姓名（账户显示名或接口令牌名称；系统为 null）/ The actor’s name (null for the system)', nullable: true, type: String })
  name!: string | null;
}

export class CaseEventDto {
  @ApiProperty({ description: '事件标识 / Event id', format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '案件内序号 / Sequence within the case' }) sequence!: number;
  @ApiProperty({ description: '事件类型 / Event type', example: 'PlanSubmitted' }) type!: string;
  @ApiProperty({ description: '内容（本轮未结束时隐藏评分）/ Payload (scores of an open round hidden)', type: 'object', additionalProperties: true })
  payload!: Record<string, unknown>;
  @ApiProperty({ description: '操作人 / Actor', type: CaseEventActorDto }) actor!: CaseEventActorDto;
  @ApiProperty({ description: '理由 / Reason', nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ description: '发生时间 (UTC) / Occurred at', format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: '指标体系版本 / Framework version', nullable: true, type: String }) frameworkVersion!: string | null;
  @ApiProperty({ description: '前一条记录的哈希 / Hash of the previous event' }) prevHash!: string;
  @ApiProperty({ description: 'SHA-256(prevHash ‖ 规范化 JSON) / hash' }) hash!: string;
}

/** Why `value` cannot be a day of a ledger filter (YYYY-MM-DD, a real date); null when it can. */
function dayProblem(field: string, value: unknown): string | null {
  return typeof value === 'string' && isIsoDate(value) ? null : `${field} 须为 YYYY-MM-DD 格式的日期 / ${field} must be a date such as 2019-12-20 (YYYY-MM-DD)`;
}

/** A filter day (YYYY-MM-DD); `notBefore` names another day field of the same query it may not precede. */
function FilterDay(field: string, notBefore?: string): PropertyDecorator {
  const problem = (value: unknown, object: object): string | null => {
    const own = dayProblem(field, value);
    if (own !== null || notBefore === undefined) return own;
    const earliest = (object as Record<string, unknown>)[notBefore];
    return typeof earliest === 'string' && isIsoDate(earliest) && String(value) < earliest
      ? `${field} 不能早于 ${notBefore} / ${field} must not be before ${notBefore}`
      : null;
  };
  return applyDecorators(
    IsOptional(),
    ValidateBy({
      name: 'isFilterDay',
      validator: {
        validate: (value, args) => problem(value, args?.object ?? {}) === null,
        defaultMessage: (args) => problem(args?.value, args?.object ?? {}) ?? '',
      },
    }),
  );
}

/**
 * 台账: which cases and in which order, as the case list takes them in its query string. The export takes the same
 * and a saved view stores exactly these, so all three are checked by these rules.
 */
export class LedgerQuery {
  @ApiPropertyOptional({ description: '创建活动 / Campaign id', format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional({ description: '领域 / Category', enum: CATEGORY_CODES }) @IsOptional() @IsIn(CATEGORY_CODES) category?: CategoryCode;
  @ApiPropertyOptional({ description: '阶段 / Stage', enum: CASE_STAGES }) @IsOptional() @IsIn(CASE_STAGES) stage?: CaseStage;
  @ApiPropertyOptional({
    description: '期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status of the current stage (due_soon: at most 3 working days left)',
    enum: DUE_STATUSES,
  })
  @IsOptional()
  @IsIn(DUE_STATUSES)
  dueStatus?: DueStatus;
  @ApiPropertyOptional({ description: '未结束（true）或已结束（false）/ Open (true: not at a final stage) or closed (false)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'open 须为 "true" 或 "false" / open must be "true" or "false"' })
  open?: 'true' | 'false';
  @ApiPropertyOptional({ description: '单位名称包含 / Unit name contains', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: '认定日期不早于 YYYY-MM-DD / Certified on or after', format: 'date', example: '2019-01-01' })
  @FilterDay('certifiedFrom')
  certifiedFrom?: string;
  @ApiPropertyOptional({ description: '认定日期不晚于 YYYY-MM-DD / Certified on or before', format: 'date', example: '2019-12-31' })
  @FilterDay('certifiedTo', 'certifiedFrom')
  certifiedTo?: string;
  @ApiPropertyOptional({
    description: '排序字段（dueOn、stageEnteredAt、certifiedOn 为空者排在最后）/ Sort by (cases without a dueOn, stageEnteredAt or certifiedOn last)',
    enum: CASE_SORT_FIELDS,
    default: 'unitName',
  })
  @IsOptional()
  @IsIn(CASE_SORT_FIELDS)
  sort?: CaseSortField;
  @ApiPropertyOptional({ description: '顺序 / Order', enum: ['asc', 'desc'], default: 'asc' }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

/** The day due standings are counted from: 我的待办's `asOf`, checked by its rules. */
export class AsOfDayQuery extends PickType(MyTasksQuery, ['asOf']) {}

/** The case list's query: the ledger's filters and order, a page, and the day due standings are counted from. */
export class ListCasesQuery extends IntersectionType(LedgerQuery, PageQuery, AsOfDayQuery) {}

export class CaseSummaryDto {
  @ApiProperty({ description: '案件标识 / Case id' }) caseId!: string;
  @ApiProperty({ description: '创建活动 / Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '单位 / Unit id' }) unitId!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '领域 / Category', enum: CATEGORY_CODES }) category!: CategoryCode;
  @ApiProperty({ description: '阶段 / Stage', enum: CASE_STAGES }) stage!: CaseStage;
  @ApiProperty({ description: '阶段名称 / Stage name' }) stageName!: string;
  @ApiProperty({ description: '创建方案状态 / Plan status', enum: PLAN_STATUSES }) planStatus!: PlanStatus;
  @ApiProperty({ description: '检查组成员 / Assessors', type: [String] }) assessorIds!: string[];
  @ApiProperty({ description: '最近检查结论 / Last outcome', nullable: true, type: 'object', additionalProperties: true }) lastOutcome!: {
    kind: string;
    total: number;
  } | null;
  @ApiProperty({ description: '期限 / Deadlines', type: 'object', additionalProperties: { type: 'string' } }) deadlines!: Partial<Record<DeadlineKind, string>>;
  @ApiProperty({
    description: '当前阶段的期限 YYYY-MM-DD（无期限或期限待定为 null）/ Due date of the current stage (null: none, or pending)',
    nullable: true,
    type: String,
  })
  dueOn!: string | null;
  @ApiProperty({ description: '距期限的工作日数，逾期为负 / Working days left until the due date, negative when overdue', nullable: true, type: Number })
  workingDaysLeft!: number | null;
  @ApiProperty({ description: '期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status', enum: DUE_STATUSES }) dueStatus!: DueStatus;
  @ApiProperty({ description: '期限状态名称 / Due status in words', example: '临期 / Due soon' }) dueStatusName!: string;
  @ApiProperty({ description: '进入本阶段的时间 (UTC) / When the case entered its stage', format: 'date-time', nullable: true, type: String })
  stageEnteredAt!: string | null;
  @ApiProperty({ description: '金华市级认定日期 YYYY-MM-DD / Certified on', nullable: true, type: String }) certifiedOn!: string | null;
  @ApiProperty({ description: '认定文号 / Document number of the certification', nullable: true, type: String }) documentNumber!: string | null;
  @ApiProperty({ description: '最后更新 (UTC) / Updated at', format: 'date-time' }) updatedAt!: string;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty({ description: '符合条件的总数 / Total matching' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: '计算期限状态所用的日期 / The day due standings were counted from', example: '2019-10-08' }) asOf!: string;
}

export class AsOfQuery {
  @ApiProperty({ description: '时间点（ISO 8601）/ Moment (ISO 8601)', example: '2019-06-30T16:00:00Z' })
  @IsISO8601({ strict: true })
  // ISO 8601 also has forms JavaScript's Date cannot read (20191231, 2019-W26-7); the service needs a Date.
  @ValidateBy({
    name: 'isReadableInstant',
    validator: {
      validate: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
      defaultMessage: () => 'asOf 须为 2019-06-30T16:00:00Z 这样的时间 / asOf must be a moment such as 2019-06-30T16:00:00Z',
    },
  })
  asOf!: string;
}

/** The case now, as the read model holds it: answered while workers are down or Temporal restarts. */
export class CaseReadDto extends CaseStateDto {
  @ApiProperty({
    description:
      '本答复截至的审计记录（序号 lastSequence）的记录时间：读自与审计记录同一事务更新的读模型，工作进程停止或 Temporal 重启时照常答复 / When the last recorded event (lastSequence) this answer reflects was recorded: read from the read model, written in the same transaction as the audit trail, so it answers while workers are down or Temporal restarts',
    format: 'date-time',
  })
  recordedAt!: string;
}

export class CaseStateAsOfDto extends CaseStateDto {
  @ApiProperty({ description: '所查询的时间点 / The moment asked for', format: 'date-time' }) asOf!: string;
}
