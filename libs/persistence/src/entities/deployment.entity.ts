import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The database's identity (one row, made by its first migration run): a worker pairs it with the Temporal namespace and
 * task queue it serves, and refuses to start where they are paired with another database.
 */
@Entity({ tableName: 'deployment' })
export class DeploymentEntity {
  @PrimaryKey({ type: 'string', length: 32 })
  id: string;

  @Property({ type: 'datetime' })
  createdAt: Date;

  constructor(id: string, createdAt: Date) {
    this.id = id;
    this.createdAt = createdAt;
  }
}
