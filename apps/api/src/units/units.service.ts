import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { AppConfig } from '#config';
import { groupChatProblems, invalidInput, notFound, unitListScope, webhookHost, type Actor, type Principal } from '#domain';
import { appendAccountEvent, CaseRecordEntity, likePattern, NotificationStore, UnitEntity, type UnitGroupChatSetting } from '#persistence';
import type { CreateUnitDto, ListUnitsQuery, PutUnitGroupChatDto, UnitDto, UnitGroupChatDto, UnitPageDto } from './unit.dto.js';

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

  /**
   * Units by category, part of the name and enrollment, within the caller's scope (a unit contact: their own unit).
   * Enrollment is read from the case read model: a unit is enrolled in a campaign when it has a case there.
   */
  async list(query: ListUnitsQuery, principal: Principal): Promise<UnitPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const scope = unitListScope(principal);
    if (scope.kind === 'none') return { items: [], total: 0, page, pageSize };
    const em = this.orm.em.fork() as SqlEntityManager;
    const enrolledOnly = query.enrolled !== undefined || query.campaignId !== undefined;
    const enrolledUnits = em
      .createQueryBuilder(CaseRecordEntity, 'c')
      .select('c.unitId')
      .where(query.campaignId === undefined ? {} : { campaignId: query.campaignId });
    // The scope and the filters are separate conditions of one $and: a filter only narrows what the scope shows.
    const filters: FilterQuery<UnitEntity>[] = [
      scope.kind === 'unit' ? { id: scope.unitId } : {},
      ...(query.category === undefined ? [] : [{ category: query.category }]),
      ...(query.q === undefined ? [] : [{ name: { $like: likePattern(query.q, 'anywhere') } }]),
      ...(enrolledOnly ? [{ id: query.enrolled === 'false' ? { $nin: enrolledUnits } : { $in: enrolledUnits } }] : []),
    ];
    const sort = query.sort ?? 'name';
    const order = query.order ?? 'asc';
    const [units, total] = await em.findAndCount(
      UnitEntity,
      { $and: filters },
      {
        orderBy: sort === 'name' ? { name: order, id: 'asc' } : { [sort]: order, name: 'asc', id: 'asc' },
        limit: pageSize,
        offset: (page - 1) * pageSize,
      },
    );
    return { items: units.map(toDto), total, page, pageSize };
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
  async setGroupChat(unitId: string, body: PutUnitGroupChatDto, actor: Actor, ip: string | null): Promise<UnitGroupChatDto> {
    const unit = await this.find(unitId);
    const webhookUrl = body.webhookUrl.trim();
    const problems = groupChatProblems(
      { webhookUrl, secret: body.secret },
      { httpsOnly: this.config.env === 'production', allowedHosts: this.config.notifications.groupChatAllowedHosts },
    );
    if (problems.length) throw invalidInput(problems.map((problem) => ({ field: problem.field, message: `${problem.zh} / ${problem.en}` })));
    const previous = await this.notifications.unitGroupChat(unitId);
    const host = webhookHost(webhookUrl);
    const saved = await this.orm.em.fork().transactional(async (em) => {
      const setting = await this.notifications.saveUnitGroupChat(unitId, { url: webhookUrl, secret: body.secret }, actor.id, em);
      const detail = { unitId, unitName: unit.name, host, ...(previous ? { previousHost: webhookHost(previous.target.url) } : {}) };
      await appendAccountEvent(em, previous ? 'UnitGroupChatChanged' : 'UnitGroupChatSet', { actor, ip, detail });
      return setting;
    });
    this.logger.log({ unitId, host, actorId: actor.id, role: actor.role }, '单位工作群机器人已设置 / unit group chat set');
    return toGroupChatDto(unitId, saved);
  }

  async removeGroupChat(unitId: string, actor: Actor, ip: string | null): Promise<UnitGroupChatDto> {
    const unit = await this.find(unitId);
    const previous = await this.notifications.unitGroupChat(unitId);
    const removed = await this.orm.em.fork().transactional(async (em) => {
      if (!(await this.notifications.removeUnitGroupChat(unitId, em))) return false;
      const detail = { unitId, unitName: unit.name, ...(previous ? { host: webhookHost(previous.target.url) } : {}) };
      await appendAccountEvent(em, 'UnitGroupChatRemoved', { actor, ip, detail });
      return true;
    });
    if (removed) {
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
