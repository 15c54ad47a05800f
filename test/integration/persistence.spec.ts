import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import {
  CaseEventEntity,
  CaseEventStore,
  CaseRecordEntity,
  EventConflictError,
  GENESIS_HASH,
  hashEvent,
  migrateUp,
  openOrm,
  ProjectionRebuilder,
} from '#persistence';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { enrollmentEvent, planSubmittedEvent } from '../support/case-events.js';

describe.each(DATABASE_KINDS)('persistence on %s', (_kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;
  let store: CaseEventStore;

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    await migrateUp(orm);
    store = new CaseEventStore(orm);
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('migrations build exactly the schema the entities describe, once', async () => {
    expect(await migrateUp(orm)).toEqual([]);
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  it('chains each case event to the previous one with SHA-256 over canonical JSON', async () => {
    const first = await store.append(enrollmentEvent('case:chain'));
    const second = await store.append(planSubmittedEvent('case:chain', 2));
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    const stored = await store.listForCase('case:chain');
    expect(stored.map((event) => event.sequence)).toEqual([1, 2]);
    for (const event of stored) {
      const { eventId, actor, prevHash, hash, ...rest } = event;
      expect(hashEvent(prevHash, { ...rest, id: eventId, actorId: actor.id, actorRole: actor.role })).toBe(hash);
    }
  });

  it('appending the same event id again returns the first write and adds nothing', async () => {
    const input = enrollmentEvent('case:retry');
    const first = await store.append(input);
    const again = await store.append(input);
    expect(again).toEqual(first);
    expect(await orm.em.fork().count(CaseEventEntity, { caseId: 'case:retry' })).toBe(1);
  });

  it('refuses a reused event id for another place in the chain, and a gap in the sequence', async () => {
    const input = enrollmentEvent('case:conflict');
    await store.append(input);
    await expect(store.append({ ...input, sequence: 2 })).rejects.toThrow(EventConflictError);
    await expect(store.append(planSubmittedEvent('case:conflict', 3))).rejects.toThrow(EventConflictError);
  });

  it('appends a step’s events in one transaction, chained in order, and a retry of the step gets them back', async () => {
    await store.append(enrollmentEvent('case:step'));
    const step = [planSubmittedEvent('case:step', 2), planSubmittedEvent('case:step', 3, { actor: { id: 'system', role: 'system' } })];
    const recorded = await store.appendAll(step);
    expect(recorded.map((event) => [event.sequence, event.actor.id])).toEqual([
      [2, 'contact-1'],
      [3, 'system'],
    ]);
    const [enrolled] = await store.listForCase('case:step');
    expect(recorded[0]?.prevHash).toBe(enrolled?.hash);
    expect(recorded[1]?.prevHash).toBe(recorded[0]?.hash);
    expect(await store.appendAll(step)).toEqual(recorded);
    expect(await orm.em.fork().count(CaseEventEntity, { caseId: 'case:step' })).toBe(3);
  });

  it('writes none of a step’s events when one of them cannot be written', async () => {
    await store.append(enrollmentEvent('case:step-conflict'));
    const taken = await store.append(planSubmittedEvent('case:step-conflict', 2));
    // A retry that names the recorded event with one that was never written with it, and a step out of order.
    await expect(
      store.appendAll([planSubmittedEvent('case:step-conflict', 2, { eventId: taken.eventId }), planSubmittedEvent('case:step-conflict', 3)]),
    ).rejects.toThrow(EventConflictError);
    await expect(store.appendAll([planSubmittedEvent('case:step-conflict', 3), planSubmittedEvent('case:step-conflict', 5)])).rejects.toThrow(
      EventConflictError,
    );
    // Sequences already taken: the database refuses the insert, and nothing of the step is written.
    await expect(store.appendAll([planSubmittedEvent('case:step-conflict', 1), planSubmittedEvent('case:step-conflict', 2)])).rejects.toThrow();
    expect(await orm.em.fork().count(CaseEventEntity, { caseId: 'case:step-conflict' })).toBe(2);
  });

  it('lets exactly one of two different events take the same sequence', async () => {
    await store.append(enrollmentEvent('case:race'));
    const results = await Promise.allSettled([store.append(planSubmittedEvent('case:race', 2)), store.append(planSubmittedEvent('case:race', 2))]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await orm.em.fork().count(CaseEventEntity, { caseId: 'case:race' })).toBe(2);
  });

  it('the database itself refuses to update or delete an event', async () => {
    await store.append(enrollmentEvent('case:immutable'));
    const connection = orm.em.getConnection();
    await expect(connection.execute(`update case_event set actor_id = 'someone-else' where case_id = 'case:immutable'`)).rejects.toThrow(/append-only/);
    await expect(connection.execute(`delete from case_event where case_id = 'case:immutable'`)).rejects.toThrow(/append-only/);
    expect((await store.listForCase('case:immutable'))[0]?.actor.id).toBe('admin-1');
  });

  it('refolds a read-model row written before it kept the state, from the case events', async () => {
    await store.append(enrollmentEvent('case:legacy'));
    await orm.em.getConnection().execute(`update case_record set state = null where case_id = 'case:legacy'`);
    await store.append(planSubmittedEvent('case:legacy', 2));
    const record = await orm.em.fork().findOneOrFail(CaseRecordEntity, { caseId: 'case:legacy' });
    expect(record.state).toMatchObject({ stage: 'cultivation', planStatus: 'submitted', lastSequence: 2, unitName: '江南街道西津经济合作社' });
  });

  it('keeps the case read model in step with the events, in the same transaction', async () => {
    await store.append(enrollmentEvent('case:projection'));
    const afterEnrollment = await orm.em.fork().findOneOrFail(CaseRecordEntity, { caseId: 'case:projection' });
    expect(afterEnrollment).toMatchObject({ stage: 'cultivation', planStatus: 'not_submitted', lastSequence: 1, unitName: '江南街道西津经济合作社' });
    await store.append(planSubmittedEvent('case:projection', 2));
    const afterPlan = await orm.em.fork().findOneOrFail(CaseRecordEntity, { caseId: 'case:projection' });
    expect(afterPlan).toMatchObject({ planStatus: 'submitted', lastSequence: 2 });
    expect(afterPlan.updatedAt.toISOString()).toBe('2019-03-10T02:30:00.000Z');
  });
});

describe.each(DATABASE_KINDS)('case read model rebuild on %s', (_kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;

  /** The rows exactly as stored. */
  function readModel(): Promise<unknown[]> {
    return orm.em.getConnection().execute('select * from case_record order by case_id');
  }

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    await migrateUp(orm);
    const store = new CaseEventStore(orm);
    for (let index = 0; index < 9; index += 1) {
      await store.append(enrollmentEvent(`case:rebuild-${index}`));
      if (index % 2 === 0) await store.append(planSubmittedEvent(`case:rebuild-${index}`, 2));
    }
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('rebuilds exactly the read model the live projection built, and repairs a damaged one', async () => {
    const live = await readModel();
    expect(live).toHaveLength(9);
    expect(await new ProjectionRebuilder(orm, 4).rebuild()).toEqual({ cases: 9, events: 14 });
    expect(await readModel()).toEqual(live);

    await orm.em.getConnection().execute(`update case_record set stage = 'withdrawn', plan_status = 'approved' where case_id = 'case:rebuild-4'`);
    await orm.em.getConnection().execute(`delete from case_record where case_id = 'case:rebuild-7'`);
    expect(await readModel()).not.toEqual(live);
    await new ProjectionRebuilder(orm, 3).rebuild();
    expect(await readModel()).toEqual(live);
  });
});
