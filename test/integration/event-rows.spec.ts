import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import { CaseEventStore, eventRowBatches, migrateUp, openOrm, recomputedHash, type StoredEventRow } from '#persistence';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { enrollmentEvent, planSubmittedEvent } from '../support/case-events.js';

describe.each(DATABASE_KINDS)('stored event rows on %s', (kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;

  const rowsOf = async (caseId?: string, batchSize = 3): Promise<StoredEventRow[]> => {
    const rows: StoredEventRow[] = [];
    for await (const batch of eventRowBatches(orm.em.fork(), { batchSize, ...(caseId === undefined ? {} : { caseId }) })) rows.push(...batch);
    return rows;
  };

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    await migrateUp(orm);
    const store = new CaseEventStore(orm);
    for (const caseId of ['case:b', 'case:a', 'case:c']) {
      await store.append(enrollmentEvent(caseId));
      // Keys out of canonical order, nested, and a reason: the stored hash covers the canonical form.
      await store.append(
        planSubmittedEvent(caseId, 2, {
          event: { type: 'PlanSubmitted', payload: { summary: '方案 "二"', documentRefs: ['文件-1'], nested: { z: 1, a: [2.5, null, true] } } as never },
          reason: '补充说明',
          frameworkVersion: '2019.1',
        }),
      );
    }
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('reads every event in chain order across keyset pages, or one case', async () => {
    const rows = await rowsOf();
    expect(rows.map((row) => `${row.case_id}#${String(row.sequence)}`)).toEqual(['case:a#1', 'case:a#2', 'case:b#1', 'case:b#2', 'case:c#1', 'case:c#2']);
    expect((await rowsOf('case:b', 1)).map((row) => row.sequence)).toEqual([1, 2]);
  });

  it('recomputes the hash each event was appended with', async () => {
    for (const row of await rowsOf()) expect(recomputedHash(row)).toBe(row.hash);
  });

  it('judges a payload by its content, whatever the key order of its stored text', async () => {
    const [row] = await rowsOf('case:a');
    if (!row) throw new Error('no row');
    const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload;
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    expect(recomputedHash({ ...row, payload: JSON.stringify(reordered, null, 1) })).toBe(row.hash);
    expect(recomputedHash({ ...row, payload: reordered })).toBe(row.hash);
    expect(recomputedHash({ ...row, payload: { ...payload, unitName: '另一个单位' } })).not.toBe(row.hash);
    expect(recomputedHash({ ...row, actor_id: 'someone-else' })).not.toBe(row.hash);
    expect(recomputedHash({ ...row, occurred_at: new Date(Date.parse('2019-03-01T01:00:00.001Z')) })).not.toBe(row.hash);
  });

  it(`stores new payloads with their keys in canonical order${kind === 'SQLite' ? ' (hashed as stored text)' : ''}`, async () => {
    const [, row] = await rowsOf('case:c');
    if (!row) throw new Error('no row');
    const text = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
    const keys = Object.keys(JSON.parse(text) as Record<string, unknown>);
    if (kind === 'SQLite') expect(keys).toEqual(['documentRefs', 'nested', 'summary']);
    else expect(keys.sort()).toEqual(['documentRefs', 'nested', 'summary']);
  });
});
