import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { sessionActive } from '../account-sessions.js';

/**
 * A login session (会话). Access tokens name it and are accepted only while it is active; the refresh token
 * is kept as a SHA-256 hash and rotated on each use (the previous one is remembered: presenting it again
 * means it was stolen, and the session is revoked).
 */
@Entity({ tableName: 'account_session' })
@Index({ name: 'account_session_account_index', properties: ['accountId'] })
export class AccountSessionEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 36 })
  accountId: string;

  @Property({ type: 'string', length: 64, unique: 'account_session_refresh_unique' })
  refreshTokenHash: string;

  @Property({ type: 'string', length: 64, nullable: true, index: 'account_session_previous_refresh_index' })
  previousRefreshTokenHash: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  revokedReason: string | null = null;

  constructor(input: { id: string; accountId: string; refreshTokenHash: string; createdAt: Date; expiresAt: Date }) {
    this.id = input.id;
    this.accountId = input.accountId;
    this.refreshTokenHash = input.refreshTokenHash;
    this.createdAt = input.createdAt;
    this.expiresAt = input.expiresAt;
  }

  isActive(now: Date): boolean {
    return sessionActive(this, now);
  }
}
