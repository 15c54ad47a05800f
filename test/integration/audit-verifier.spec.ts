import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import { AuditVerifier, CaseEventStore, GENESIS_HASH, migrateUp, openOrm, type VerifyProgress } from '#persistence';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { enrollmentEvent, planSubmittedEvent } from '../support/case-events.js';

describe.each(DATABASE_KINDS)('audit verification on %s', (kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;
  let store: CaseEventStore;

  /** What someone with the database superuser's rights could do behind the application's back. */
  async function tamper(sql: string): Promise<void> {
    const connection = orm.em.getConnection();
    if (kind === 'PostgreSQL') {
      await connection.execute('alter table case_event disable trigger user');
      await connection.execute(sql);
      await connection.execute('alter table case_event enable trigger user');
    } else {
      await connection.execute('drop trigger if exists case_event_refuse_update');
      await connection.execute('drop trigger if exists case_event_refuse_delete');
      await connection.execute(sql);
    }
  }

  async function chainOf(caseId: string, length: number): Promise<void> {
    await store.append(enrollmentEvent(caseId));
    for (let sequence = 2; sequence <= length; sequence += 1) {
      await store.append(planSubmittedEvent(caseId, sequence));
    }
  }

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    await migrateUp(orm);
    store = new CaseEventStore(orm);
    // Enough cases and events to cross several keyset pages of the verifier.
    for (let index = 0; index < 7; index += 1) await chainOf(`case:intact-${index}`, 3);
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('finds every chain intact, paging through the whole store', async () => {
    const report = await new AuditVerifier(orm, { batchSize: 4 }).verifyAll();
    expect(report).toEqual({
      ok: true,
      casesChecked: 7,
      eventsChecked: 21,
      firstBrokenLink: null,
      readModel: { casesChecked: 7, problems: [], problemCount: 0 },
      accountEvents: { ok: true, eventsChecked: 0, firstBrokenLink: null },
    });
    expect(await new AuditVerifier(orm, { batchSize: 2 }).verifyCase('case:intact-3')).toEqual({
      ok: true,
      casesChecked: 1,
      eventsChecked: 3,
      firstBrokenLink: null,
      readModel: { casesChecked: 1, problems: [], problemCount: 0 },
    });
  });

  it('tells its progress: the totals counted first, then each case as it is checked', async () => {
    const seen: VerifyProgress[] = [];
    const report = await new AuditVerifier(orm, { batchSize: 4 }).verifyAll({ onProgress: (progress) => seen.push(progress) });
    expect(seen[0]).toEqual({ casesChecked: 0, casesTotal: 7, eventsChecked: 0, eventsTotal: 21 });
    expect(seen.map((progress) => progress.casesChecked)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(seen.at(-1)).toEqual({ casesChecked: 7, casesTotal: 7, eventsChecked: 21, eventsTotal: 21 });
    expect(report).toMatchObject({ ok: true, casesChecked: 7, eventsChecked: 21 });

    const one: VerifyProgress[] = [];
    await new AuditVerifier(orm).verifyCase('case:intact-2', { onProgress: (progress) => one.push(progress) });
    expect(one).toEqual([
      { casesChecked: 0, casesTotal: 1, eventsChecked: 0, eventsTotal: 3 },
      { casesChecked: 1, casesTotal: 1, eventsChecked: 3, eventsTotal: 3 },
    ]);

    // The one who asked went away: the walk stops at the next case.
    const stopped = new AbortController();
    const walk = new AuditVerifier(orm, { batchSize: 2 }).verifyAll({
      signal: stopped.signal,
      onProgress: (progress) => {
        if (progress.casesChecked === 2) stopped.abort(new Error('gone'));
      },
    });
    await expect(walk).rejects.toThrow('gone');
  });

  it('reports a rewritten payload at its exact place: expected hash vs found', async () => {
    await chainOf('case:rewritten', 3);
    const before = await store.listForCase('case:rewritten');
    await tamper(`update case_event set payload = '{"summary":"改过的方案","documentRefs":[]}' where case_id = 'case:rewritten' and sequence = 2`);
    const report = await new AuditVerifier(orm).verifyCase('case:rewritten');
    expect(report.ok).toBe(false);
    expect(report.firstBrokenLink).toMatchObject({ caseId: 'case:rewritten', sequence: 2, problem: 'hash', found: before[1]?.hash });
    expect(report.firstBrokenLink?.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(report.firstBrokenLink?.expected).not.toBe(before[1]?.hash);
  });

  it('reports a re-hashed rewrite where the next event no longer points at it', async () => {
    await chainOf('case:rehashed', 3);
    await tamper(`update case_event set hash = '${'a'.repeat(64)}', prev_hash = '${GENESIS_HASH}' where case_id = 'case:rehashed' and sequence = 1`);
    const report = await new AuditVerifier(orm).verifyCase('case:rehashed');
    expect(report.firstBrokenLink).toMatchObject({ caseId: 'case:rehashed', sequence: 1, problem: 'hash', found: 'a'.repeat(64) });
  });

  it('reports a deleted event as a gap in the sequence', async () => {
    await chainOf('case:deleted', 3);
    await tamper(`delete from case_event where case_id = 'case:deleted' and sequence = 2`);
    const report = await new AuditVerifier(orm).verifyAll();
    expect(report.firstBrokenLink).toEqual({ caseId: 'case:deleted', sequence: 3, problem: 'sequence', expected: '2', found: '3' });
  });

  it('walks the whole store on several threads, each over its own range of cases, to the same report as one thread', async () => {
    await chainOf('case:zz-last', 3);
    await tamper(`update case_event set payload = '{"summary":"改过的方案","documentRefs":[]}' where case_id = 'case:zz-last' and sequence = 3`);
    const threaded = (): AuditVerifier => new AuditVerifier(orm, { batchSize: 2, threads: 3, eventsPerThread: 1 });
    const seen: VerifyProgress[] = [];
    const report = await threaded().verifyAll({ onProgress: (progress) => seen.push(progress) });
    expect(report).toEqual(await new AuditVerifier(orm, { threads: 1 }).verifyAll());
    // The first broken link in chain order, although a later range (another thread) found one too.
    expect(report.firstBrokenLink).toMatchObject({ caseId: 'case:deleted', sequence: 3, problem: 'sequence' });
    expect(report).toMatchObject({ casesChecked: 11, eventsChecked: 32 });
    expect(seen[0]).toEqual({ casesChecked: 0, casesTotal: 11, eventsChecked: 0, eventsTotal: 32 });
    expect(seen.at(-1)).toEqual({ casesChecked: 11, casesTotal: 11, eventsChecked: 32, eventsTotal: 32 });
    const cases = seen.map((progress) => progress.casesChecked);
    expect(cases).toEqual([...cases].sort((a, b) => a - b));

    // With the earlier broken chains gone, the last range's own finding is the first.
    await tamper(`delete from case_event where case_id in ('case:deleted', 'case:rewritten', 'case:rehashed')`);
    const lastRange = await threaded().verifyAll();
    expect(lastRange).toEqual(await new AuditVerifier(orm, { threads: 1 }).verifyAll());
    expect(lastRange.firstBrokenLink).toMatchObject({ caseId: 'case:zz-last', sequence: 3, problem: 'hash' });
    expect(lastRange.readModel.problems.map((problem) => [problem.caseId, problem.problem])).toEqual([
      ['case:deleted', 'no_events'],
      ['case:rehashed', 'no_events'],
      ['case:rewritten', 'no_events'],
    ]);

    const stopped = new AbortController();
    const walk = threaded().verifyAll({
      signal: stopped.signal,
      onProgress: (progress) => {
        if (progress.casesChecked >= 1) stopped.abort(new Error('gone'));
      },
    });
    await expect(walk).rejects.toThrow('gone');
  });
});
