import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The client of the soft limit's row: failures from every address together. */
export const ANY_CLIENT = '*';

/**
 * 登录失败计数: failed logins in a row for a username (whether or not it names an account) from one client
 * address, or from all of them together (client `*`). A successful login or an administrator's unlock clears it.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottleEntity {
  /** The username as normalized for lookups (trimmed, lower case). */
  @PrimaryKey({ type: 'text' })
  username: string;

  /** The client address, or `*`. */
  @PrimaryKey({ type: 'text' })
  client: string;

  @Property({ type: 'integer' })
  failedLogins: number;

  @Property({ type: 'datetime' })
  lastFailedLoginAt: Date;

  constructor(input: { username: string; client: string; failedLogins: number; lastFailedLoginAt: Date }) {
    this.username = input.username;
    this.client = input.client;
    this.failedLogins = input.failedLogins;
    this.lastFailedLoginAt = input.lastFailedLoginAt;
  }
}
