import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { invalidInput, notFound, unitLinkProblem, type Actor } from '#domain';
import { ApiTokenEntity, AccountStore, newSecretToken, tokenHash, UnitEntity } from '#persistence';
import type { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from '../auth/auth.dto.js';

const DAY_MS = 86_400_000;

/** 接口令牌 for integrations: the secret is shown once and kept only as its SHA-256. */
@Injectable()
export class ApiTokensService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(AccountStore) private readonly accounts: AccountStore,
  ) {}

  async create(input: CreateApiTokenDto, actor: Actor, ip: string | null): Promise<CreatedApiTokenDto> {
    const unitId = input.unitId ?? null;
    const em = this.orm.em.fork();
    const link = unitLinkProblem(input.role, unitId);
    if (link) throw invalidInput([{ field: 'unitId', message: `${link.zh} / ${link.en}` }]);
    if (unitId !== null && !(await em.findOne(UnitEntity, { id: unitId })))
      throw invalidInput([{ field: 'unitId', message: `单位不存在 / no unit ${unitId}` }]);
    const secret = newSecretToken('qlt_');
    const now = new Date();
    const token = new ApiTokenEntity({
      id: randomUUID(),
      name: input.name.trim(),
      tokenHash: tokenHash(secret),
      prefix: secret.slice(0, 12),
      role: input.role,
      unitId,
      createdAt: now,
      createdBy: actor.id,
      expiresAt: input.expiresInDays === undefined ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS),
    });
    await em.insert(ApiTokenEntity, token);
    await this.accounts.record('ApiTokenCreated', { actor, ip, detail: { tokenId: token.id, name: token.name, role: token.role, unitId } });
    return Object.assign(toApiTokenDto(token), { token: secret });
  }

  async list(): Promise<ApiTokenDto[]> {
    return (await this.orm.em.fork().find(ApiTokenEntity, {}, { orderBy: { createdAt: 'desc', id: 'asc' } })).map(toApiTokenDto);
  }

  async revoke(id: string, actor: Actor, ip: string | null): Promise<ApiTokenDto> {
    const em = this.orm.em.fork();
    const token = await em.findOne(ApiTokenEntity, { id });
    if (!token) throw notFound('接口令牌', 'Api token', id);
    if (token.revokedAt === null) {
      token.revokedAt = new Date();
      await em.flush();
      await this.accounts.record('ApiTokenRevoked', { actor, ip, detail: { tokenId: token.id, name: token.name } });
    }
    return toApiTokenDto(token);
  }
}

function toApiTokenDto(token: ApiTokenEntity): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    role: token.role,
    unitId: token.unitId,
    actorId: `api-token:${token.id}`,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
