import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '#domain';
import { DEFAULT_NOTIFICATION_PREFERENCE, NotificationStore, type InboxNotificationEntity, type NotificationPreference } from '#persistence';
import type { InboxNotificationDto, InboxPageDto, ListInboxQuery, NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './inbox.dto.js';
import { notFound, invalidInput } from '#domain';

/** 站内通知与通知偏好 / One's own inbox and notification preferences. Nobody reads another account's. */
@Injectable()
export class InboxService {
  constructor(@Inject(NotificationStore) private readonly store: NotificationStore) {}

  async list(principal: Principal, query: ListInboxQuery): Promise<InboxPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.store.inbox(principal.id, { unreadOnly: query.unread === 'true', offset: (page - 1) * pageSize, limit: pageSize });
    return { items: items.map(toInboxNotificationDto), total, page, pageSize };
  }

  unreadCount(principal: Principal): Promise<number> {
    return this.store.unreadCount(principal.id);
  }

  async markRead(principal: Principal, notificationId: string): Promise<InboxNotificationDto> {
    const notice = await this.store.markRead(principal.id, notificationId);
    // Another account's notification answers exactly like one that does not exist.
    if (!notice) throw notFound('通知', 'Notification', notificationId);
    return toInboxNotificationDto(notice);
  }

  markAllRead(principal: Principal): Promise<number> {
    return this.store.markAllRead(principal.id);
  }

  async preferences(principal: Principal): Promise<NotificationPreferencesDto> {
    return toPreferencesDto(isApiToken(principal) ? DEFAULT_NOTIFICATION_PREFERENCE : await this.store.preferenceOf(principal.id));
  }

  async updatePreferences(principal: Principal, body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    if (isApiToken(principal)) throw invalidInput([{ field: '(principal)', message: '接口令牌不接收通知 / api tokens receive no notifications' }]);
    const emailAddress = body.emailAddress?.trim() ?? null;
    return toPreferencesDto(
      await this.store.savePreference(principal.id, { emailEnabled: body.emailEnabled, emailAddress, webhookEnabled: body.webhookEnabled }),
    );
  }
}

function isApiToken(principal: Principal): boolean {
  return principal.id.startsWith('api-token:');
}

function toPreferencesDto(preference: NotificationPreference): NotificationPreferencesDto {
  return { inApp: true, ...preference };
}

export function toInboxNotificationDto(notice: InboxNotificationEntity): InboxNotificationDto {
  return {
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    caseId: notice.caseId,
    createdAt: notice.createdAt.toISOString(),
    readAt: notice.readAt?.toISOString() ?? null,
  };
}
