import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, MaxLength, ValidateIf } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '#contracts';
import { PageQuery } from '../common/paging.dto.js';

export class ListInboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: '仅未读 / Unread only', enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) unread?: 'true' | 'false';
}

export class InboxNotificationDto {
  @ApiProperty({ description: '通知标识 / Notification id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '通知类型 / Kind', enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ description: '标题（中文 / English）/ Title (Chinese / English)' }) title!: string;
  @ApiProperty({ description: '正文 / Body' }) body!: string;
  @ApiProperty({ description: '相关案件 / Case it is about', nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: '已读时间 / When it was read', format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxNotificationDto], description: '最新在前 / Newest first' }) items!: InboxNotificationDto[];
  @ApiProperty({ description: '符合条件的总数 / Total matching' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UnreadCountDto {
  @ApiProperty({ description: '未读通知数 / Unread notifications' }) unread!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: '标为已读的条数 / Notifications marked read' }) marked!: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({ description: '站内通知：始终开启，不可关闭 / In-app notices: always on, cannot be turned off', enum: [true] }) inApp!: true;
  @ApiProperty({ description: '接收邮件通知 / Receive email' }) emailEnabled!: boolean;
  @ApiProperty({ description: '邮箱地址 / Email address', nullable: true, type: String, format: 'email' }) emailAddress!: string | null;
  @ApiProperty({
    description:
      '群机器人：管理员——同时推送到市纪委工作群；单位联络人——推送到本单位工作群（本单位联络人全部关闭时才不推送）' +
      ' / Group chat: administrators — also post to the program office’s chat; unit contacts — post to the unit’s own chat (skipped only when every contact of the unit turned it off)',
  })
  webhookEnabled!: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ description: '接收邮件通知 / Receive email' }) @IsBoolean() emailEnabled!: boolean;

  @ApiPropertyOptional({ description: '邮箱地址（null 清除）/ Email address (null clears it)', nullable: true, type: String, format: 'email', maxLength: 254 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail({ allow_display_name: false, require_tld: true }, { message: 'emailAddress must be an email address' })
  @MaxLength(254)
  emailAddress?: string | null;

  @ApiProperty({
    description:
      '推送到工作群（管理员：市纪委工作群；单位联络人：本单位工作群）/ Post to the group chat (administrators: the program office’s; unit contacts: their unit’s)',
  })
  @IsBoolean()
  webhookEnabled!: boolean;
}
