import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { NotificationStore } from '#persistence';

/**
 * The one-time step of sealing the units' robot secrets stored in plain text before sealing began, or under a key
 * since rotated (SECRETS_ENCRYPTION_PREVIOUS_KEYS): run at every api start, idempotent (a migration cannot do it: it
 * has no key). A failure is logged and does not stop the api; the next start tries again.
 */
@Injectable()
export class StoredSecretsSealer implements OnApplicationBootstrap {
  private readonly logger = new Logger('StoredSecrets');

  constructor(@Inject(NotificationStore) private readonly notifications: NotificationStore) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const { sealed, unreadable } = await this.notifications.sealStoredSecrets();
      if (sealed) this.logger.log({ sealed }, `已加密 ${sealed} 个单位工作群机器人密钥 / sealed ${sealed} stored group-chat secrets`);
      if (unreadable.length) {
        this.logger.error(
          { unitIds: unreadable },
          '这些单位的机器人密钥无法用已配置的密钥解密，请补充 SECRETS_ENCRYPTION_PREVIOUS_KEYS 或重新设置 / these units’ robot secrets open with no configured key: add it to SECRETS_ENCRYPTION_PREVIOUS_KEYS, or set the chats again',
        );
      }
    } catch (error) {
      this.logger.error({ err: error }, '未能加密已存的机器人密钥，下次启动时重试 / could not seal the stored group-chat secrets; the next start tries again');
    }
  }
}
