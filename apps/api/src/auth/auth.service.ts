import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '#config';
import { globalLoginGate, loginGate, passwordProblems, stricterGate, type Actor, type Principal } from '#domain';
import {
  AccountEntity,
  AccountRejected,
  AccountSessionEntity,
  AccountStore,
  ApiTokenEntity,
  apiTokenStatus,
  commonPasswords,
  decoyPasswordHash,
  describePasswordProblems,
  hashPassword,
  LoginThrottleStore,
  newSecretToken,
  normalizeUsername,
  presentedApiToken,
  presentedSession,
  sessionActive,
  tokenHash,
  verifyPassword,
  type AccountEventType,
} from '#persistence';
import { invalidCredentials, loginBackoff, loginLocked, unauthenticated } from './auth-errors.js';
import type { Authentication } from './principal.js';
import { SessionTokens } from './session-tokens.js';

export interface IssuedTokens {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: string;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: string;
  readonly tokenType: 'Bearer';
}

export const API_TOKEN_PREFIX = 'qlt_';
const REFRESH_TOKEN_PREFIX = 'qlr_';
/** api tokens record their last use at most this often (one write a minute, not one a request). */
const LAST_USED_RESOLUTION_MS = 60_000;
const SYSTEM: Actor = { id: 'system', role: 'system' };

/** Logins, sessions and the bearer tokens of every request. Every account event is recorded and logged. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('AccountAudit');

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(AccountStore) private readonly accounts: AccountStore,
    @Inject(LoginThrottleStore) private readonly throttle: LoginThrottleStore,
    private readonly tokens: SessionTokens,
  ) {}

  /**
   * Every failed login answers alike, whether the username names an account, a disabled one or none: the same
   * 401 (or, once that username has failed too often from this address, the same 429 or 423), after the same
   * work (one argon2id verification, against a decoy hash when there is no account or the attempt is refused).
   */
  async login(username: string, password: string, ip: string | null): Promise<IssuedTokens & { account: AccountEntity }> {
    const em = this.orm.em.fork();
    const name = normalizeUsername(username);
    const found = await em.findOne(AccountEntity, { username: name });
    const account = found?.status === 'active' ? found : null;
    const now = new Date();
    await this.passThrottle(name, ip, account?.id ?? null, password, now);
    if (!(await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password)) || account === null) {
      const actor: Actor = found ? { id: found.id, role: found.role } : { id: 'anonymous', role: 'system' };
      const reason = account ? 'wrong_password' : found ? 'disabled' : 'unknown_username';
      await this.countFailure('LoginFailed', { name, account: found, actor, ip, reason, now });
      throw invalidCredentials();
    }
    await this.throttle.clearAfterSuccess(name, ip);
    const refreshToken = newSecretToken(REFRESH_TOKEN_PREFIX);
    const session = new AccountSessionEntity({
      id: randomUUID(),
      accountId: account.id,
      refreshTokenHash: tokenHash(refreshToken),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenSeconds * 1000),
    });
    await em.insert(AccountSessionEntity, session);
    await this.audit('LoginSucceeded', { account, actor: { id: account.id, role: account.role }, ip, detail: { sessionId: session.id } });
    return { ...this.issue(account.id, session, refreshToken), account };
  }

  /** A new access token and a new refresh token for the session; the old refresh token is spent. */
  async refresh(refreshToken: string, ip: string | null): Promise<IssuedTokens> {
    const em = this.orm.em.fork();
    const presented = tokenHash(refreshToken);
    const now = new Date();
    const session = await em.findOne(AccountSessionEntity, { refreshTokenHash: presented });
    if (!session) {
      const reused = await em.findOne(AccountSessionEntity, { previousRefreshTokenHash: presented });
      if (reused?.revokedAt === null) {
        // A spent refresh token came back: someone holds a copy. End the session for both holders.
        await em.nativeUpdate(AccountSessionEntity, { id: reused.id }, { revokedAt: now, revokedReason: 'refresh_token_reused' });
        await this.audit('RefreshTokenReused', { account: { id: reused.accountId }, actor: SYSTEM, ip, detail: { sessionId: reused.id } });
      }
      throw unauthenticated('TOKEN_INVALID', '刷新令牌无效', 'The refresh token is not valid');
    }
    const account = await em.findOne(AccountEntity, { id: session.accountId });
    if (!session.isActive(now) || account?.status !== 'active')
      throw unauthenticated('SESSION_ENDED', '会话已结束，请重新登录', 'The session has ended; log in again');
    const next = newSecretToken(REFRESH_TOKEN_PREFIX);
    const updated = await em.nativeUpdate(
      AccountSessionEntity,
      { id: session.id, refreshTokenHash: presented },
      { refreshTokenHash: tokenHash(next), previousRefreshTokenHash: presented },
    );
    if (updated === 0) throw unauthenticated('TOKEN_INVALID', '刷新令牌无效', 'The refresh token is not valid');
    await this.audit('SessionRefreshed', { account, actor: { id: account.id, role: account.role }, ip, detail: { sessionId: session.id } });
    return this.issue(account.id, session, next);
  }

  async logout(principal: Principal, authentication: Authentication | undefined, ip: string | null): Promise<boolean> {
    if (authentication?.kind !== 'session') return false;
    await this.orm.em
      .fork()
      .nativeUpdate(AccountSessionEntity, { id: authentication.sessionId, revokedAt: null }, { revokedAt: new Date(), revokedReason: 'logout' });
    await this.audit('LoggedOut', { account: { id: principal.id }, actor: principal, ip, detail: { sessionId: authentication.sessionId } });
    return true;
  }

  /** Ends every session of the account (an administrator's decision, or a password change). */
  async revokeSessions(
    accountId: string,
    actor: Actor,
    ip: string | null,
    reason: 'revoked_by_administrator' | 'password_changed',
    keepSessionId?: string,
  ): Promise<number> {
    const revoked = await this.orm.em
      .fork()
      .nativeUpdate(
        AccountSessionEntity,
        { accountId, revokedAt: null, ...(keepSessionId === undefined ? {} : { id: { $ne: keepSessionId } }) },
        { revokedAt: new Date(), revokedReason: reason },
      );
    await this.audit('SessionsRevoked', { account: { id: accountId }, actor, ip, detail: { sessions: revoked, reason } });
    return revoked;
  }

  /** Disabling ends every session at once; a disabled account cannot log in (it answers like a wrong password). */
  async setStatus(account: AccountEntity, status: 'active' | 'disabled', reason: string, actor: Actor, ip: string | null): Promise<void> {
    await this.orm.em.fork().nativeUpdate(AccountEntity, { id: account.id }, { status });
    await this.audit(status === 'disabled' ? 'AccountDisabled' : 'AccountEnabled', { account, actor, ip, detail: { reason } });
    if (status === 'disabled') await this.revokeSessions(account.id, actor, ip, 'revoked_by_administrator');
  }

  async unlock(account: AccountEntity, actor: Actor, ip: string | null): Promise<void> {
    await this.throttle.clearAll(account.username);
    await this.audit('AccountUnlocked', { account, actor, ip });
  }

  async changePassword(principal: Principal, authentication: Authentication | undefined, current: string, next: string, ip: string | null): Promise<number> {
    const em = this.orm.em.fork();
    const account = authentication?.kind === 'session' ? await em.findOne(AccountEntity, { id: principal.id }) : null;
    if (!account) throw unauthenticated('UNAUTHENTICATED', '只有登录的账户可以修改口令', 'Only a logged-in account can change its password');
    // Guessing the current password with a stolen session is throttled like guessing it at the login.
    const now = new Date();
    await this.passThrottle(account.username, ip, account.id, current, now);
    if (!(await verifyPassword(account.passwordHash, current))) {
      await this.countFailure('PasswordChangeFailed', { name: account.username, account, actor: principal, ip, reason: 'wrong_password', now });
      throw new AccountRejected('ACCOUNT_INVALID', [{ field: 'currentPassword', zh: '当前口令不正确', en: 'the current password is wrong' }]);
    }
    await this.throttle.clearAfterSuccess(account.username, ip);
    const problems = describePasswordProblems(passwordProblems(next, { username: account.username, commonPasswords: await commonPasswords() }), 'newPassword');
    if (problems.length) throw new AccountRejected('ACCOUNT_INVALID', problems);
    await em.nativeUpdate(AccountEntity, { id: account.id }, { passwordHash: await hashPassword(next), passwordChangedAt: new Date() });
    return this.revokeSessions(account.id, principal, ip, 'password_changed', authentication?.kind === 'session' ? authentication.sessionId : undefined);
  }

  /** The principal behind a bearer token, or a 401 saying why not. */
  async authenticate(bearer: string): Promise<{ principal: Principal; authentication: Authentication }> {
    const now = new Date();
    if (bearer.startsWith(API_TOKEN_PREFIX)) {
      const presented = await presentedApiToken(this.orm, tokenHash(bearer));
      if (!presented || apiTokenStatus(presented.token, true, this.config.auth.apiTokenMaxDays, now) !== 'active')
        throw unauthenticated('TOKEN_INVALID', '接口令牌无效、已过期或已撤销', 'The api token is unknown, expired or revoked');
      const { token, issuerActive } = presented;
      // Checked on every request, so disabling the account that issued the token stops it at once.
      if (!issuerActive)
        throw unauthenticated('TOKEN_INVALID', '接口令牌已停用：签发它的账户已停用', 'The api token is suspended: the account that issued it is disabled');
      if (token.lastUsedAt === null || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await this.orm.em.fork().nativeUpdate(ApiTokenEntity, { id: token.id }, { lastUsedAt: now });
      }
      return { principal: { id: `api-token:${token.id}`, role: token.role, unitId: token.unitId }, authentication: { kind: 'api-token', tokenId: token.id } };
    }
    const checked = this.tokens.check(bearer);
    if (checked.kind === 'expired') throw unauthenticated('TOKEN_EXPIRED', '访问令牌已过期，请刷新', 'The access token has expired; refresh it');
    if (checked.kind === 'invalid') throw unauthenticated('TOKEN_INVALID', '访问令牌无效', 'The access token is not valid');
    const presented = await presentedSession(this.orm, checked.claims.sid, checked.claims.sub);
    if (!presented || !sessionActive(presented.session, now) || presented.account.status !== 'active')
      throw unauthenticated('SESSION_ENDED', '会话已结束，请重新登录', 'The session has ended; log in again');
    const { session, account } = presented;
    return { principal: { id: account.id, role: account.role, unitId: account.unitId }, authentication: { kind: 'session', sessionId: session.id } };
  }

  /**
   * Refuses the attempt while the username is locked or must wait at this address (or, over the soft limit, at
   * an address the account has not logged in from). A refusal costs the same verification as any other answer.
   */
  private async passThrottle(name: string, ip: string | null, accountId: string | null, password: string, now: Date): Promise<void> {
    const policy = this.config.auth.login;
    const state = await this.throttle.state(name, ip, accountId);
    const gate = stricterGate(loginGate(state.fromAddress, policy, now), globalLoginGate(state.anywhere, policy, now, state.knownAddress));
    if (gate.kind === 'open') return;
    await verifyPassword(await decoyPasswordHash(), password);
    throw gate.kind === 'locked' ? loginLocked(gate.until) : loginBackoff(gate.until);
  }

  /** One more failure of the username at this address, recorded; the account's lockout too when this one locks it. */
  private async countFailure(
    type: 'LoginFailed' | 'PasswordChangeFailed',
    failure: { name: string; account: AccountEntity | null; actor: Actor; ip: string | null; reason: string; now: Date },
  ): Promise<void> {
    const { name, account, actor, ip, reason, now } = failure;
    const { fromAddress, lockedNow } = await this.throttle.countFailure(name, ip, now);
    await this.audit(type, { account, username: recordedUsername(name), actor, ip, detail: { reason, failedLogins: fromAddress.failedLogins } });
    if (lockedNow && account) {
      await this.audit('AccountLocked', {
        account,
        actor: SYSTEM,
        ip,
        detail: { until: new Date(now.getTime() + this.config.auth.login.lockoutMs).toISOString(), fromAddress: ip },
      });
    }
  }

  private issue(accountId: string, session: AccountSessionEntity, refreshToken: string): IssuedTokens {
    const access = this.tokens.sign(accountId, session.id);
    return {
      tokenType: 'Bearer',
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: session.expiresAt.toISOString(),
    };
  }

  private async audit(type: AccountEventType, input: Parameters<AccountStore['record']>[1]): Promise<void> {
    await this.accounts.record(type, input);
    this.logger.log(
      {
        accountEvent: type,
        accountId: input.account?.id ?? null,
        username: input.account?.username ?? input.username ?? null,
        actorId: input.actor.id,
        ip: input.ip ?? null,
        ...input.detail,
      },
      `account event ${type}`,
    );
  }
}

/** A username that names no account is recorded as given, cut to the length the account records keep. */
function recordedUsername(name: string): string {
  return Array.from(name).slice(0, 64).join('');
}
