import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  ACTOR_ROLES,
  BULK_ACTION_ITEM_STATUSES,
  BULK_ACTION_KINDS,
  BULK_ACTION_STATUSES,
  CASE_COMMAND_LIMITS as L,
  CASE_STAGES,
  MAX_BULK_ACTION_CASES,
  MAX_EXTENSION_WORKING_DAYS,
  type ActorRole,
  type BulkActionItemStatus,
  type BulkActionKind,
  type BulkActionStatus,
  type CaseStage,
} from '#domain';
import { PageQuery } from '../common/paging.dto.js';
import { LedgerQuery } from '../cases/case.dto.js';

const CASE_ID = /^case:[0-9a-f-]{36}:[0-9a-f-]{36}$/;

/**
 * Which cases: the ledger's filter (台账, as its URL carries it), or the cases named one by one (`caseIds`, alone).
 * Either way only cases the caller sees are taken.
 */
export class BulkActionFilterDto extends OmitType(LedgerQuery, ['sort', 'order']) {
  @ApiPropertyOptional({
    description: '逐个指定的案件（与其他筛选条件不能同时使用）/ Cases named one by one (not together with the other filters)',
    type: [String],
    maxItems: MAX_BULK_ACTION_CASES,
    example: ['case:2b0f…:9c1e…'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BULK_ACTION_CASES)
  @Matches(CASE_ID, { each: true, message: '每个案件标识须为 case:<活动标识>:<单位标识> / each case id must be case:<campaign uuid>:<unit uuid>' })
  caseIds?: string[];
}

/** The parameters of every kind, each optional here: which a kind needs, and their rules, are the domain's (bulkActionRequest). */
export class BulkActionParametersDto {
  @ApiPropertyOptional({ description: '延长期限：新期限 YYYY-MM-DD（须晚于今天）/ extend_deadline: the new due date (after today)', example: '2019-10-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'newDueOn 须为 YYYY-MM-DD / newDueOn must be YYYY-MM-DD' })
  newDueOn?: string;

  @ApiPropertyOptional({
    description:
      '延长期限：在各案件当前期限上顺延的工作日数（与 newDueOn 二选一）/ extend_deadline: working days added to each case’s current due date (instead of newDueOn)',
    minimum: 1,
    maximum: MAX_EXTENSION_WORKING_DAYS,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EXTENSION_WORKING_DAYS)
  workingDays?: number;

  @ApiPropertyOptional({
    description: '理由（延长期限必填；指派检查组时更换成员须填）/ Reason (required to extend; to assign, where someone is replaced)',
    maxLength: L.reason,
  })
  @IsOptional()
  @IsString()
  @MaxLength(L.reason)
  reason?: string;

  @ApiPropertyOptional({ description: '指派检查组：检查组成员账户（至少 2 人）/ assign_assessors: assessor accounts (at least 2)', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.assessors)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(L.assessorId, { each: true })
  assessorIds?: string[];

  @ApiPropertyOptional({ description: '催办：附言 / urge: a message to the units', maxLength: L.urgeMessage })
  @IsOptional()
  @IsString()
  @MaxLength(L.urgeMessage)
  message?: string;
}

export class BulkActionPreviewRequestDto {
  @ApiProperty({
    description: '操作：延长期限、催办、指派检查组 / The action: extend due dates, send a reminder now, assign assessors',
    enum: BULK_ACTION_KINDS,
  })
  @IsIn(BULK_ACTION_KINDS)
  kind!: BulkActionKind;

  @ApiProperty({ description: '所选案件 / Which cases', type: BulkActionFilterDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BulkActionFilterDto)
  filter!: BulkActionFilterDto;
}

export class StartBulkActionDto extends BulkActionPreviewRequestDto {
  @ApiProperty({
    description:
      '确认时显示的案件数：所选案件数已变化时拒绝（409 SELECTION_CHANGED）/ The count the office confirmed: refused when the selection no longer has it',
    minimum: 1,
    maximum: MAX_BULK_ACTION_CASES,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_BULK_ACTION_CASES)
  expectedCount!: number;

  @ApiProperty({ description: '操作参数 / The action’s parameters', type: BulkActionParametersDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BulkActionParametersDto)
  parameters!: BulkActionParametersDto;
}

export class SelectedCaseDto {
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '阶段 / Stage', enum: CASE_STAGES }) stage!: CaseStage;
}

export class BulkActionPreviewDto {
  @ApiProperty({ description: '所选案件数（请确认后再执行）/ How many cases the selection has (confirm it before starting)' }) count!: number;
  @ApiProperty({ description: '一次至多处理的案件数 / The most cases one action takes' }) maxCases!: number;
  @ApiProperty({ description: '前 10 个案件（按单位名称）/ The first 10 cases (by unit name)', type: [SelectedCaseDto] }) sample!: SelectedCaseDto[];
}

export class BulkActionStartedDto {
  @ApiProperty({ description: '批量操作标识（工作流 bulk-action:<id>）/ Bulk action id (workflow bulk-action:<id>)', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '案件数 / Cases it takes' }) total!: number;
}

export class BulkActionStarterDto {
  @ApiProperty({ description: '发起人 / Who started it (account or api-token:<id>)' }) id!: string;
  @ApiProperty({ description: '角色 / Role', enum: ACTOR_ROLES }) role!: ActorRole;
  @ApiProperty({ description: '姓名 / Name', nullable: true, type: String }) name!: string | null;
}

export class BulkActionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '操作 / Kind', enum: BULK_ACTION_KINDS }) kind!: BulkActionKind;
  @ApiProperty({ description: '操作名称 / Kind in words', example: '延长期限 / Extend due dates' }) kindName!: string;
  @ApiProperty({ description: '参数 / Parameters', type: 'object', additionalProperties: true }) parameters!: Record<string, unknown>;
  @ApiProperty({ description: '发起人 / Started by', type: BulkActionStarterDto }) startedBy!: BulkActionStarterDto;
  @ApiProperty({ description: '发起时间 (UTC) / Started at', format: 'date-time' }) startedAt!: string;
  @ApiProperty({ description: '案件数 / Cases' }) total!: number;
  @ApiProperty({ description: '已完成 / Succeeded' }) succeeded!: number;
  @ApiProperty({ description: '被规则拒绝 / Refused by the case’s rules' }) refused!: number;
  @ApiProperty({ description: '失败（多次重试后）/ Failed (after retries)' }) failed!: number;
  @ApiProperty({ description: '待处理 / Pending' }) pending!: number;
  @ApiProperty({ description: '状态：running 进行中、completed 已完成 / Status', enum: BULK_ACTION_STATUSES }) status!: BulkActionStatus;
  @ApiProperty({ description: '完成时间 (UTC) / Finished at', format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
}

export class BulkActionListDto {
  @ApiProperty({ type: [BulkActionSummaryDto], description: '最新在前 / Newest first' }) items!: BulkActionSummaryDto[];
  @ApiProperty({ description: '总数 / Total' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class BulkActionItemDto {
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '确认时的阶段 / Stage when confirmed', enum: CASE_STAGES }) stage!: CaseStage;
  @ApiProperty({ description: '结果：pending 待处理、succeeded 完成、refused 被拒绝、failed 失败 / Result', enum: BULK_ACTION_ITEM_STATUSES })
  status!: BulkActionItemStatus;
  @ApiProperty({ description: '拒绝或失败的代码 / Code of the refusal or failure', nullable: true, type: String }) code!: string | null;
  @ApiProperty({ description: '原因（中文 / English）/ Why', nullable: true, type: String }) message!: string | null;
  @ApiProperty({ description: '完成时间 (UTC) / Finished at', format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
}

export class BulkActionItemPageDto {
  @ApiProperty({ type: [BulkActionItemDto], description: '按单位名称 / By unit name' }) items!: BulkActionItemDto[];
  @ApiProperty({ description: '符合条件的总数 / Total matching' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class BulkActionDetailDto extends BulkActionSummaryDto {
  @ApiProperty({ description: '各案件结果（分页）/ Per-case results (paged)', type: BulkActionItemPageDto }) results!: BulkActionItemPageDto;
}

export class BulkActionItemsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '仅此结果 / Only this result', enum: BULK_ACTION_ITEM_STATUSES })
  @IsOptional()
  @IsIn(BULK_ACTION_ITEM_STATUSES)
  status?: BulkActionItemStatus;
}
