import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { HumanRole, LedgerColumn } from '#domain';

/**
 * 保存的视图: a ledger query (filters, sort and the chosen columns) an account keeps under a name, kept as the query
 * string the ledger takes; shown also to every account of `sharedWithRole`, read-only for them.
 */
@Entity({ tableName: 'saved_view' })
@Unique({ name: 'saved_view_owner_name_unique', properties: ['ownerId', 'name'] })
@Index({ name: 'saved_view_shared_index', properties: ['sharedWithRole'] })
export class SavedViewEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  /** The account (or `api-token:<id>`) that keeps it; only they may change it. */
  @Property({ type: 'string', length: 100 })
  ownerId: string;

  @Property({ type: 'string', length: 60 })
  name: string;

  /** The ledger's query parameters (campaignId, category, stage, dueStatus, open, q, certifiedFrom, certifiedTo, sort, order). */
  @Property({ type: 'json' })
  query: Record<string, string>;

  @Property({ type: 'json' })
  columns: LedgerColumn[];

  @Property({ type: 'string', length: 30, nullable: true })
  sharedWithRole: HumanRole | null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime' })
  updatedAt: Date;

  constructor(input: Omit<SavedViewEntity, 'updatedAt'> & { updatedAt?: Date }) {
    this.id = input.id;
    this.ownerId = input.ownerId;
    this.name = input.name;
    this.query = input.query;
    this.columns = input.columns;
    this.sharedWithRole = input.sharedWithRole;
    this.createdAt = input.createdAt;
    this.updatedAt = input.updatedAt ?? input.createdAt;
  }
}
