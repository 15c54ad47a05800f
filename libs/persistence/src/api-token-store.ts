import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { invalidInput, unitLinkProblem, type Actor, type HumanRole } from '#domain';
import { AccountStore } from './account-store.js';
import { newSecretToken, tokenHash } from './credentials.js';
import { ApiTokenEntity } from './entities/api-token.entity.js';
import { UnitEntity } from './entities/unit.entity.js';

export interface NewApiToken {
  readonly name: string;
  readonly role: HumanRole;
  readonly unitId?: string | null;
  /** Null: until revoked. */
  readonly expiresAt: Date | null;
}

/** 接口令牌: issued with its secret shown once (only its SHA-256 is kept), and revoked; each recorded as an account event. */
export class ApiTokenStore {
  private readonly accounts: AccountStore;

  constructor(
    private readonly orm: MikroORM,
    accounts?: AccountStore,
  ) {
    this.accounts = accounts ?? new AccountStore(orm);
  }

  async issue(input: NewApiToken, actor: Actor, ip: string | null = null): Promise<{ token: ApiTokenEntity; secret: string }> {
    const unitId = input.unitId ?? null;
    const em = this.orm.em.fork();
    const link = unitLinkProblem(input.role, unitId);
    if (link) throw invalidInput([{ field: 'unitId', message: `${link.zh} / ${link.en}` }]);
    if (unitId !== null && !(await em.findOne(UnitEntity, { id: unitId })))
      throw invalidInput([{ field: 'unitId', message: `单位不存在 / no unit ${unitId}` }]);
    const secret = newSecretToken('qlt_');
    const token = new ApiTokenEntity({
      id: randomUUID(),
      name: input.name.trim(),
      tokenHash: tokenHash(secret),
      prefix: secret.slice(0, 12),
      role: input.role,
      unitId,
      createdAt: new Date(),
      createdBy: actor.id,
      expiresAt: input.expiresAt,
    });
    await em.insert(ApiTokenEntity, token);
    await this.accounts.record('ApiTokenCreated', { actor, ip, detail: { tokenId: token.id, name: token.name, role: token.role, unitId } });
    return { token, secret };
  }

  /** The token, revoked (once: revoking it again changes nothing); null when there is no such token. */
  async revoke(id: string, actor: Actor, ip: string | null = null): Promise<ApiTokenEntity | null> {
    const em = this.orm.em.fork();
    const token = await em.findOne(ApiTokenEntity, { id });
    if (!token) return null;
    if (token.revokedAt === null) {
      token.revokedAt = new Date();
      await em.flush();
      await this.accounts.record('ApiTokenRevoked', { actor, ip, detail: { tokenId: token.id, name: token.name } });
    }
    return token;
  }
}
