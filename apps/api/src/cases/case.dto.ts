import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ACTOR_ROLES, CASE_STAGES, CATEGORY_CODES, PLAN_STATUSES, type ActorRole, type CaseStage, type CategoryCode, type PlanStatus } from '#domain';

export class CaseStateDto {
  @ApiProperty({ description: '案件标识（活动+单位）/ Case id (campaign + unit)', example: 'case:2b0f…:9c1e…' }) caseId!: string;
  @ApiProperty({ description: '创建活动 / Campaign id', format: 'uuid' }) campaignId!: string;
  @ApiProperty({ description: '单位 / Unit id', format: 'uuid' }) unitId!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '清廉建设领域 / Category', enum: CATEGORY_CODES }) category!: CategoryCode;
  @ApiProperty({ description: '当前阶段 / Current stage', enum: CASE_STAGES }) stage!: CaseStage;
  @ApiProperty({ description: '阶段名称 / Stage name', example: '培育 / Cultivation' }) stageName!: string;
  @ApiProperty({ description: '创建方案状态 / Creation plan status', enum: PLAN_STATUSES }) planStatus!: PlanStatus;
  @ApiProperty({ description: '最后一条审计记录序号 / Sequence of the last recorded event' }) lastSequence!: number;
}

export class SubmitPlanDto {
  @ApiProperty({ description: '创建方案内容摘要 / Creation plan summary', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  summary!: string;

  @ApiPropertyOptional({ description: '附件引用（文件编号或链接）/ Document references', type: [String], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  documentRefs?: string[];
}

export class CaseEventActorDto {
  @ApiProperty({ description: '操作人 / Actor id' }) id!: string;
  @ApiProperty({ description: '角色 / Role', enum: ACTOR_ROLES }) role!: ActorRole;
}

export class CaseEventDto {
  @ApiProperty({ description: '事件标识 / Event id', format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '案件内序号 / Sequence within the case' }) sequence!: number;
  @ApiProperty({ description: '事件类型 / Event type', example: 'PlanSubmitted' }) type!: string;
  @ApiProperty({ description: '内容 / Payload', type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ description: '操作人 / Actor', type: CaseEventActorDto }) actor!: CaseEventActorDto;
  @ApiProperty({ description: '理由 / Reason', nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ description: '发生时间 (UTC) / Occurred at', format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: '指标体系版本 / Framework version', nullable: true, type: String }) frameworkVersion!: string | null;
  @ApiProperty({ description: '前一条记录的哈希 / Hash of the previous event' }) prevHash!: string;
  @ApiProperty({ description: 'SHA-256(prevHash ‖ 规范化 JSON) / hash' }) hash!: string;
}
