import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { readLegacyReferences, type Actor, type CaseStep, type Principal } from '#domain';
import { Allow, OnCase } from '../auth/access.decorators.js';
import { CurrentActor, CurrentPrincipal } from '../auth/principal.js';
import { CaseIdPipe } from './case-id.pipe.js';
import { IdempotencyKey, type StepRetry } from './idempotency-key.js';
import {
  AnnualReviewDto,
  AsOfQuery,
  AssignAssessorsDto,
  CaseListDto,
  CaseStateAsOfDto,
  CaseEventDto,
  CaseReadDto,
  CaseStateDto,
  DeclareConflictDto,
  EmptyDto,
  ExtendDeadlineDto,
  InspectionScoresDto,
  JinhuaDecisionDto,
  ListCasesQuery,
  RecommendDto,
  ReportDto,
  ReviewPlanDto,
  RevokeDto,
  ScoreSheetDto,
  UrgeDto,
  WithdrawDto,
} from './case.dto.js';
import { CasesService, type NamedCaseEvent } from './cases.service.js';
import { ExportCasesQuery } from '../ledger/ledger-export.dto.js';
import { LedgerExportsService } from '../ledger/ledger-exports.service.js';
import { XLSX_MEDIA_TYPE } from '../ledger/spreadsheet.js';

/** Decorators every step shares: 200 with the new state once recorded; 403/409 when refused, nothing written. */
function Step(path: string, step: CaseStep, summaryZh: string, summaryEn: string): MethodDecorator {
  return (target, key, descriptor) => {
    Post(`:caseId/${path}`)(target, key, descriptor);
    HttpCode(200)(target, key, descriptor);
    OnCase(step)(target, key, descriptor);
    ApiOperation({
      summary: `${summaryZh} / ${summaryEn}`,
      description: '审计记录写入后才返回；不允许的操作不留任何记录 / Answers once the event is in the audit trail; a refused step writes nothing.',
    })(target, key, descriptor);
    ApiOkResponse({ type: CaseStateDto })(target, key, descriptor);
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '幂等键：超时或断线后用同一键重试，得到第一次的答复且不重复记录；同一键配不同请求答 422 / Retry after a timeout or a dropped connection with the same key: the first answer comes back and nothing is recorded twice; the same key with another request answers 422',
    })(target, key, descriptor);
    ApiUnprocessableEntityResponse({ description: '幂等键已用于另一个请求 / The Idempotency-Key was used for a different request' })(target, key, descriptor);
    ApiConflictResponse({ description: '当前阶段不允许此操作 / The step is not allowed now' })(target, key, descriptor);
  };
}

/** A step's documents: its \`documentIds\`, and those named in the deprecated free-text references (the rest stay notes). */
function withDocuments(documentIds: readonly string[] | undefined, references: readonly string[] | undefined): { documentIds: string[]; notes: string[] } {
  const legacy = readLegacyReferences(references ?? []);
  return { documentIds: [...new Set([...(documentIds ?? []).map((id) => id.toLowerCase()), ...legacy.documentIds])], notes: legacy.notes };
}

const report = (body: ReportDto) => {
  const { documentIds, notes } = withDocuments(body.documentIds, body.documentRefs);
  return { summary: body.summary, documentIds, documentRefs: notes };
};

const sheetOf = (body: ScoreSheetDto) => ({
  scores: body.scores.map((score) => {
    const { documentIds, notes } = withDocuments(score.documentIds, score.evidence);
    return { indicatorCode: score.indicatorCode, points: score.points, evidence: notes, ...(documentIds.length ? { documentIds } : {}) };
  }),
  vetoes: body.vetoes ?? [],
});

@ApiTags('cases 示范点案件')
@ApiNotFoundResponse({ description: '案件不存在 / Case not found' })
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly exports: LedgerExportsService,
  ) {}

  @Get()
  @Allow('cases:read')
  @ApiOperation({
    summary: '案件列表（台账）：按活动、领域、阶段、期限状态、是否结束、认定日期、单位名称筛选，分页排序 / The ledger: filter, search, page, sort',
    description:
      '每个案件附当前期限、剩余工作日与期限状态（以北京时间今天或 asOf 计），进入本阶段的时间，认定日期与文号。 / ' +
      'Each case with its current due date, working days left and due status (from today in Asia/Shanghai, or asOf), when it entered its stage, and its certification.',
  })
  @ApiOkResponse({ type: CaseListDto })
  list(@Query() query: ListCasesQuery, @CurrentPrincipal() principal: Principal): Promise<CaseListDto> {
    return this.cases.list(query, principal);
  }

  // Before the routes on one case, which would otherwise take `export` for a case id.
  @Get('export')
  @Allow('cases:export')
  @ApiOperation({
    summary: '导出台账（XLSX 或 CSV）：筛选结果的全部案件 / Export the ledger (XLSX or CSV): every case the filters select, not a page',
    description:
      '筛选与排序同案件列表，在调用者的范围内；边读边写（流式）；表头为中文；以 = + - @ 开头的文字前加单引号，表格软件不会当作公式。 / ' +
      'The filters and order of the case list, within the caller’s scope; streamed as it is read; Chinese headers; text beginning with = + - @ gets a leading apostrophe, so no spreadsheet reads it as a formula.',
  })
  @ApiProduces(XLSX_MEDIA_TYPE, 'text/csv')
  @ApiOkResponse({ description: '文件 / The file', schema: { type: 'string', format: 'binary' } })
  exportCases(@Query() query: ExportCasesQuery, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    return this.exports.exportCases(query, principal, response);
  }

  @Get(':caseId/state')
  @OnCase('read')
  @ApiOperation({ summary: '案件在某一时间点的状态（由审计记录推算）/ The case as of a past moment, derived from its events' })
  @ApiOkResponse({ type: CaseStateAsOfDto })
  stateAsOf(@Param('caseId', CaseIdPipe) caseId: string, @Query() query: AsOfQuery): Promise<CaseStateAsOfDto> {
    return this.cases.stateAsOf(caseId, query.asOf);
  }

  @Get(':caseId')
  @OnCase('read')
  @ApiOperation({ summary: '案件当前状态（读模型，无需工作进程）/ Current state of a case (from the read model; needs no worker)' })
  @ApiOkResponse({ type: CaseReadDto })
  get(@Param('caseId', CaseIdPipe) caseId: string, @CurrentActor() actor: Actor): Promise<CaseReadDto> {
    return this.cases.state(caseId, actor);
  }

  @Get(':caseId/events')
  @OnCase('read')
  @ApiOperation({ summary: '案件审计记录（时间线）/ The case audit trail (timeline), oldest first' })
  @ApiOkResponse({ type: [CaseEventDto] })
  events(@Param('caseId', CaseIdPipe) caseId: string): Promise<NamedCaseEvent[]> {
    return this.cases.events(caseId);
  }

  @Step('plan', 'submitPlan', '提交创建方案（联络人）', 'Submit the creation plan (unit contact)')
  submitPlan(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReportDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'submitPlan', { actor, ...report(body) });
  }

  @Step('plan/review', 'reviewPlan', '审核创建方案：通过或退回（管理员）', 'Approve or return the creation plan (administrator)')
  reviewPlan(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReviewPlanDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'reviewPlan', { actor, approve: body.approve, reason: body.reason ?? null });
  }

  @Step('progress-reports', 'submitProgressReport', '提交进度报告（联络人）', 'File a progress report (unit contact)')
  progressReport(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReportDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'submitProgressReport', { actor, ...report(body) });
  }

  @Step('readiness', 'declareReady', '结束培育、申报自评', 'Declare readiness: end cultivation')
  declareReady(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() _body: EmptyDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'declareReady', { actor });
  }

  @Step('self-assessment', 'submitSelfAssessment', '提交自评（联络人）', 'Submit the self-assessment (unit contact)')
  selfAssessment(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ScoreSheetDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'submitSelfAssessment', { actor, sheet: sheetOf(body) });
  }

  @Step('assessors', 'assignAssessors', '指派或更换检查组成员（管理员）', 'Assign or reassign assessors (administrator)')
  async assignAssessors(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AssignAssessorsDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    await this.cases.requireAssessors('assessorIds', body.assessorIds);
    return this.cases.step({ caseId, retry }, 'assignAssessors', { actor, assessorIds: body.assessorIds, reason: body.reason ?? null });
  }

  @Step('conflicts', 'declareConflict', '申报回避', 'Declare an assessor conflict')
  async declareConflict(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: DeclareConflictDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    await this.cases.requireAssessors('assessorId', [body.assessorId]);
    return this.cases.step({ caseId, retry }, 'declareConflict', { actor, assessorId: body.assessorId });
  }

  @Step('inspection-scores', 'submitInspectionScores', '提交检查评分与发现（检查组成员）', 'Submit inspection scores and findings (assessor)')
  inspectionScores(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: InspectionScoresDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'submitInspectionScores', {
      actor,
      sheet: sheetOf(body),
      findings: body.findings ?? [],
      documentIds: withDocuments(body.documentIds, []).documentIds,
    });
  }

  @Step('rectification', 'submitRectification', '提交整改报告（联络人）', 'Report the rectification (unit contact)')
  rectification(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ReportDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'submitRectification', { actor, ...report(body) });
  }

  @Step('recommendation', 'recommend', '推荐至金华（管理员）', 'Recommend to Jinhua (administrator)')
  recommend(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RecommendDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'recommend', { actor, batch: body.batch ?? null });
  }

  @Step('jinhua-decision', 'recordJinhuaDecision', '录入金华市级认定结果（金华审核人）', 'Record the Jinhua decision (Jinhua reviewer)')
  jinhuaDecision(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: JinhuaDecisionDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step(
      { caseId, retry },
      'recordJinhuaDecision',
      body.certified
        ? { actor, certified: true, documentNumber: body.documentNumber ?? '', certifiedOn: body.certifiedOn ?? '', documentIds: body.documentIds ?? [] }
        : { actor, certified: false, reason: body.reason ?? '', documentIds: body.documentIds ?? [] },
    );
  }

  @Step('annual-reviews', 'recordAnnualReview', '录入年度复核', 'Record the annual review')
  annualReview(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AnnualReviewDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'recordAnnualReview', { actor, year: body.year, summary: body.summary });
  }

  @Step('revocation', 'revoke', '撤销命名（一票否决，管理员）', 'Revoke the title (one-vote veto, administrator)')
  revoke(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: RevokeDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'revoke', { actor, reason: body.reason });
  }

  @Step('withdrawal', 'withdraw', '终止创建（管理员）', 'Withdraw the unit (administrator)')
  withdraw(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: WithdrawDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'withdraw', { actor, reason: body.reason });
  }

  @Step('deadline-extensions', 'extendDeadline', '延长期限（管理员）', 'Extend a deadline (administrator)')
  extendDeadline(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: ExtendDeadlineDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'extendDeadline', { actor, deadline: body.deadline, dueOn: body.dueOn, reason: body.reason });
  }

  @Step(
    'reminders',
    'urge',
    '催办：立即提醒单位办理其当前待办事项（管理员；单位无待办或案件已结束时拒绝）',
    'Send a reminder now: urge the unit to take the step it owes (administrator; refused when the unit owes none or the case is closed)',
  )
  urge(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: UrgeDto,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() retry: StepRetry | null,
  ): Promise<CaseStateDto> {
    return this.cases.step({ caseId, retry }, 'urge', { actor, message: body.message ?? null });
  }
}
