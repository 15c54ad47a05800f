import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '#config';
import { invalidInput, notFound, unitLinkProblem, type Actor, type FieldProblem } from '#domain';
import { apiTokenExpiry, apiTokenIssuerActive, apiTokenStatus, ApiTokenEntity, ApiTokenStore, AccountStore } from '#persistence';
import type { ApiTokenDto, ApiTokenPolicyDto, CreateApiTokenDto, CreatedApiTokenDto } from '../auth/auth.dto.js';

const DAY_MS = 86_400_000;
/** Roles whose tokens must name their expiry: a forgotten one would hold the whole office's powers for months. */
const EXPIRY_REQUIRED_ROLES = ['administrator'] as const;

/** 接口令牌 for integrations: the secret is shown once and kept only as its SHA-256. */
@Injectable()
export class ApiTokensService {
  private readonly store: ApiTokenStore;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(AccountStore) accounts: AccountStore,
  ) {
    this.store = new ApiTokenStore(orm, accounts);
  }

  policy(): ApiTokenPolicyDto {
    return { maxExpiresInDays: this.config.auth.apiTokenMaxDays, expiryRequiredForRoles: [...EXPIRY_REQUIRED_ROLES] };
  }

  /**
   * A token lives at most API_TOKEN_MAX_DAYS: a longer expiry is refused, none means the longest (except for an
   * administrator-role token, which must name its own).
   */
  async create(input: CreateApiTokenDto, actor: Actor, ip: string | null): Promise<CreatedApiTokenDto> {
    const maxDays = this.config.auth.apiTokenMaxDays;
    const problems: FieldProblem[] = [];
    const link = unitLinkProblem(input.role, input.unitId);
    if (link) problems.push({ field: 'unitId', message: `${link.zh} / ${link.en}` });
    if (input.expiresInDays === undefined && (EXPIRY_REQUIRED_ROLES as readonly string[]).includes(input.role)) {
      problems.push({
        field: 'expiresInDays',
        message: `管理员角色的接口令牌须设定有效天数（1–${maxDays} 天）/ an administrator-role token needs expiresInDays (1–${maxDays})`,
      });
    } else if (input.expiresInDays !== undefined && input.expiresInDays > maxDays) {
      problems.push({
        field: 'expiresInDays',
        message: `接口令牌的有效天数至多 ${maxDays} 天 / expiresInDays may be at most ${maxDays} (API_TOKEN_MAX_DAYS)`,
      });
    }
    if (problems.length) throw invalidInput(problems);
    const expiresAt = new Date(Date.now() + (input.expiresInDays ?? maxDays) * DAY_MS);
    const { token, secret } = await this.store.issue({ name: input.name, role: input.role, unitId: input.unitId ?? null, expiresAt }, actor, ip);
    return Object.assign(this.toDto(token, true, new Date()), { token: secret });
  }

  async list(): Promise<ApiTokenDto[]> {
    const em = this.orm.em.fork();
    const tokens = await em.find(ApiTokenEntity, {}, { orderBy: { createdAt: 'desc', id: 'asc' } });
    const issuers = new Map<string, Promise<boolean>>();
    const now = new Date();
    return Promise.all(
      tokens.map(async (token) => {
        let active = issuers.get(token.createdBy);
        if (active === undefined) {
          active = apiTokenIssuerActive(em, token.createdBy);
          issuers.set(token.createdBy, active);
        }
        return this.toDto(token, await active, now);
      }),
    );
  }

  async revoke(id: string, actor: Actor, ip: string | null): Promise<ApiTokenDto> {
    const token = await this.store.revoke(id, actor, ip);
    if (!token) throw notFound('接口令牌', 'Api token', id);
    return this.toDto(token, await apiTokenIssuerActive(this.orm.em.fork(), token.createdBy), new Date());
  }

  private toDto(token: ApiTokenEntity, issuerActive: boolean, now: Date): ApiTokenDto {
    const maxDays = this.config.auth.apiTokenMaxDays;
    return {
      id: token.id,
      name: token.name,
      prefix: token.prefix,
      role: token.role,
      unitId: token.unitId,
      actorId: `api-token:${token.id}`,
      status: apiTokenStatus(token, issuerActive, maxDays, now),
      createdAt: token.createdAt.toISOString(),
      expiresAt: apiTokenExpiry(token, maxDays).toISOString(),
      revokedAt: token.revokedAt?.toISOString() ?? null,
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    };
  }
}
