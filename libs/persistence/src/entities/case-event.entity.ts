import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { ActorRole, CaseEventType } from '#domain';

/**
 * One fact in a case's audit trail (审计记录). Append-only: the database refuses UPDATE and DELETE, and the
 * ORM treats the entity as read-only (rows are written with em.insert, never through change tracking).
 */
@Entity({ tableName: 'case_event', readonly: true })
@Unique({ name: 'case_event_case_sequence_unique', properties: ['caseId', 'sequence'] })
@Index({ name: 'case_event_occurred_at_index', properties: ['occurredAt'] })
// The audit log across cases (GET /api/audit/events), newest first, by person or by event type.
@Index({ name: 'case_event_actor_occurred_at_index', properties: ['actorId', 'occurredAt'] })
@Index({ name: 'case_event_type_occurred_at_index', properties: ['type', 'occurredAt'] })
export class CaseEventEntity {
  /** Generated in the workflow, so a retried append finds the row it already wrote. */
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  @Property({ type: 'string', length: 200 })
  caseId: string;

  @Property({ type: 'integer' })
  sequence: number;

  @Property({ type: 'string', length: 60 })
  type: CaseEventType;

  @Property({ type: 'string', length: 100 })
  actorId: string;

  @Property({ type: 'string', length: 30 })
  actorRole: ActorRole;

  @Property({ type: 'text', nullable: true })
  reason: string | null;

  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Property({ type: 'datetime' })
  occurredAt: Date;

  @Property({ type: 'string', length: 40, nullable: true })
  frameworkVersion: string | null;

  @Property({ type: 'string', length: 64 })
  prevHash: string;

  @Property({ type: 'string', length: 64 })
  hash: string;

  constructor(input: Omit<CaseEventEntity, never>) {
    this.id = input.id;
    this.caseId = input.caseId;
    this.sequence = input.sequence;
    this.type = input.type;
    this.actorId = input.actorId;
    this.actorRole = input.actorRole;
    this.reason = input.reason;
    this.payload = input.payload;
    this.occurredAt = input.occurredAt;
    this.frameworkVersion = input.frameworkVersion;
    this.prevHash = input.prevHash;
    this.hash = input.hash;
  }
}
