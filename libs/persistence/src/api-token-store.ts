import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { invalidInput, SYSTEM_ACTOR, unitLinkProblem, type Actor, type HumanRole } from '#domain';
import { AccountStore } from './account-store.js';
import { newSecretToken, tokenHash } from './credentials.js';
import { AccountEntity } from './entities/account.entity.js';
import { ApiTokenEntity } from './entities/api-token.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { dateColumn } from './raw-columns.js';

const DAY_MS = 86_400_000;
const TOKEN_ACTOR_PREFIX = 'api-token:';
/** Tokens issued by tokens issued by …: followed this far to the account behind them, no further. */
const MAX_ISSUER_CHAIN = 8;

/** Where a token stands now: usable, past its expiry, revoked, or suspended while the account behind it is disabled. */
export type ApiTokenStatus = 'active' | 'expired' | 'revoked' | 'suspended';

/** When the token stops working: its own expiry or `maxDays` after it was issued, whichever is first (older tokens too). */
export function apiTokenExpiry(token: Pick<ApiTokenEntity, 'createdAt' | 'expiresAt'>, maxDays: number): Date {
  const limit = new Date(token.createdAt.getTime() + maxDays * DAY_MS);
  return token.expiresAt !== null && token.expiresAt < limit ? token.expiresAt : limit;
}

/**
 * Whether the account behind a token is active: the account that issued it, or, for a token an administrator's token
 * issued, the account behind that one. Issued by the system (the CLI): active. Disabling the account suspends its
 * tokens at once; enabling it again brings back those neither expired nor revoked.
 */
export async function apiTokenIssuerActive(em: EntityManager, createdBy: string): Promise<boolean> {
  let issuer = createdBy;
  for (let depth = 0; depth < MAX_ISSUER_CHAIN; depth += 1) {
    if (issuer === SYSTEM_ACTOR.id) return true;
    if (!issuer.startsWith(TOKEN_ACTOR_PREFIX)) return (await em.findOne(AccountEntity, { id: issuer }, { fields: ['status'] }))?.status === 'active';
    const parent = await em.findOne(ApiTokenEntity, { id: issuer.slice(TOKEN_ACTOR_PREFIX.length) }, { fields: ['createdBy'] });
    if (!parent) return false;
    issuer = parent.createdBy;
  }
  return false;
}

export function apiTokenStatus(
  token: Pick<ApiTokenEntity, 'createdAt' | 'expiresAt' | 'revokedAt'>,
  issuerActive: boolean,
  maxDays: number,
  now: Date,
): ApiTokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  if (apiTokenExpiry(token, maxDays) <= now) return 'expired';
  return issuerActive ? 'active' : 'suspended';
}

/** What a request presenting an api token needs of it. */
export type PresentedApiToken = Pick<ApiTokenEntity, 'id' | 'role' | 'unitId' | 'createdAt' | 'createdBy' | 'expiresAt' | 'revokedAt' | 'lastUsedAt'>;

/**
 * The api token with this hash and whether the account behind it is active, in one statement: every request that
 * presents a token reads them, and the ORM's two entity lookups cost ten times the query's CPU. A token issued by
 * another token (or by the system) is followed by apiTokenIssuerActive.
 */
export async function presentedApiToken(orm: MikroORM, hash: string): Promise<{ token: PresentedApiToken; issuerActive: boolean } | null> {
  const rows: {
    id: string;
    role: HumanRole;
    unit_id: string | null;
    created_by: string;
    issuer_status: string | null;
    created_at: unknown;
    expires_at: unknown;
    revoked_at: unknown;
    last_used_at: unknown;
  }[] = await (orm.em as SqlEntityManager)
    .getConnection()
    .execute(
      'select t.id, t.role, t.unit_id, t.created_at, t.created_by, t.expires_at, t.revoked_at, t.last_used_at, a.status as issuer_status ' +
        'from api_token t left join account a on a.id = t.created_by where t.token_hash = ?',
      [hash],
    );
  const row = rows[0];
  if (row === undefined) return null;
  const token: PresentedApiToken = {
    id: row.id,
    role: row.role,
    unitId: row.unit_id,
    createdAt: dateColumn(row.created_at) ?? new Date(0),
    createdBy: row.created_by,
    expiresAt: dateColumn(row.expires_at),
    revokedAt: dateColumn(row.revoked_at),
    lastUsedAt: dateColumn(row.last_used_at),
  };
  const issuedByAccount = token.createdBy !== SYSTEM_ACTOR.id && !token.createdBy.startsWith(TOKEN_ACTOR_PREFIX);
  return { token, issuerActive: issuedByAccount ? row.issuer_status === 'active' : await apiTokenIssuerActive(orm.em.fork(), token.createdBy) };
}

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
