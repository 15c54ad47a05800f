import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ACTOR_ROLES, CASE_EVENT_TYPES, type ActorRole, type CaseEventType } from '#domain';
import { CHECKPOINT_PROBLEMS } from '#persistence';
import { TimeRangePageQuery } from '../common/time-range.dto.js';

const CASE_ID = /^case:[^\s]{1,190}$/;
const CASE_ID_MESSAGE = 'caseId 须形如 case:<活动>:<单位> / caseId must look like case:<campaign>:<unit>';

export class VerifyAuditQuery {
  @ApiPropertyOptional({ description: '只校验此案件；缺省校验全部 / Verify this case only; all cases when omitted' })
  @IsOptional()
  @Matches(CASE_ID, { message: CASE_ID_MESSAGE })
  caseId?: string;

  @ApiPropertyOptional({
    description: '同时重新计算审计记录所引用的每个文件的哈希 / Also re-hash every stored file the events reference',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  documents?: 'true' | 'false';

  @ApiPropertyOptional({
    description: '同时询问每个案件的工作流其最后序号（每个案件一次查询）/ Also ask each case’s workflow for its last sequence (one query per case)',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'workflows 须为 true 或 false / workflows must be true or false' })
  workflows?: 'true' | 'false';
}

class BrokenLinkDto {
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '序号 / Sequence' }) sequence!: number;
  @ApiProperty({ description: '问题 / What does not hold', enum: ['sequence', 'prev_hash', 'hash'] }) problem!: string;
  @ApiProperty({ description: '应为 / Expected' }) expected!: string;
  @ApiProperty({ description: '实际 / Found' }) found!: string;
}

class DocumentProblemDto {
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '引用该文件的事件序号 / Sequence of the event referencing it' }) sequence!: number;
  @ApiProperty({ description: '文件 / Document id' }) documentId!: string;
  @ApiProperty({ description: '文件名 / File name' }) name!: string;
  @ApiProperty({ description: '问题：缺失或被改动 / Missing or altered', enum: ['missing', 'altered'] }) problem!: string;
  @ApiProperty({ description: '事件记录的 SHA-256 / SHA-256 the event recorded' }) expected!: string;
  @ApiProperty({ description: '现存内容的 SHA-256 / SHA-256 of the bytes now stored', nullable: true, type: String }) found!: string | null;
}

class DocumentsReportDto {
  @ApiProperty({ description: '已校验的文件引用数 / References checked' }) referencesChecked!: number;
  @ApiProperty({ description: '已重新计算哈希的文件数 / Distinct files re-hashed' }) filesHashed!: number;
  @ApiProperty({
    description: '缺失或被改动的文件引用（至多列出 1000 条）/ References to missing or altered files (at most 1,000 listed)',
    type: [DocumentProblemDto],
  })
  problems!: readonly DocumentProblemDto[];
  @ApiProperty({ description: '问题总数 / Problems in all' }) problemCount!: number;
}

class CheckpointSummaryDto {
  @ApiProperty({ description: '检查点编号 / Checkpoint number' }) number!: number;
  @ApiProperty({ description: '签名时间 (UTC) / Signed at', format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Merkle 根 / Merkle root (RFC 6962, hex)' }) root!: string;
  @ApiProperty({ description: '案件数 / Cases covered' }) cases!: number;
  @ApiProperty({ description: '案件事件数 / Case events' }) events!: number;
  @ApiProperty({ description: '账户记录链的最后序号 / Last sequence of the account events' }) accountEvents!: number;
  @ApiProperty({ description: '签名密钥标识（公钥 SPKI DER 的 SHA-256）/ Key id: SHA-256 of the public key’s SPKI DER' }) keyId!: string;
}

class CheckpointProblemDto {
  @ApiProperty({ description: '问题 / What does not hold', enum: CHECKPOINT_PROBLEMS }) problem!: string;
  @ApiProperty({ description: '据以发现的检查点 / The checkpoint it is found against', nullable: true, type: Number }) checkpoint!: number | null;
  @ApiProperty({ description: '案件或 account-events / Case id, or account-events', nullable: true, type: String }) chain!: string | null;
  @ApiProperty({ description: '涉及的第一个序号 / First sequence concerned', nullable: true, type: Number }) fromSequence!: number | null;
  @ApiProperty({ description: '涉及的最后序号 / Last sequence concerned', nullable: true, type: Number }) toSequence!: number | null;
  @ApiProperty({ description: '应为 / Expected', nullable: true, type: String }) expected!: string | null;
  @ApiProperty({ description: '实际 / Found', nullable: true, type: String }) found!: string | null;
  @ApiProperty({ description: '缺少该检查点的存储 / The store lacking it', nullable: true, type: String }) store!: string | null;
}

class CheckpointsReportDto {
  @ApiProperty({ description: '已读取的检查点数 / Checkpoints read' }) checkpointsChecked!: number;
  @ApiProperty({ description: '最新检查点 / Latest checkpoint', type: CheckpointSummaryDto, nullable: true }) latest!: CheckpointSummaryDto | null;
  @ApiProperty({ description: '签名密钥 / Keys that signed them', type: [String] }) keyIds!: readonly string[];
  @ApiProperty({
    description:
      '不成立的检查点，及其所记录而今已缺失或被改动之处（至多 1000 条）/ Checkpoints that do not hold, and what they covered that is gone or changed (at most 1,000)',
    type: [CheckpointProblemDto],
  })
  problems!: readonly CheckpointProblemDto[];
  @ApiProperty({ description: '问题总数 / Problems in all' }) problemCount!: number;
}

class ReadModelProblemDto {
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '问题 / What does not hold', enum: ['disagrees', 'no_record', 'no_events'] }) problem!: string;
  @ApiProperty({ description: '事件链最后序号 / Chain’s last sequence', nullable: true, type: Number }) chainLastSequence!: number | null;
  @ApiProperty({ description: 'case_record 的最后序号 / case_record’s last sequence', nullable: true, type: Number }) recordLastSequence!: number | null;
}

class ReadModelReportDto {
  @ApiProperty({ description: '已比对案件数 / Cases compared' }) casesChecked!: number;
  @ApiProperty({ description: '不一致之处（至多 1000 条）/ Disagreements (at most 1,000)', type: [ReadModelProblemDto] })
  problems!: readonly ReadModelProblemDto[];
  @ApiProperty({ description: '问题总数 / Problems in all' }) problemCount!: number;
}

class AccountBrokenLinkDto {
  @ApiProperty({ description: '序号 / Sequence' }) sequence!: number;
  @ApiProperty({ description: '问题 / What does not hold', enum: ['sequence', 'prev_hash', 'hash'] }) problem!: string;
  @ApiProperty({ description: '应为 / Expected' }) expected!: string;
  @ApiProperty({ description: '实际 / Found' }) found!: string;
}

class AccountChainReportDto {
  @ApiProperty({ description: '账户记录链是否完整 / Whether the account events’ chain holds' }) ok!: boolean;
  @ApiProperty({ description: '已校验记录数 / Events checked' }) eventsChecked!: number;
  @ApiProperty({ description: '第一个断裂处 / First broken link', type: AccountBrokenLinkDto, nullable: true }) firstBrokenLink!: AccountBrokenLinkDto | null;
}

class WorkflowProblemDto {
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '问题 / What does not hold', enum: ['disagrees', 'missing'] }) problem!: string;
  @ApiProperty({ description: '事件链最后序号 / Chain’s last sequence' }) chainLastSequence!: number;
  @ApiProperty({ description: '工作流的最后序号 / The workflow’s last sequence', nullable: true, type: Number }) workflowLastSequence!: number | null;
}

class WorkflowsReportDto {
  @ApiProperty({ description: '能否询问 Temporal / Whether Temporal could be asked' }) reachable!: boolean;
  @ApiProperty({ description: '不能询问的原因 / Why it could not', nullable: true, type: String }) error!: string | null;
  @ApiProperty({ description: '已比对案件数 / Cases compared' }) casesChecked!: number;
  @ApiProperty({ description: '不一致之处（至多 1000 条）/ Disagreements (at most 1,000)', type: [WorkflowProblemDto] })
  problems!: readonly WorkflowProblemDto[];
  @ApiProperty({ description: '问题总数 / Problems in all' }) problemCount!: number;
}

export class AuditReportDto {
  @ApiProperty({ description: '一切相符 / Whether everything holds' }) ok!: boolean;
  @ApiProperty({ description: '已校验案件数 / Cases checked' }) casesChecked!: number;
  @ApiProperty({ description: '已校验事件数 / Events checked' }) eventsChecked!: number;
  @ApiProperty({ description: '第一个断裂处 / First broken link', type: BrokenLinkDto, nullable: true }) firstBrokenLink!: BrokenLinkDto | null;
  @ApiPropertyOptional({ description: '文件校验（documents=true 时）/ Stored files (with documents=true)', type: DocumentsReportDto })
  documents?: DocumentsReportDto;
  @ApiPropertyOptional({ description: '与签名检查点比对 / Against the signed checkpoints', type: CheckpointsReportDto })
  checkpoints?: CheckpointsReportDto;
  @ApiProperty({ description: '案件视图与事件链比对 / The read model against the chains', type: ReadModelReportDto }) readModel!: ReadModelReportDto;
  @ApiPropertyOptional({ description: '账户记录链（校验全部时）/ The account events’ chain (when verifying every case)', type: AccountChainReportDto })
  accountEvents?: AccountChainReportDto;
  @ApiPropertyOptional({ description: '工作流比对（workflows=true 时）/ The workflows (with workflows=true)', type: WorkflowsReportDto })
  workflows?: WorkflowsReportDto;
}

class ReportActorDto {
  @ApiProperty({ description: '账户或接口令牌标识 / Account or api-token id' }) id!: string;
  @ApiProperty({ description: '角色 / Role', enum: ACTOR_ROLES }) role!: ActorRole;
  @ApiProperty({ description: '名称 / Name', nullable: true, type: String }) name!: string | null;
}

class CodeVersionDto {
  @ApiProperty({ description: '程序版本（package.json）/ Release (package.json)', example: '0.1.0' }) version!: string;
  @ApiProperty({ description: '源码提交（有 git 目录时）/ Source commit, when the checkout has its git folder', nullable: true, type: String })
  commit!: string | null;
}

class VerificationScopeDto {
  @ApiProperty({ description: '只校验的案件；null 为全部 / The one case verified; null for all', nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ description: '是否校验了文件 / Whether stored files were re-hashed' }) documents!: boolean;
  @ApiProperty({ description: '是否询问了工作流 / Whether the workflows were asked' }) workflows!: boolean;
}

/** 审计校验报告: the verification as a file to keep, with when, by whom, of what and by which code. */
export class AuditVerificationReportDto {
  @ApiProperty({ example: '清廉细胞示范点创建管理 · 审计记录校验报告 / Qinglian audit verification report' }) title!: string;
  @ApiProperty({ description: '开始校验 (UTC) / Verification started', format: 'date-time' }) startedAt!: string;
  @ApiProperty({ description: '报告生成 (UTC) / Report generated', format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: '生成人 / Generated by', type: ReportActorDto }) generatedBy!: ReportActorDto;
  @ApiProperty({ description: '数据库 / Database kind', enum: ['sqlite', 'postgresql'] }) database!: 'sqlite' | 'postgresql';
  @ApiProperty({ type: CodeVersionDto }) code!: CodeVersionDto;
  @ApiProperty({ type: VerificationScopeDto }) scope!: VerificationScopeDto;
  @ApiProperty({ description: '校验结果（与 GET /api/audit/verify 相同）/ The result, as GET /api/audit/verify answers it', type: AuditReportDto })
  report!: AuditReportDto;
}

export class AuditEventsQuery extends TimeRangePageQuery {
  @ApiPropertyOptional({ description: '操作人：账户标识、api-token:<标识> 或 system / Actor: account id, api-token:<id> or system', maxLength: 100 })
  @IsOptional()
  @Matches(/^[\w:.@-]{1,100}$/, { message: 'actorId 须为账户标识、api-token:<标识> 或 system / actorId must be an account id, api-token:<id> or system' })
  actorId?: string;

  @ApiPropertyOptional({ description: '事件类型 / Event type', enum: CASE_EVENT_TYPES })
  @IsOptional()
  @IsIn(CASE_EVENT_TYPES, { message: `type 须为案件事件类型之一（${CASE_EVENT_TYPES.join(', ')}）/ type must be one of the case event types` })
  type?: CaseEventType;

  @ApiPropertyOptional({ description: '案件 / Case id' })
  @IsOptional()
  @Matches(CASE_ID, { message: CASE_ID_MESSAGE })
  caseId?: string;

  @ApiPropertyOptional({ description: '创建活动 / Campaign id', format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'campaignId 须为 UUID / campaignId must be a UUID' })
  campaignId?: string;
}

class AuditEventActorDto {
  @ApiProperty({ description: '账户、api-token:<标识> 或 system / Account id, api-token:<id> or system' }) id!: string;
  @ApiProperty({ description: '角色 / Role', enum: ACTOR_ROLES }) role!: ActorRole;
  @ApiProperty({ description: '名称（系统为 null）/ The name it goes by (null for the system)', nullable: true, type: String }) name!: string | null;
}

export class AuditEventDto {
  @ApiProperty({ description: '事件标识 / Event id' }) eventId!: string;
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '创建活动 / Campaign id', nullable: true, type: String }) campaignId!: string | null;
  @ApiProperty({ description: '单位 / Unit id', nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ description: '单位名称 / Unit name', nullable: true, type: String }) unitName!: string | null;
  @ApiProperty({ description: '案件内序号 / Sequence within the case' }) sequence!: number;
  @ApiProperty({ description: '事件类型 / Event type', enum: CASE_EVENT_TYPES }) type!: CaseEventType;
  @ApiProperty({ type: AuditEventActorDto }) actor!: AuditEventActorDto;
  @ApiProperty({ description: '理由 / Reason', nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ description: '发生时间 (UTC) / Occurred at', format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: '本条记录的哈希 / The event’s hash' }) hash!: string;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto], description: '最新在前 / Newest first' }) items!: AuditEventDto[];
  @ApiProperty({ description: '符合条件的总数 / Total matching' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
