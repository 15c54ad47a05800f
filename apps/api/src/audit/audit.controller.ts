import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { Response } from 'express';
import type { Actor } from '#domain';
import type { AuditReport, VerifyProgress } from '#persistence';
import { Allow } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/principal.js';
import { NdjsonStream } from '../common/ndjson-stream.js';
import { AuditEventPageDto, AuditEventsQuery, AuditReportDto, AuditVerificationReportDto, VerifyAuditQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';

const VERIFY_SCOPE =
  '报告第一个断裂处；再与每个签名检查点比对（签名、根哈希，其所记录的案件与事件是否仍在且未被改动：案件、序号、检查点），比对案件视图的最后序号，校验全部时另校验账户记录链；' +
  'documents=true 时另报告每个缺失或被改动的文件（案件、序号、文件）；workflows=true 时询问每个案件的工作流其最后序号。 / ' +
  'Reports the first broken link exactly; then checks every signed checkpoint (signature, root) and that every case and event it covered is still ' +
  'there unchanged (case, sequence, checkpoint), that the read model’s last sequences agree with the chains and, verifying every case, the account ' +
  'events’ chain; with documents=true also every missing or altered stored file (case, sequence, document); with workflows=true asks each case’s ' +
  'workflow for its last sequence.';

@ApiTags('audit 审计')
@Controller('audit')
export class AuditController {
  private readonly logger = new Logger('Audit');

  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Allow('audit:verify')
  @ApiOperation({ summary: '校验审计记录哈希链 / Verify the audit trail hash chains', description: VERIFY_SCOPE })
  @ApiOkResponse({ type: AuditReportDto })
  verify(@Query() query: VerifyAuditQuery): Promise<AuditReport> {
    return this.audit.verify(query);
  }

  @Get('verify/stream')
  @Allow('audit:verify')
  @ApiOperation({
    summary: '校验审计记录哈希链，逐步报告进度 / Verify the hash chains, reporting progress as it goes',
    description:
      '答 application/x-ndjson，每行一个 JSON：先是 {"type":"progress",casesChecked,casesTotal,eventsChecked,eventsTotal}（先数出总数，此后至多每 250 毫秒一行），' +
      '最后一行 {"type":"report","report":…}，其 report 与 GET /api/audit/verify 的应答相同；中途出错则最后一行为 {"type":"error",…}。断开连接即停止校验。 / ' +
      'Answers application/x-ndjson, one JSON object a line: {"type":"progress",casesChecked,casesTotal,eventsChecked,eventsTotal} (the totals counted ' +
      'first, then a line at most every 250 ms), and last {"type":"report","report":…} whose report is what GET /api/audit/verify answers; a failure ' +
      `midway ends it with {"type":"error",…}. Closing the connection stops the verification. ${VERIFY_SCOPE}`,
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: '进度行与最后的报告行 / Progress lines, then the report line',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  async verifyStream(@Query() query: VerifyAuditQuery, @Res() response: Response): Promise<void> {
    const stream = new NdjsonStream(response, this.logger);
    stream.open();
    const onProgress = (progress: VerifyProgress): void => {
      stream.progress(progress);
    };
    await stream.finish(
      async () => ({ type: 'report', report: await this.audit.verify(query, { onProgress, signal: stream.closed.signal }) }),
      '审计校验中断 / audit verification failed',
    );
  }

  @Get('verify/report')
  @Allow('audit:verify')
  @ApiOperation({
    summary: '审计记录校验报告（下载文件）/ The audit verification report, as a file to download',
    description:
      '校验全部（或 caseId 所指）哈希链后以 JSON 文件下载：生成时间与人、数据库类型、程序版本、校验范围与结果（与 GET /api/audit/verify 相同）。 / ' +
      'Verifies every chain (or the one caseId names) and answers a JSON file to keep: when and by whom, the database kind, the code version, the ' +
      `scope, and the result as GET /api/audit/verify answers it. ${VERIFY_SCOPE}`,
  })
  @ApiOkResponse({ type: AuditVerificationReportDto })
  async report(
    @Query() query: VerifyAuditQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditVerificationReportDto> {
    const report = await this.audit.report(query, actor);
    const stamp = report.generatedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    response.setHeader('Content-Disposition', contentDisposition(`qinglian-audit-verification-${stamp}.json`));
    response.setHeader('Cache-Control', 'private, no-store');
    return report;
  }

  @Get('checkpoints/public-key')
  @Allow('audit:verify')
  @ApiOperation({
    summary: '审计检查点的公钥 / The public key audit checkpoints are signed with',
    description:
      'PEM（SubjectPublicKeyInfo），密钥标识（公钥 DER 的 SHA-256）在 Audit-Checkpoint-Key-Id 头中；与检查点一同发布于检查点目录的 public-key.pem。格式见 docs/audit-checkpoints.md。 / ' +
      'PEM (SubjectPublicKeyInfo), its key id (SHA-256 of the DER) in the Audit-Checkpoint-Key-Id header; published beside the checkpoints as ' +
      'public-key.pem. The format: docs/audit-checkpoints.md.',
  })
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ description: '公钥 / The public key', content: { 'application/x-pem-file': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: '尚无检查点，本进程也不知签名密钥 / No checkpoint yet, and this process does not know the signing key' })
  async checkpointPublicKey(@Res({ passthrough: true }) response: Response): Promise<string> {
    const key = await this.audit.checkpointPublicKey();
    response.setHeader('Content-Type', 'application/x-pem-file');
    response.setHeader('Audit-Checkpoint-Key-Id', key.keyId);
    return key.pem;
  }

  @Get('events')
  @Allow('audit:read')
  @ApiOperation({
    summary: '审计日志：全部案件的事件 / Audit log: the events of every case',
    description:
      '最新在前，可按操作人、事件类型、案件、活动与时间（from/to：带时区的 ISO 时刻，或北京时间的日期）筛选，分页；每条含单位名称、操作人名称与哈希。账户方面的记录见 GET /api/account-events。 / ' +
      'Newest first, filtered by actor, event type, case, campaign and time (from/to: ISO instants with their offset, or dates in Asia/Shanghai), ' +
      'paged; each with its unit’s name, its actor’s name and its hash. The account side of the record is GET /api/account-events.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  events(@Query() query: AuditEventsQuery): Promise<AuditEventPageDto> {
    return this.audit.events(query);
  }
}
