import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { CategoryCode, EnterpriseOwnership } from '#domain';

/** 示范点单位 — a pilot unit (agency, school, hospital, enterprise, village, culture site). */
@Entity({ tableName: 'unit' })
export class UnitEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'string', length: 20 })
  category: CategoryCode;

  @Property({ type: 'string', length: 20, nullable: true })
  ownership: EnterpriseOwnership | null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  constructor(input: { id: string; name: string; category: CategoryCode; ownership: EnterpriseOwnership | null; createdAt: Date }) {
    this.id = input.id;
    this.name = input.name;
    this.category = input.category;
    this.ownership = input.ownership;
    this.createdAt = input.createdAt;
  }
}
