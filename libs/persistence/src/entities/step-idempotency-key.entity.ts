import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * An `Idempotency-Key` a caller sent with a step: the request it stands for (its fingerprint), the Temporal update id
 * every retry of it is sent as, and, once recorded, the first answer, which a retry gets back instead of a second
 * record. Kept as long as the case.
 */
@Entity({ tableName: 'step_idempotency_key' })
@Index({ name: 'step_idempotency_key_case_index', properties: ['caseId'] })
export class StepIdempotencyKeyEntity {
  /** The account (or `api-token:<id>`) that sent it: keys are each caller's own. */
  @PrimaryKey({ type: 'string', length: 100 })
  actorId: string;

  @PrimaryKey({ type: 'string', length: 255 })
  idempotencyKey: string;

  @Property({ type: 'string', length: 200 })
  caseId: string;

  /** SHA-256 of the request: its method, path and body (canonical JSON). */
  @Property({ type: 'string', length: 64 })
  fingerprint: string;

  @Property({ type: 'string', length: 36 })
  updateId: string;

  /** The first answer (the case's state after the step, as the caller saw it); null until the step is recorded. */
  @Property({ type: 'json', nullable: true })
  response: Record<string, unknown> | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  constructor(input: Pick<StepIdempotencyKeyEntity, 'actorId' | 'idempotencyKey' | 'caseId' | 'fingerprint' | 'updateId' | 'createdAt'>) {
    this.actorId = input.actorId;
    this.idempotencyKey = input.idempotencyKey;
    this.caseId = input.caseId;
    this.fingerprint = input.fingerprint;
    this.updateId = input.updateId;
    this.createdAt = input.createdAt;
  }
}
