import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import { CurrentPrincipal } from '../auth/principal.js';
import {
  InboxNotificationDto,
  InboxPageDto,
  ListInboxQuery,
  MarkedReadDto,
  NotificationPreferencesDto,
  UnreadCountDto,
  UpdateNotificationPreferencesDto,
} from './inbox.dto.js';
import { InboxService } from './inbox.service.js';
import { uuidParam } from '../common/params.js';

@ApiTags('inbox 站内通知')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Allow('inbox:own')
  @ApiOperation({ summary: '我的站内通知（最新在前，可只看未读）/ My in-app notices (newest first, optionally unread only)' })
  @ApiOkResponse({ type: InboxPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListInboxQuery): Promise<InboxPageDto> {
    return this.inbox.list(principal, query);
  }

  @Get('unread-count')
  @Allow('inbox:own')
  @ApiOperation({ summary: '未读通知数 / Number of unread notices' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountDto> {
    return { unread: await this.inbox.unreadCount(principal) };
  }

  @Post('read-all')
  @HttpCode(200)
  @Allow('inbox:own')
  @ApiOperation({ summary: '全部标为已读 / Mark every notice read' })
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentPrincipal() principal: Principal): Promise<MarkedReadDto> {
    return { marked: await this.inbox.markAllRead(principal) };
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @Allow('inbox:own')
  @ApiOperation({ summary: '标为已读 / Mark a notice read', description: '他人的通知视为不存在（404）/ Another account’s notice answers 404.' })
  @ApiOkResponse({ type: InboxNotificationDto })
  @ApiNotFoundResponse({ description: '通知不存在 / No such notice in your inbox' })
  markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('notificationId', uuidParam('notificationId')) notificationId: string,
  ): Promise<InboxNotificationDto> {
    return this.inbox.markRead(principal, notificationId);
  }
}

@ApiTags('inbox 站内通知')
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Allow('inbox:own')
  @ApiOperation({ summary: '我的通知偏好 / My notification preferences', description: '站内通知始终开启 / In-app notices are always on.' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesDto> {
    return this.inbox.preferences(principal);
  }

  @Put()
  @Allow('inbox:own')
  @ApiOperation({
    summary: '设置我的通知偏好 / Set my notification preferences',
    description: '关闭邮件不影响站内通知；未知字段被拒绝 / Turning email off never stops in-app notices; unknown fields are refused.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  put(@CurrentPrincipal() principal: Principal, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.inbox.updatePreferences(principal, body);
  }
}
