import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import { SYSTEM_ACTOR, type Actor } from '#domain';
import {
  accountChainHead,
  AccountEventEntity,
  accountEventHashAt,
  AccountStore,
  appendAccountEvent,
  GENESIS_HASH,
  hashAccountEvent,
  hashedAccountEventFieldsOf,
  migrateUp,
  openOrm,
  verifyAccountChain,
} from '#persistence';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';
import { forkSources, nextMessage } from '../support/sources-process.js';

const ADMIN: Actor = { id: 'chain-admin', role: 'administrator' };

/** Rows written before account events were chained: two at the same instant (the id decides), keys in no order. */
const LEGACY = [
  { id: '00000000-0000-4000-8000-00000000000b', type: 'LoginSucceeded', at: '2019-03-01T01:00:00.000Z', detail: { z: 1, a: '大司巷' } },
  { id: '00000000-0000-4000-8000-00000000000a', type: 'AccountCreated', at: '2019-03-01T01:00:00.000Z', detail: { role: 'administrator', unitId: null } },
  { id: '00000000-0000-4000-8000-000000000001', type: 'LoginFailed', at: '2019-03-01T01:00:01.000Z', detail: {} },
] as const;

describe.each(DATABASE_KINDS)('the account event chain on %s', (kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;

  /** What the table's owner can do behind the application's back: switch the append-only triggers off first. */
  async function asOwner(sql: string, params: unknown[] = []): Promise<void> {
    const connection = orm.em.getConnection();
    if (kind === 'PostgreSQL') {
      await connection.execute('alter table account_event disable trigger user');
      await connection.execute(sql, params);
      await connection.execute('alter table account_event enable trigger user');
    } else {
      await connection.execute('drop trigger if exists account_event_refuse_update');
      await connection.execute('drop trigger if exists account_event_refuse_delete');
      await connection.execute(sql, params);
      await connection.execute(
        `create trigger account_event_refuse_update before update on account_event begin select raise(abort, 'account_event is append-only: UPDATE refused'); end`,
      );
      await connection.execute(
        `create trigger account_event_refuse_delete before delete on account_event begin select raise(abort, 'account_event is append-only: DELETE refused'); end`,
      );
    }
  }

  const sequences = async (): Promise<number[]> =>
    (await orm.em.fork().find(AccountEventEntity, {}, { orderBy: { sequence: 'asc' }, fields: ['sequence'] })).map((event) => event.sequence);

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    const names = (await orm.migrator.getPending()).map((migration) => migration.name);
    const chaining = names.findIndex((name) => name.endsWith('_account_event_chain'));
    await orm.migrator.up({ to: names[chaining - 1] ?? '' });
    for (const row of LEGACY) {
      const at = new Date(row.at);
      await orm.em
        .getConnection()
        .execute(
          'insert into account_event (id, type, account_id, username, actor_id, actor_role, detail, ip, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [row.id, row.type, null, 'legacy', 'system', 'system', JSON.stringify(row.detail), null, kind === 'SQLite' ? at.getTime() : at],
        );
    }
    await migrateUp(orm);
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('chains the events recorded before the migration, in (occurred_at, id) order, so that they verify', async () => {
    const chained = await orm.em.fork().find(AccountEventEntity, {}, { orderBy: { sequence: 'asc' } });
    expect(chained.map((event) => [event.sequence, event.id])).toEqual([
      [1, LEGACY[1].id],
      [2, LEGACY[0].id],
      [3, LEGACY[2].id],
    ]);
    const [first] = chained;
    expect(first && [first.prevHash, first.hash]).toEqual([GENESIS_HASH, first && hashAccountEvent(GENESIS_HASH, hashedAccountEventFieldsOf(first))]);
    expect(await verifyAccountChain(orm)).toEqual({ ok: true, eventsChecked: 3, firstBrokenLink: null });
  });

  it('makes one unbroken chain of appends from two processes at once', async () => {
    const second = forkSources(new URL('../support/account-appender.process.ts', import.meta.url), [JSON.stringify(database.config), '20']);
    try {
      expect(await nextMessage<string>(second)).toBe('ready');
      second.send('go');
      const mine = Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          index % 2 === 0
            ? appendAccountEvent(orm.em.fork(), 'LoginSucceeded', { actor: ADMIN, detail: { index } })
            : new AccountStore(orm).record('LoginSucceeded', { actor: ADMIN, ip: '127.0.0.1', detail: { index } }),
        ),
      );
      const [theirs] = await Promise.all([nextMessage<number[]>(second), mine]);
      expect(theirs).toHaveLength(20);
    } finally {
      if (second.exitCode === null) second.kill();
    }
    expect(await sequences()).toEqual(Array.from({ length: 43 }, (_, index) => index + 1));
    expect(await verifyAccountChain(orm)).toEqual({ ok: true, eventsChecked: 43, firstBrokenLink: null });
    const head = await accountChainHead(orm.em.fork());
    expect(head?.sequence).toBe(43);
    expect(await accountEventHashAt(orm.em.fork(), 43)).toBe(head?.hash);
    expect(await accountEventHashAt(orm.em.fork(), 44)).toBeNull();
  });

  it('records an event with the change it belongs to: both commit, or neither', async () => {
    const before = await accountChainHead(orm.em.fork());
    const failed = orm.em.fork().transactional(async (em) => {
      await appendAccountEvent(em, 'SchedulePaused', { actor: ADMIN, detail: { scheduleId: 'qinglian-weekly-digest' } });
      throw new Error('the change itself failed');
    });
    await expect(failed).rejects.toThrow('the change itself failed');
    expect(await accountChainHead(orm.em.fork())).toEqual(before);
    const recorded = await orm.em.fork().transactional((em) => appendAccountEvent(em, 'ScheduleResumed', { actor: ADMIN }));
    expect(recorded.sequence).toBe((before?.sequence ?? 0) + 1);
    expect(recorded.prevHash).toBe(before?.hash);
    expect((await verifyAccountChain(orm)).ok).toBe(true);
  });

  it('refuses to change or remove an account event in the database itself', async () => {
    const connection = orm.em.getConnection();
    await expect(connection.execute(`update account_event set detail = '{}' where sequence = 2`)).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from account_event where sequence = 44')).rejects.toThrow(/append-only/);
    if (kind === 'PostgreSQL') await expect(connection.execute('truncate account_event')).rejects.toThrow(/append-only/);
    expect(await verifyAccountChain(orm)).toMatchObject({ ok: true, eventsChecked: 44 });
  });

  it('finds an edited event at its sequence, and a removed one where the sequence jumps', async () => {
    const [edited] = await orm.em.fork().find(AccountEventEntity, { sequence: 7 });
    await asOwner('update account_event set actor_id = ? where sequence = 7', ['someone-else']);
    const report = await verifyAccountChain(orm);
    expect(report).toEqual({
      ok: false,
      eventsChecked: 7,
      firstBrokenLink: { sequence: 7, problem: 'hash', expected: expect.stringMatching(/^[0-9a-f]{64}$/), found: edited?.hash },
    });
    expect(report.firstBrokenLink?.expected).not.toBe(edited?.hash);

    // Re-hashing the edited event moves the break to the next one, whose prev_hash no longer matches.
    await asOwner('update account_event set hash = ? where sequence = 7', [report.firstBrokenLink?.expected]);
    expect((await verifyAccountChain(orm)).firstBrokenLink).toEqual({
      sequence: 8,
      problem: 'prev_hash',
      expected: report.firstBrokenLink?.expected,
      found: edited?.hash,
    });

    await asOwner('update account_event set actor_id = ?, hash = ? where sequence = 7', [edited?.actorId, edited?.hash]);
    expect(await verifyAccountChain(orm)).toMatchObject({ ok: true, eventsChecked: 44 });

    await asOwner('delete from account_event where sequence = 20');
    expect(await verifyAccountChain(orm)).toEqual({
      ok: false,
      eventsChecked: 20,
      firstBrokenLink: { sequence: 21, problem: 'sequence', expected: '20', found: '21' },
    });
  });

  it('stops when the one who asked went away', async () => {
    const gone = new AbortController();
    gone.abort(new Error('gone'));
    await expect(verifyAccountChain(orm, { signal: gone.signal })).rejects.toThrow('gone');
  });

  it('keeps the system actor and the detail as they were appended', async () => {
    const appended = await appendAccountEvent(orm.em.fork(), 'BulkActionStarted', { actor: SYSTEM_ACTOR, detail: { total: 3, kind: 'urge', parameters: {} } });
    const [stored] = await orm.em.fork().find(AccountEventEntity, { id: appended.id });
    expect(stored && hashAccountEvent(stored.prevHash, hashedAccountEventFieldsOf(stored))).toBe(appended.hash);
    expect(stored?.detail).toEqual({ kind: 'urge', parameters: {}, total: 3 });
  });
});
