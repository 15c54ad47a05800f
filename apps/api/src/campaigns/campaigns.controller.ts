import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import { ApiDevActorHeader, DevActor } from '../common/dev-actor.js';
import { CaseStateDto } from '../cases/case.dto.js';
import { CasesService } from '../cases/cases.service.js';
import { CampaignDto, CreateCampaignDto, EnrollUnitDto } from './campaign.dto.js';
import { CampaignsService } from './campaigns.service.js';

@ApiTags('campaigns 创建活动')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly cases: CasesService,
  ) {}

  @Post()
  @ApiOperation({ summary: '创建年度活动 / Create a campaign' })
  @ApiCreatedResponse({ type: CampaignDto })
  create(@Body() body: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(body);
  }

  @Get(':campaignId')
  @ApiOperation({ summary: '查看活动 / Read a campaign' })
  @ApiOkResponse({ type: CampaignDto })
  get(@Param('campaignId', new ParseUUIDPipe()) campaignId: string): Promise<CampaignDto> {
    return this.campaigns.get(campaignId);
  }

  @Post(':campaignId/enrollments')
  @ApiDevActorHeader()
  @ApiOperation({
    summary: '确定培育对象：纳入单位并启动案件 / Enroll a unit: starts its case',
    description: '返回已写入审计记录的案件状态 / Returns the case state once the enrollment is in the audit trail.',
  })
  @ApiCreatedResponse({ type: CaseStateDto })
  @ApiConflictResponse({ description: '该单位已在本活动中 / The unit is already enrolled' })
  enroll(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Body() body: EnrollUnitDto,
    @DevActor() actor: Actor,
  ): Promise<CaseStateDto> {
    return this.cases.enroll(campaignId, body.unitId, actor);
  }
}
