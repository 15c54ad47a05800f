import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain';
import type { RecordedCaseEvent } from '#contracts';
import { ApiDevActorHeader, DevActor } from '../common/dev-actor.js';
import { CaseEventDto, CaseStateDto, SubmitPlanDto } from './case.dto.js';
import { CaseIdPipe } from './case-id.pipe.js';
import { CasesService } from './cases.service.js';

@ApiTags('cases 示范点案件')
@ApiParam({ name: 'caseId', description: '案件标识 case:<活动>:<单位> / Case id case:<campaign>:<unit>' })
@ApiNotFoundResponse({ description: '案件不存在 / Case not found' })
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get(':caseId')
  @ApiOperation({ summary: '案件当前状态 / Current state of a case' })
  @ApiOkResponse({ type: CaseStateDto })
  get(@Param('caseId', CaseIdPipe) caseId: string): Promise<CaseStateDto> {
    return this.cases.state(caseId);
  }

  @Get(':caseId/events')
  @ApiOperation({ summary: '案件审计记录 / The case audit trail, oldest first' })
  @ApiOkResponse({ type: [CaseEventDto] })
  events(@Param('caseId', CaseIdPipe) caseId: string): Promise<RecordedCaseEvent[]> {
    return this.cases.events(caseId);
  }

  @Post(':caseId/plan')
  @HttpCode(200)
  @ApiDevActorHeader()
  @ApiOperation({
    summary: '提交创建方案（联络人）/ Submit the creation plan (unit contact)',
    description: '审计记录写入后才返回 / Answers after the event is in the audit trail.',
  })
  @ApiOkResponse({ type: CaseStateDto })
  @ApiConflictResponse({ description: '当前阶段不允许此操作 / The step is not allowed now' })
  submitPlan(@Param('caseId', CaseIdPipe) caseId: string, @Body() body: SubmitPlanDto, @DevActor() actor: Actor): Promise<CaseStateDto> {
    return this.cases.submitPlan(caseId, actor, body);
  }
}

