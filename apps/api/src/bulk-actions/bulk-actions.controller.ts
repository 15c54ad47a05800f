import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import { clientIp, CurrentPrincipal } from '../auth/principal.js';
import { PageQuery } from '../common/paging.dto.js';
import { uuidParam } from '../common/params.js';
import {
  BulkActionDetailDto,
  BulkActionItemsQuery,
  BulkActionListDto,
  BulkActionPreviewDto,
  BulkActionPreviewRequestDto,
  BulkActionStartedDto,
  StartBulkActionDto,
} from './bulk-action.dto.js';
import { BulkActionsService } from './bulk-actions.service.js';

@ApiTags('bulk-actions 批量操作')
@Controller('bulk-actions')
export class BulkActionsController {
  constructor(private readonly bulkActions: BulkActionsService) {}

  @Post('preview')
  @HttpCode(200)
  @Allow('bulk-actions:start')
  @ApiOperation({
    summary: '批量操作预览：所选案件数与前 10 个案件，确认后再执行 / Preview a bulk action: how many cases the selection has, and the first 10',
  })
  @ApiOkResponse({ type: BulkActionPreviewDto })
  preview(@Body() body: BulkActionPreviewRequestDto, @CurrentPrincipal() principal: Principal): Promise<BulkActionPreviewDto> {
    return this.bulkActions.preview(body, principal);
  }

  @Post()
  @HttpCode(202)
  @Allow('bulk-actions:start')
  @ApiOperation({
    summary: '执行批量操作（延长期限、催办、指派检查组）/ Start a bulk action (extend due dates, send a reminder now, assign assessors)',
    description:
      '以发起的管理员身份逐案办理，由工作流在后台执行，各案件的审计记录写明本批量操作；进度见 GET /api/bulk-actions/{id} / ' +
      'Each case’s step is taken as the administrator who starts it, by a workflow in the background; each case’s audit trail names the bulk action. Watch it at GET /api/bulk-actions/{id}.',
  })
  @ApiAcceptedResponse({ type: BulkActionStartedDto })
  @ApiBadRequestResponse({ description: '参数无效或所选案件过多 / Bad parameters, or too many cases' })
  @ApiConflictResponse({ description: 'SELECTION_CHANGED：所选案件数已与确认的不同 / The selection no longer has the count confirmed' })
  start(@Body() body: StartBulkActionDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<BulkActionStartedDto> {
    return this.bulkActions.start(body, principal, clientIp(request));
  }

  @Get()
  @Allow('bulk-actions:read')
  @ApiOperation({ summary: '批量操作列表（最新在前）/ Bulk actions, newest first' })
  @ApiOkResponse({ type: BulkActionListDto })
  list(@Query() query: PageQuery): Promise<BulkActionListDto> {
    return this.bulkActions.list(query);
  }

  @Get(':bulkActionId')
  @Allow('bulk-actions:read')
  @ApiParam({ name: 'bulkActionId', description: '批量操作标识 / Bulk action id', format: 'uuid' })
  @ApiOperation({ summary: '批量操作进度与各案件结果 / A bulk action’s progress and per-case results' })
  @ApiOkResponse({ type: BulkActionDetailDto })
  @ApiNotFoundResponse({ description: '无此批量操作 / No such bulk action' })
  get(@Param('bulkActionId', uuidParam('bulkActionId')) bulkActionId: string, @Query() query: BulkActionItemsQuery): Promise<BulkActionDetailDto> {
    return this.bulkActions.get(bulkActionId, query);
  }
}
