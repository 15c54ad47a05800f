import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '#config';
import { groupChatProblems, invalidInput, notFound, webhookHost, type Actor } from '#domain';
import { NotificationStore, UnitEntity, type UnitGroupChatSetting } from '#persistence';
import type { CreateUnitDto, PutUnitGroupChatDto, UnitDto, UnitGroupChatDto } from './unit.dto.js';

@Injectable()
export class UnitsService {
  private readonly logger = new Logger('Units');

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(NotificationStore) private readonly notifications: NotificationStore,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async create(input: CreateUnitDto): Promise<UnitDto> {
    const unit = new UnitEntity({
      id: randomUUID(),
      name: input.name.trim(),
      category: input.category,
      ownership: input.ownership ?? null,
      createdAt: new Date(),
    });
    await this.orm.em.fork().persist(unit).flush();
    return toDto(unit);
  }

  async get(id: string): Promise<UnitDto> {
    return toDto(await this.find(id));
  }

  async find(id: string): Promise<UnitEntity> {
    const unit = await this.orm.em.fork().findOne(UnitEntity, { id });
    if (!unit) throw notFound('单位', 'Unit', id);
    return unit;
  }

  async groupChat(unitId: string): Promise<UnitGroupChatDto> {
    await this.find(unitId);
    return toGroupChatDto(unitId, await this.notifications.unitGroupChat(unitId));
  }

  /** Sets or replaces the unit's group-chat robot. Both the URL and the secret are required: the secret is never read back. */
  async setGroupChat(unitId: string, body: PutUnitGroupChatDto, actor: Actor): Promise<UnitGroupChatDto> {
    await this.find(unitId);
    const webhookUrl = body.webhookUrl.trim();
    const problems = groupChatProblems(
      { webhookUrl, secret: body.secret },
      { httpsOnly: this.config.env === 'production', allowedHosts: this.config.notifications.groupChatAllowedHosts },
    );
    if (problems.length) throw invalidInput(problems.map((problem) => ({ field: problem.field, message: `${problem.zh} / ${problem.en}` })));
    const saved = await this.notifications.saveUnitGroupChat(unitId, { url: webhookUrl, secret: body.secret }, actor.id);
    this.logger.log({ unitId, host: webhookHost(webhookUrl), actorId: actor.id, role: actor.role }, '单位工作群机器人已设置 / unit group chat set');
    return toGroupChatDto(unitId, saved);
  }

  async removeGroupChat(unitId: string, actor: Actor): Promise<UnitGroupChatDto> {
    await this.find(unitId);
    if (await this.notifications.removeUnitGroupChat(unitId)) {
      this.logger.log({ unitId, actorId: actor.id, role: actor.role }, '单位工作群机器人已移除 / unit group chat removed');
    }
    return toGroupChatDto(unitId, null);
  }
}

function toDto(unit: UnitEntity): UnitDto {
  return { id: unit.id, name: unit.name, category: unit.category, ownership: unit.ownership, createdAt: unit.createdAt.toISOString() };
}

/** What is shown of a group chat: whether there is one and its host. Never the secret, never the access token. */
function toGroupChatDto(unitId: string, setting: UnitGroupChatSetting | null): UnitGroupChatDto {
  return setting
    ? { unitId, configured: true, host: webhookHost(setting.target.url), updatedAt: setting.updatedAt.toISOString() }
    : { unitId, configured: false, host: null, updatedAt: null };
}
