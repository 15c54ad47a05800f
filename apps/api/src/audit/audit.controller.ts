import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AuditVerifier, type AuditReport } from '#persistence';
import { Allow } from '../auth/access.decorators.js';

export class VerifyAuditQuery {
  @ApiPropertyOptional({ description: '只校验此案件；缺省校验全部 / Verify this case only; all cases when omitted' })
  @IsOptional()
  @Matches(/^case:[^\s]{1,190}$/, { message: 'caseId must look like case:<campaign>:<unit>' })
  caseId?: string;
}

class BrokenLinkDto {
  @ApiProperty({ description: '案件 / Case id' }) caseId!: string;
  @ApiProperty({ description: '序号 / Sequence' }) sequence!: number;
  @ApiProperty({ description: '问题 / What does not hold', enum: ['sequence', 'prev_hash', 'hash'] }) problem!: string;
  @ApiProperty({ description: '应为 / Expected' }) expected!: string;
  @ApiProperty({ description: '实际 / Found' }) found!: string;
}

class AuditReportDto {
  @ApiProperty({ description: '哈希链是否完整 / Whether every chain holds' }) ok!: boolean;
  @ApiProperty({ description: '已校验案件数 / Cases checked' }) casesChecked!: number;
  @ApiProperty({ description: '已校验事件数 / Events checked' }) eventsChecked!: number;
  @ApiProperty({ description: '第一个断裂处 / First broken link', type: BrokenLinkDto, nullable: true }) firstBrokenLink!: BrokenLinkDto | null;
}

@ApiTags('audit 审计')
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditVerifier) private readonly verifier: AuditVerifier) {}

  @Get('verify')
  @Allow('audit:verify')
  @ApiOperation({
    summary: '校验审计记录哈希链 / Verify the audit trail hash chains',
    description: '报告第一个断裂处 / Reports the first broken link exactly.',
  })
  @ApiOkResponse({ type: AuditReportDto })
  verify(@Query() query: VerifyAuditQuery): Promise<AuditReport> {
    return query.caseId === undefined ? this.verifier.verifyAll() : this.verifier.verifyCase(query.caseId);
  }
}
