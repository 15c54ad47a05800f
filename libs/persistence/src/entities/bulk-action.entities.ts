import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ActorRole, BulkActionItemStatus, BulkActionKind, BulkActionParameterMap, BulkActionStatus, CaseStage } from '#domain';

/**
 * 批量操作: one step over a selection of cases, run by its workflow (`bulk-action:<id>`). The counters follow the
 * items: each is raised in the same transaction as the item that settles (once, however often an activity retries).
 */
@Entity({ tableName: 'bulk_action' })
@Index({ name: 'bulk_action_started_index', properties: ['startedAt'] })
export class BulkActionEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 30 })
  kind: BulkActionKind;

  @Property({ type: 'json' })
  parameters: BulkActionParameterMap[BulkActionKind];

  /** The account (or api token) that started it: every case's step is recorded as theirs. */
  @Property({ type: 'string', length: 100 })
  startedById: string;

  @Property({ type: 'string', length: 30 })
  startedByRole: ActorRole;

  /** The name they went by when they started it. */
  @Property({ type: 'string', length: 200, nullable: true })
  startedByName: string | null;

  @Property({ type: 'datetime' })
  startedAt: Date;

  @Property({ type: 'integer' })
  total: number;

  @Property({ type: 'integer' })
  succeeded = 0;

  @Property({ type: 'integer' })
  refused = 0;

  @Property({ type: 'integer' })
  failed = 0;

  @Property({ type: 'string', length: 20 })
  status: BulkActionStatus = 'running';

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  constructor(input: {
    id: string;
    kind: BulkActionKind;
    parameters: BulkActionParameterMap[BulkActionKind];
    startedById: string;
    startedByRole: ActorRole;
    startedByName: string | null;
    startedAt: Date;
    total: number;
  }) {
    this.id = input.id;
    this.kind = input.kind;
    this.parameters = input.parameters;
    this.startedById = input.startedById;
    this.startedByRole = input.startedByRole;
    this.startedByName = input.startedByName;
    this.startedAt = input.startedAt;
    this.total = input.total;
  }
}

/** One case of a bulk action and what became of it (pending until its step is taken). */
@Entity({ tableName: 'bulk_action_item' })
@Index({ name: 'bulk_action_item_status_index', properties: ['bulkActionId', 'status', 'caseId'] })
export class BulkActionItemEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  bulkActionId: string;

  @PrimaryKey({ type: 'string', length: 120 })
  caseId: string;

  /** The unit's name and the case's stage when the selection was confirmed. */
  @Property({ type: 'string', length: 200 })
  unitName: string;

  @Property({ type: 'string', length: 30 })
  stage: CaseStage;

  @Property({ type: 'string', length: 20 })
  status: BulkActionItemStatus = 'pending';

  /** The refusal's code (a case rule's) or the failure's. */
  @Property({ type: 'string', length: 60, nullable: true })
  code: string | null = null;

  /** Why, in Chinese and English. */
  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  constructor(input: { bulkActionId: string; caseId: string; unitName: string; stage: CaseStage }) {
    this.bulkActionId = input.bulkActionId;
    this.caseId = input.caseId;
    this.unitName = input.unitName;
    this.stage = input.stage;
  }
}
