import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, CampaignStatistics } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/principal.js';
import { CaseStateDto } from '../cases/case.dto.js';
import { CasesService } from '../cases/cases.service.js';
import { BatchEnrollDto, BatchEnrollmentResultDto } from './batch-enrollment.dto.js';
import { BatchEnrollmentService } from './batch-enrollment.service.js';
import { CampaignStatisticsService } from './campaign-statistics.service.js';
import { CampaignDto, CreateCampaignDto, EnrollUnitDto, ListCampaignsQuery } from './campaign.dto.js';
import { CampaignsService } from './campaigns.service.js';
import { invalidInput } from '#domain';
import { uuidParam } from '../common/params.js';

@ApiTags('campaigns 创建活动')
@Controller('campaigns')
export class CampaignsController {
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

  @Get(':campaignId/statistics')
  @Allow('campaigns:statistics')
  @ApiOperation({
    summary: '活动统计：各领域各阶段数与目标、逾期、通过率、各阶段用时 / Campaign statistics',
    description:
      '由审计记录推算 / Derived from the audit trail: counts by category and stage against targets, overdue cases, pass rate, mean and p90 days in each stage.',
  })
  statistics(@Param('campaignId', uuidParam('campaignId')) campaignId: string): Promise<CampaignStatistics> {
    return this.stats.statistics(campaignId);
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
}
