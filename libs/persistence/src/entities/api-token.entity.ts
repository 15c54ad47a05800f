import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { HumanRole } from '#domain';

/** An integration's api token (接口令牌): shown once, kept as a SHA-256 hash, scoped to a role, revocable. */
@Entity({ tableName: 'api_token' })
export class ApiTokenEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 100 })
  name: string;

  @Property({ type: 'string', length: 64, unique: 'api_token_hash_unique' })
  tokenHash: string;

  /** The token's first characters, so people can tell their tokens apart. */
  @Property({ type: 'string', length: 16 })
  prefix: string;

  @Property({ type: 'string', length: 30 })
  role: HumanRole;

  @Property({ type: 'string', length: 36, nullable: true })
  unitId: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'string', length: 100 })
  createdBy: string;

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  constructor(input: {
    id: string;
    name: string;
    tokenHash: string;
    prefix: string;
    role: HumanRole;
    unitId: string | null;
    createdAt: Date;
    createdBy: string;
    expiresAt: Date | null;
  }) {
    this.id = input.id;
    this.name = input.name;
    this.tokenHash = input.tokenHash;
    this.prefix = input.prefix;
    this.role = input.role;
    this.unitId = input.unitId;
    this.createdAt = input.createdAt;
    this.createdBy = input.createdBy;
    this.expiresAt = input.expiresAt;
  }
}
