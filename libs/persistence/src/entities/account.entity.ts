import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { HumanRole } from '#domain';

export type AccountStatus = 'active' | 'disabled';

/** 用户账户: a person who logs in. Events name them by this id. The password is kept only as an argon2id hash. */
@Entity({ tableName: 'account' })
export class AccountEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 64, unique: 'account_username_unique' })
  username: string;

  @Property({ type: 'string', length: 100 })
  displayName: string;

  @Property({ type: 'string', length: 30 })
  role: HumanRole;

  /** The unit of a unit contact (示范点联络人); null for every other role. */
  @Index({ name: 'account_unit_id_index' })
  @Property({ type: 'string', length: 36, nullable: true })
  unitId: string | null;

  @Property({ type: 'string', length: 200 })
  passwordHash: string;

  @Property({ type: 'string', length: 20 })
  status: AccountStatus = 'active';

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'string', length: 100 })
  createdBy: string;

  @Property({ type: 'datetime' })
  passwordChangedAt: Date;

  constructor(input: {
    id: string;
    username: string;
    displayName: string;
    role: HumanRole;
    unitId: string | null;
    passwordHash: string;
    createdAt: Date;
    createdBy: string;
  }) {
    this.id = input.id;
    this.username = input.username;
    this.displayName = input.displayName;
    this.role = input.role;
    this.unitId = input.unitId;
    this.passwordHash = input.passwordHash;
    this.createdAt = input.createdAt;
    this.createdBy = input.createdBy;
    this.passwordChangedAt = input.createdAt;
  }
}
