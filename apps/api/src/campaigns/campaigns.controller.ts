import { Body, Controller, Get, HttpCode, Logger, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import { clientIp, CurrentActor } from '../auth/principal.js';
import { CaseStateDto } from '../cases/case.dto.js';
import { CasesService } from '../cases/cases.service.js';
import {
  BatchEnrollDto,
  BatchEnrollmentResultDto,
  EnrollmentFileDto,
  EnrollmentFileQuery,
  MAX_BATCH_ROWS,
  UploadEnrollmentFileDto,
} from './batch-enrollment.dto.js';
import { BatchEnrollmentService, type OnBatchProgress } from './batch-enrollment.service.js';
import { CampaignStatisticsQuery, CampaignStatisticsDto } from './campaign-statistics.dto.js';
import { CampaignStatisticsService } from './campaign-statistics.service.js';
import { CampaignDto, CreateCampaignDto, EnrollUnitDto, ListCampaignsQuery, UpdateCampaignDto } from './campaign.dto.js';
import { CampaignsService } from './campaigns.service.js';
import { invalidInput } from '#domain';
import { NdjsonStream } from '../common/ndjson-stream.js';
import { uuidParam } from '../common/params.js';

@ApiTags('campaigns 创建活动')
@Controller('campaigns')
export class CampaignsController {
  private readonly logger = new Logger('Enrollment');

  constructor(
    private readonly campaigns: CampaignsService,
    private readonly cases: CasesService,
    private readonly batch: BatchEnrollmentService,
    private readonly stats: CampaignStatisticsService,
  ) {}

  @Post()
  @Allow('campaigns:create')
  @ApiOperation({ summary: '创建年度活动 / Create a campaign' })
  @ApiCreatedResponse({ type: CampaignDto })
  create(@Body() body: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(body);
  }

  @Get()
  @Allow('campaigns:read')
  @ApiOperation({ summary: '按年度列出创建活动 / List campaigns, optionally of one year' })
  @ApiOkResponse({ type: [CampaignDto] })
  list(@Query() query: ListCampaignsQuery): Promise<CampaignDto[]> {
    return this.campaigns.list(query.year);
  }

  @Get(':campaignId')
  @Allow('campaigns:read')
  @ApiOperation({ summary: '查看活动 / Read a campaign' })
  @ApiOkResponse({ type: CampaignDto })
  get(@Param('campaignId', uuidParam('campaignId')) campaignId: string): Promise<CampaignDto> {
    return this.campaigns.get(campaignId);
  }

  @Patch(':campaignId')
  @Allow('campaigns:update')
  @ApiOperation({
    summary: '修改活动名称与设置（管理员）/ Edit a campaign’s name and settings (administrator)',
    description:
      '可改名称、分数线、指标体系版本、创建目标、各阶段时限、提醒规则（年度不可改），规则与创建时相同；给出的部分逐项替换，未给出的保持不变。' +
      '已纳入的案件保持纳入时的设置（分数线、指标体系版本、期限、提醒规则），此后纳入的案件采用新设置；创建目标即时用于统计。' +
      '修改人与时间记在活动上，每项设置的新旧值记入账户审计记录（CampaignUpdated）。 / ' +
      'The name, thresholds, framework versions, targets, stage durations and reminder policy (not the year), checked by the same rules as on ' +
      'creation; each part given replaces the keys it names, the rest keep their values. Cases already enrolled keep the settings they were ' +
      'enrolled with (thresholds, framework versions, deadlines, reminder policy); cases enrolled later take the new ones; targets count in the ' +
      'statistics at once. Who edited it and when is kept on the campaign, and each setting’s old and new value in the account records (CampaignUpdated).',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiBadRequestResponse({ description: '设置无效（逐字段说明）/ Invalid settings (each field named)' })
  @ApiNotFoundResponse({ description: '活动不存在 / No such campaign' })
  @ApiConflictResponse({ description: '同一年度已有同名活动 / A campaign of that year already has this name' })
  update(
    @Param('campaignId', uuidParam('campaignId')) campaignId: string,
    @Body() body: UpdateCampaignDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<CampaignDto> {
    return this.campaigns.update(campaignId, body, actor, clientIp(request));
  }

  @Get(':campaignId/statistics')
  @Allow('campaigns:statistics')
  @ApiOperation({
    summary: '活动统计（督办看板）：各领域各阶段数与目标、期限状态、通过率、各阶段用时、停留最久、各月认定 / Campaign statistics (the dashboard)',
    description:
      '由随每条审计记录同步维护的统计投影读出（可用 projections:rebuild 重建）/ Read from the stage projection kept in step with every recorded event (rebuilt by projections:rebuild): counts by category and stage against targets, open cases by due status, pass rate, mean and p90 days in each stage, the open cases longest in their stage, certifications per month.',
  })
  @ApiOkResponse({ type: CampaignStatisticsDto })
  statistics(@Param('campaignId', uuidParam('campaignId')) campaignId: string, @Query() query: CampaignStatisticsQuery): Promise<CampaignStatisticsDto> {
    return this.stats.statistics(campaignId, query.asOf);
  }

  @Post(':campaignId/enrollments')
  @Allow('campaigns:enroll')
  @ApiOperation({
    summary: '确定培育对象：纳入单位并启动案件 / Enroll a unit: starts its case',
    description: '返回已写入审计记录的案件状态 / Returns the case state once the enrollment is in the audit trail.',
  })
  @ApiCreatedResponse({ type: CaseStateDto })
  @ApiConflictResponse({ description: '该单位已在本活动中 / The unit is already enrolled' })
  enroll(@Param('campaignId', uuidParam('campaignId')) campaignId: string, @Body() body: EnrollUnitDto, @CurrentActor() actor: Actor): Promise<CaseStateDto> {
    return this.cases.enroll(campaignId, body.unitId, actor);
  }

  @Post(':campaignId/enrollments/batch')
  @HttpCode(200)
  @Allow('campaigns:enroll')
  @ApiOperation({
    summary: '批量确定培育对象（JSON）/ Enroll a batch of units (JSON)',
    description:
      '先逐行校验，任一行有误则不导入任何数据；重复执行不会重复纳入。 / Every row is checked first: one bad row imports nothing; running it again enrolls nothing twice.',
  })
  @ApiOkResponse({ type: BatchEnrollmentResultDto })
  enrollBatch(
    @Param('campaignId', uuidParam('campaignId')) campaignId: string,
    @Body() body: BatchEnrollDto,
    @CurrentActor() actor: Actor,
  ): Promise<BatchEnrollmentResultDto> {
    return this.batch.enroll(campaignId, body.units, actor);
  }

  @Post(':campaignId/enrollments/batch/stream')
  @Allow('campaigns:enroll')
  @ApiOperation({
    summary: '批量确定培育对象（JSON），逐步报告进度 / Enroll a batch of units (JSON), reporting progress as it goes',
    description:
      '请求与 POST …/enrollments/batch 相同（至多 10000 个单位）。校验不通过时照常答 400 等；通过后答 application/x-ndjson，每行一个 JSON：' +
      '{"type":"progress",done,total,enrolled,alreadyEnrolled}（开始时一行，此后至多每 250 毫秒一行，最后一行必有），最后 {"type":"result","result":…}，' +
      '其 result 与 …/enrollments/batch 的应答相同；中途出错（如流程引擎不可用）则最后一行为 {"type":"error",…}，已纳入的单位重试时报告为已纳入。 / ' +
      'The request of POST …/enrollments/batch (at most 10,000 units). A batch that fails its checks answers 400 and the like as usual; one that passes ' +
      'answers application/x-ndjson, one JSON object a line: {"type":"progress",done,total,enrolled,alreadyEnrolled} (one at the start, then at most ' +
      'every 250 ms, and always one when the last row settles), then {"type":"result","result":…} as …/enrollments/batch answers; a failure midway ' +
      '(the workflow engine out of reach, say) ends it with {"type":"error",…}, and sent again the units it enrolled report themselves already enrolled.',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: '进度行与最后的结果行 / Progress lines, then the result line',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  async enrollBatchStream(
    @Param('campaignId', uuidParam('campaignId')) campaignId: string,
    @Body() body: BatchEnrollDto,
    @CurrentActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    const stream = new NdjsonStream(response, this.logger);
    const onProgress: OnBatchProgress = (progress) => {
      stream.progress(progress, { last: progress.done === progress.total });
    };
    await stream.finish(
      async () => ({ type: 'result', result: await this.batch.enroll(campaignId, body.units, actor, onProgress) }),
      '批量纳入中断 / batch enrollment failed',
    );
  }

  @Post(':campaignId/enrollments/batch.csv')
  @HttpCode(200)
  @Allow('campaigns:enroll')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'CSV：表头 name,category,ownership / header name,category,ownership',
    schema: { type: 'string', example: 'name,category,ownership\n先行集团,enterprise,private\n尚仁村,village,' },
  })
  @ApiOperation({ summary: '批量确定培育对象（CSV）/ Enroll a batch of units (CSV)', description: '错误按行号列出 / Errors name the CSV line.' })
  @ApiOkResponse({ type: BatchEnrollmentResultDto })
  enrollBatchCsv(
    @Param('campaignId', uuidParam('campaignId')) campaignId: string,
    @Body() csv: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<BatchEnrollmentResultDto> {
    if (typeof csv !== 'string') {
      throw invalidInput([{ field: 'content-type', message: 'send the CSV as text/csv' }]);
    }
    return this.batch.fromCsv(campaignId, csv, actor);
  }

  @Post(':campaignId/enrollments/file')
  @HttpCode(200)
  @Allow('campaigns:enroll')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadEnrollmentFileDto })
  @ApiOperation({
    summary: '上传名单批量确定培育对象（CSV / XLSX，先预览）/ Enroll the units of a list file (CSV / XLSX, with a preview)',
    description:
      'multipart/form-data，文件放在 file 字段：CSV（UTF-8，可带 BOM；或 Excel 存的 GB 18030）或 XLSX（读第一个工作表）；表头中文或英文（单位名称/name、领域/category、' +
      '企业性质/ownership），领域可填代码或中文名（清廉村居、村居）。dryRun=true（缺省）返回预览：每一行的值与问题（表格所示行号、列、原因）及汇总，不写入；' +
      'dryRun=false 导入预览所示的单位，任一行有误则不导入任何单位（400，preview 中附预览）；与 JSON、CSV 批量纳入规则相同，可重复执行。' +
      `至多 ${MAX_BATCH_ROWS} 行，文件不超过 HTTP_CSV_LIMIT_BYTES。 / ` +
      'multipart/form-data with the file in the field "file": CSV (UTF-8 with or without a BOM, or GB 18030 as Excel in China saves it) or XLSX ' +
      '(its first sheet); Chinese or English headers (单位名称/name, 领域/category, 企业性质/ownership); the category by code or Chinese name. ' +
      'dryRun=true (default) answers the preview: every row with its values and problems (row as the spreadsheet shows it, column, why) and a ' +
      'summary, nothing written; dryRun=false imports what the preview shows, nothing if any row is bad (400, with the preview in `preview`). ' +
      `The same rules as the JSON and CSV batches; running it again enrolls nothing twice. At most ${MAX_BATCH_ROWS} rows; the file at most HTTP_CSV_LIMIT_BYTES.`,
  })
  @ApiOkResponse({ type: EnrollmentFileDto })
  @ApiBadRequestResponse({ description: '名单有误（dryRun=false），或文件无法读取 / The list has problems (dryRun=false), or the file cannot be read' })
  @ApiConflictResponse({ description: '文件与预览时的不同（给出 sha256 时）/ Not the file previewed (with sha256)' })
  @ApiPayloadTooLargeResponse({ description: '文件过大 / The file is too large' })
  @ApiUnsupportedMediaTypeResponse({ description: '不是 multipart，或不是 CSV / XLSX / Not multipart, or not CSV / XLSX' })
  enrollFromFile(
    @Param('campaignId', uuidParam('campaignId')) campaignId: string,
    @Query() query: EnrollmentFileQuery,
    @Req() request: Request,
    @CurrentActor() actor: Actor,
  ): Promise<EnrollmentFileDto> {
    return this.batch.fromFile(campaignId, request, { dryRun: query.dryRun !== 'false', sha256: query.sha256 }, actor);
  }
}
