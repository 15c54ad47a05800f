import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { notFound, type Actor } from '#domain';
import { ApiTokenEntity, ApiTokenStore, AccountStore } from '#persistence';
import type { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from '../auth/auth.dto.js';

const DAY_MS = 86_400_000;

/** 接口令牌 for integrations: the secret is shown once and kept only as its SHA-256. */
@Injectable()
export class ApiTokensService {
  private readonly store: ApiTokenStore;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(AccountStore) accounts: AccountStore,
  ) {
    this.store = new ApiTokenStore(orm, accounts);
  }

  async create(input: CreateApiTokenDto, actor: Actor, ip: string | null): Promise<CreatedApiTokenDto> {
    const expiresAt = input.expiresInDays === undefined ? null : new Date(Date.now() + input.expiresInDays * DAY_MS);
    const { token, secret } = await this.store.issue({ name: input.name, role: input.role, unitId: input.unitId ?? null, expiresAt }, actor, ip);
    return Object.assign(toApiTokenDto(token), { token: secret });
  }

  async list(): Promise<ApiTokenDto[]> {
    return (await this.orm.em.fork().find(ApiTokenEntity, {}, { orderBy: { createdAt: 'desc', id: 'asc' } })).map(toApiTokenDto);
  }

  async revoke(id: string, actor: Actor, ip: string | null): Promise<ApiTokenDto> {
    const token = await this.store.revoke(id, actor, ip);
    if (!token) throw notFound('接口令牌', 'Api token', id);
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
