import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AuditVerifier, type AuditReport } from '#persistence';
import { Allow } from '../auth/access.decorators.js';

export class VerifyAuditQuery {
  @ApiPropertyOptional({ description: '只校验此案件；缺省校验全部 / Verify this case only; all cases when omitted' })
  @IsOptional()
  @Matches(/^case:[^\s]{1,190}$/, { message: 'caseId must look like case:<campaign>:<unit>' })
  caseId?: string;

  @ApiPropertyOptional({
    description: '同时重新计算审计记录所引用的每个文件的哈希 / Also re-hash every stored file the events reference',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  documents?: 'true' | 'false';
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
  problems!: DocumentProblemDto[];
  @ApiProperty({ description: '问题总数 / Problems in all' }) problemCount!: number;
}

class AuditReportDto {
  @ApiProperty({ description: '哈希链是否完整 / Whether every chain holds' }) ok!: boolean;
  @ApiProperty({ description: '已校验案件数 / Cases checked' }) casesChecked!: number;
  @ApiProperty({ description: '已校验事件数 / Events checked' }) eventsChecked!: number;
  @ApiProperty({ description: '第一个断裂处 / First broken link', type: BrokenLinkDto, nullable: true }) firstBrokenLink!: BrokenLinkDto | null;
  @ApiPropertyOptional({ description: '文件校验（documents=true 时）/ Stored files (with documents=true)', type: DocumentsReportDto })
  documents?: DocumentsReportDto;
}

@ApiTags('audit 审计')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditVerifier) private readonly verifier: AuditVerifier) {}

  @Get('verify')
  @Allow('audit:verify')
  @ApiOperation({
    summary: '校验审计记录哈希链 / Verify the audit trail hash chains',
    description:
      '报告第一个断裂处；documents=true 时另报告每个缺失或被改动的文件（案件、序号、文件） / Reports the first broken link exactly; with documents=true also every missing or altered stored file (case, sequence, document).',
  })
  @ApiOkResponse({ type: AuditReportDto })
  verify(@Query() query: VerifyAuditQuery): Promise<AuditReport> {
    const options = { documents: query.documents === 'true' };
    return query.caseId === undefined ? this.verifier.verifyAll(options) : this.verifier.verifyCase(query.caseId, options);
  }
}
