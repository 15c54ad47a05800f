import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Injectable,
  Logger,
  Param,
  Post,
  Put,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import { CurrentPrincipal, principalOf } from '../auth/principal.js';
import { uuidParam } from '../common/params.js';
import { SavedViewDto, SavedViewInputDto } from './saved-view.dto.js';
import { SavedViewsService } from './saved-views.service.js';

/**
 * Changing a view is for its owner: decided before the body is read, so another's view answers 404 (or 403 when it
 * is shared with the caller's role) whatever the body holds, exactly as for a view that does not exist.
 */
@Injectable()
class OwnViewGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(private readonly views: SavedViewsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const principal = principalOf(request);
    const viewId = String(await uuidParam('viewId').transform(String(request.params.viewId ?? ''), { type: 'param', data: 'viewId' }));
    try {
      await this.views.requireOwned(principal, viewId);
    } catch (error) {
      this.logger.warn(
        { accessDenied: 'saved_view_not_own', actorId: principal.id, role: principal.role, method: request.method, path: request.originalUrl, viewId },
        'access denied',
      );
      throw error;
    }
    return true;
  }
}

@ApiTags('saved-views 保存的视图')
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @Allow('saved-views:own')
  @ApiOperation({
    summary: '我的视图与共享给我所属角色的视图 / My saved views, and those shared with my role',
    description: '按名称排序；editable 表示本人的视图（可修改、删除）/ By name; `editable`: yours, so you may change or delete it',
  })
  @ApiOkResponse({ type: [SavedViewDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<SavedViewDto[]> {
    return this.views.list(principal);
  }

  @Post()
  @Allow('saved-views:own')
  @ApiOperation({
    summary: '保存台账视图 / Save a ledger view',
    description: '查询按 GET /api/cases 的规则校验；同名视图答 409 / The query is checked by the rules of GET /api/cases; a name you already use answers 409',
  })
  @ApiCreatedResponse({ type: SavedViewDto })
  create(@Body() body: SavedViewInputDto, @CurrentPrincipal() principal: Principal): Promise<SavedViewDto> {
    return this.views.create(principal, body);
  }

  @Put(':viewId')
  @Allow('saved-views:own')
  @UseGuards(OwnViewGuard)
  @ApiOperation({ summary: '修改本人的视图 / Replace one of your views' })
  @ApiOkResponse({ type: SavedViewDto })
  @ApiNotFoundResponse({ description: '视图不存在或不是您的 / No such view of yours' })
  @ApiForbiddenResponse({ description: '共享给您所属角色的视图只读 / A view shared with your role is read-only' })
  replace(
    @Param('viewId', uuidParam('viewId')) viewId: string,
    @Body() body: SavedViewInputDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SavedViewDto> {
    return this.views.replace(principal, viewId, body);
  }

  @Delete(':viewId')
  @HttpCode(204)
  @Allow('saved-views:own')
  @UseGuards(OwnViewGuard)
  @ApiOperation({ summary: '删除本人的视图 / Delete one of your views' })
  @ApiNoContentResponse({ description: '已删除 / Deleted' })
  @ApiNotFoundResponse({ description: '视图不存在或不是您的 / No such view of yours' })
  @ApiForbiddenResponse({ description: '共享给您所属角色的视图只读 / A view shared with your role is read-only' })
  delete(@Param('viewId', uuidParam('viewId')) viewId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.views.delete(principal, viewId);
  }
}
