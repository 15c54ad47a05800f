import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import { afterFailedLogin, afterFailedLoginAnywhere, NO_FAILURES, type LoginFailures, type LoginThrottlePolicy } from '#domain';
import { AccountEventEntity, ANY_CLIENT, LoginThrottleEntity } from './entities/index.js';

/** The failures that decide whether a login from one address may be tried now. */
export interface LoginThrottleState {
  /** From this address, in a row. */
  readonly fromAddress: LoginFailures;
  /** From all addresses together, in a row (the soft limit). */
  readonly anywhere: LoginFailures;
  /** Whether the account has logged in from this address before (the soft limit does not slow it). */
  readonly knownAddress: boolean;
}

/** Where the throttle keeps a failure when the client address is not known. */
const UNKNOWN_CLIENT = 'unknown';

/** Failed logins per (username, client address) and per username, in the app database (shared by api replicas). */
export class LoginThrottleStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly policy: LoginThrottlePolicy,
  ) {}

  async state(username: string, client: string | null, accountId: string | null): Promise<LoginThrottleState> {
    const em = this.orm.em.fork();
    const rows = await em.find(LoginThrottleEntity, { username, client: { $in: [clientKey(client), ANY_CLIENT] } });
    const failuresOf = (key: string): LoginFailures => rows.find((row) => row.client === key) ?? NO_FAILURES;
    // Asked whether or not there is an account (an id that matches none), so both answers take the same work.
    const knownAddress =
      (await em.findOne(AccountEventEntity, { accountId: accountId ?? '', type: 'LoginSucceeded', ip: clientKey(client) }, { fields: ['id'] })) !== null;
    return { fromAddress: failuresOf(clientKey(client)), anywhere: failuresOf(ANY_CLIENT), knownAddress };
  }

  /** Counts one more failure from the address and in all; every failure of several sent at once is counted. */
  async countFailure(username: string, client: string | null, now: Date): Promise<{ fromAddress: LoginFailures; lockedNow: boolean }> {
    const { lockedNow, ...fromAddress } = await this.increment(username, clientKey(client), (seen) => afterFailedLogin(seen, this.policy, now));
    await this.increment(username, ANY_CLIENT, (seen) => afterFailedLoginAnywhere(seen, this.policy, now));
    return { fromAddress, lockedNow };
  }

  /** A successful login from the address: its count and the count over all addresses start again. */
  async clearAfterSuccess(username: string, client: string | null): Promise<void> {
    await this.orm.em.fork().nativeDelete(LoginThrottleEntity, { username, client: { $in: [clientKey(client), ANY_CLIENT] } });
  }

  /** An administrator's unlock: every address's count for the username. */
  async clearAll(username: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(LoginThrottleEntity, { username });
  }

  /** Failures in a row from all addresses (shown on the account). */
  async failuresAnywhere(usernames: readonly string[]): Promise<Map<string, number>> {
    if (usernames.length === 0) return new Map();
    const rows = await this.orm.em.fork().find(LoginThrottleEntity, { username: { $in: [...usernames] }, client: ANY_CLIENT });
    return new Map(rows.map((row) => [row.username, row.failedLogins]));
  }

  /**
   * A compare-and-set on the row's previous count and time: a failure that races another is counted on a retry,
   * so sending many at once buys no extra attempts.
   */
  private async increment<T extends LoginFailures>(username: string, client: string, next: (seen: LoginFailures) => T): Promise<T> {
    const em = this.orm.em.fork();
    for (;;) {
      const seen = await em.findOne(LoginThrottleEntity, { username, client }, { disableIdentityMap: true });
      const failures = next(seen ?? NO_FAILURES);
      const values = { failedLogins: failures.failedLogins, lastFailedLoginAt: failures.lastFailedLoginAt ?? new Date() };
      if (seen === null) {
        try {
          await em.insert(LoginThrottleEntity, new LoginThrottleEntity({ username, client, ...values }));
          return failures;
        } catch (error) {
          if (error instanceof UniqueConstraintViolationException) continue;
          throw error;
        }
      }
      const updated = await em.nativeUpdate(
        LoginThrottleEntity,
        { username, client, failedLogins: seen.failedLogins, lastFailedLoginAt: seen.lastFailedLoginAt },
        values,
      );
      if (updated === 1) return failures;
    }
  }
}

function clientKey(client: string | null): string {
  return client ?? UNKNOWN_CLIENT;
}
