import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { StepIdempotencyKeyEntity } from './entities/index.js';

/** A step's `Idempotency-Key` as its caller sent it, and the fingerprint of the request it came with. */
export interface IdempotentStepRequest {
  readonly actorId: string;
  readonly key: string;
  readonly caseId: string;
  readonly fingerprint: string;
}

/** The key as first claimed: the request it stands for, its update id and, once recorded, the first answer. */
export type StepIdempotencyClaim = Pick<StepIdempotencyKeyEntity, 'actorId' | 'idempotencyKey' | 'caseId' | 'fingerprint' | 'updateId' | 'response'>;

/**
 * The `Idempotency-Key`s of steps: the first request with a key claims it (concurrent ones find the same claim), a
 * recorded step keeps its answer under it, and a refused one lets it go.
 */
export class StepIdempotencyKeys {
  constructor(private readonly orm: MikroORM) {}

  /** The key's claim: this request's, when the key is new; otherwise the one made by its first request. */
  async claim(request: IdempotentStepRequest): Promise<StepIdempotencyClaim> {
    const em = this.orm.em.fork() as SqlEntityManager;
    const claim = new StepIdempotencyKeyEntity({
      actorId: request.actorId,
      idempotencyKey: request.key,
      caseId: request.caseId,
      fingerprint: request.fingerprint,
      updateId: randomUUID(),
      createdAt: new Date(),
    });
    await em.createQueryBuilder(StepIdempotencyKeyEntity).insert(claim).onConflict(['actorId', 'idempotencyKey']).ignore().execute();
    return em.findOneOrFail(StepIdempotencyKeyEntity, { actorId: request.actorId, idempotencyKey: request.key }, { disableIdentityMap: true });
  }

  /** The step is recorded: its answer is what every later request with the key gets. */
  async answered(claim: StepIdempotencyClaim, response: object): Promise<void> {
    await this.orm.em
      .fork()
      .nativeUpdate(StepIdempotencyKeyEntity, { actorId: claim.actorId, idempotencyKey: claim.idempotencyKey }, { response: { ...response } });
  }

  /** The step was refused, nothing written: the key may be used again. */
  async release(claim: StepIdempotencyClaim): Promise<void> {
    await this.orm.em.fork().nativeDelete(StepIdempotencyKeyEntity, { actorId: claim.actorId, idempotencyKey: claim.idempotencyKey, response: null });
  }
}
