import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import canonicalize from 'canonicalize';
import type { Actor } from '#domain';
import type { ExecuteSql } from './case-task-columns.js';
import { AccountEventEntity, type AccountEventType } from './entities/index.js';
import { chainHash, GENESIS_HASH } from './event-hash.js';

/** The last link of a chain: its sequence and hash. */
export interface ChainHead {
  readonly sequence: number;
  readonly hash: string;
}

/** The fields an account event's hash covers, in the form they are hashed (the time as an ISO-8601 UTC string). */
export interface HashedAccountEventFields {
  readonly id: string;
  readonly sequence: number;
  readonly type: string;
  readonly accountId: string | null;
  readonly username: string | null;
  readonly actorId: string;
  readonly actorRole: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly ip: string | null;
  readonly occurredAt: string;
}

export function hashedAccountEventFieldsOf(event: Omit<HashedAccountEventFields, 'occurredAt'> & { readonly occurredAt: Date }): HashedAccountEventFields {
  return {
    id: event.id,
    sequence: event.sequence,
    type: event.type,
    accountId: event.accountId,
    username: event.username,
    actorId: event.actorId,
    actorRole: event.actorRole,
    detail: event.detail,
    ip: event.ip,
    occurredAt: event.occurredAt.toISOString(),
  };
}

/** hash = SHA-256(prev_hash ‖ RFC 8785 canonical JSON of the event's fields), as for case events. */
export function hashAccountEvent(prevHash: string, fields: HashedAccountEventFields): string {
  return chainHash(prevHash, fields);
}

export interface AccountEventInput {
  /** The account the event is about (its username when known). */
  readonly account?: { readonly id: string; readonly username?: string } | null;
  /** The username a login named, when it names no account. */
  readonly username?: string | null;
  readonly actor: Actor;
  readonly ip?: string | null;
  readonly detail?: Record<string, unknown>;
}

/** Any fixed number: the one advisory lock every PostgreSQL append of an account event takes. */
const ACCOUNT_CHAIN_LOCK = 7_151_003_417;

/**
 * Appends one account event at the head of the chain: inside `em`'s transaction when it has one (so the event commits
 * or rolls back with the change it records), else in a transaction of its own. Every writer of account_event comes here.
 *
 * Appends are serialised across processes before the head is read: on PostgreSQL by a transaction-scoped advisory lock
 * (the app's role may only INSERT and SELECT on the table, so no row lock on a head is possible); on SQLite every
 * transaction begins IMMEDIATE (orm-options.ts), which takes the file's write lock first. The unique sequence is the
 * last guard: a fork of the chain fails the insert rather than being stored.
 */
export async function appendAccountEvent(em: EntityManager, type: AccountEventType, input: AccountEventInput): Promise<AccountEventEntity> {
  const append = async (tx: EntityManager): Promise<AccountEventEntity> => {
    if (tx.getPlatform() instanceof PostgreSqlPlatform) {
      await tx.getConnection().execute('select pg_advisory_xact_lock(?)', [ACCOUNT_CHAIN_LOCK], 'all', tx.getTransactionContext());
    }
    const head = await accountChainHead(tx);
    const event = new AccountEventEntity({
      id: randomUUID(),
      type,
      accountId: input.account?.id ?? null,
      username: input.account?.username ?? input.username ?? null,
      actorId: input.actor.id,
      actorRole: input.actor.role,
      detail: canonicalOrder(input.detail ?? {}),
      ip: input.ip ?? null,
      occurredAt: new Date(),
      sequence: (head?.sequence ?? 0) + 1,
      prevHash: head?.hash ?? GENESIS_HASH,
      hash: '',
    });
    event.hash = hashAccountEvent(event.prevHash, hashedAccountEventFieldsOf(event));
    await tx.insert(AccountEventEntity, event);
    return event;
  };
  return em.isInTransaction() ? append(em) : em.fork().transactional(append);
}

/** The detail as it will read back from the database (JSONB reorders keys; undefined members vanish). */
function canonicalOrder(detail: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const canonical = canonicalize(detail);
  if (canonical === undefined) throw new Error('An account event detail cannot be canonicalised');
  return JSON.parse(canonical) as Record<string, unknown>;
}

/** The last account event's sequence and hash (null while there is none), read through `em` (its transaction, if any). */
export async function accountChainHead(em: EntityManager): Promise<ChainHead | null> {
  const [head] = await em.find(AccountEventEntity, {}, { orderBy: { sequence: 'desc' }, limit: 1, fields: ['sequence', 'hash'], disableIdentityMap: true });
  return head ? { sequence: head.sequence, hash: head.hash } : null;
}

/** The hash stored for the account event at `sequence` (null when there is no such row). */
export async function accountEventHashAt(em: EntityManager, sequence: number): Promise<string | null> {
  const found = await em.findOne(AccountEventEntity, { sequence }, { fields: ['hash'], disableIdentityMap: true });
  return found?.hash ?? null;
}

export interface AccountChainReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly firstBrokenLink: {
    readonly sequence: number;
    readonly problem: 'sequence' | 'prev_hash' | 'hash';
    readonly expected: string;
    readonly found: string;
  } | null;
}

const BATCH_SIZE = 1000;

/**
 * Walks the account events in sequence order from 1, in keyset-paged batches, and reports the first link that does not
 * hold: a sequence out of step (a row deleted or inserted), a prev_hash that is not the previous hash, or a hash that
 * is not what the row's fields hash to. Rows deleted from the end leave no gap; a checkpoint's head finds those.
 */
export async function verifyAccountChain(orm: MikroORM, options: { readonly signal?: AbortSignal } = {}): Promise<AccountChainReport> {
  const em = orm.em.fork();
  let previous: ChainHead = { sequence: 0, hash: GENESIS_HASH };
  let eventsChecked = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const batch = await em.find(
      AccountEventEntity,
      { sequence: { $gt: previous.sequence } },
      { orderBy: { sequence: 'asc' }, limit: BATCH_SIZE, disableIdentityMap: true },
    );
    for (const event of batch) {
      eventsChecked += 1;
      const firstBrokenLink = brokenLink(event, previous);
      if (firstBrokenLink) return { ok: false, eventsChecked, firstBrokenLink };
      previous = { sequence: event.sequence, hash: event.hash };
    }
    if (batch.length < BATCH_SIZE) return { ok: true, eventsChecked, firstBrokenLink: null };
  }
}

function brokenLink(event: AccountEventEntity, previous: ChainHead): AccountChainReport['firstBrokenLink'] {
  const sequence = event.sequence;
  if (sequence !== previous.sequence + 1) return { sequence, problem: 'sequence', expected: String(previous.sequence + 1), found: String(sequence) };
  if (event.prevHash !== previous.hash) return { sequence, problem: 'prev_hash', expected: previous.hash, found: event.prevHash };
  const recomputed = hashAccountEvent(event.prevHash, hashedAccountEventFieldsOf(event));
  return recomputed === event.hash ? null : { sequence, problem: 'hash', expected: recomputed, found: event.hash };
}

/** An account event as the database hands it back: SQLite gives the detail as JSON text and the time as epoch ms. */
interface StoredAccountEventRow {
  readonly id: string;
  readonly sequence: number | string;
  readonly type: string;
  readonly account_id: string | null;
  readonly username: string | null;
  readonly actor_id: string;
  readonly actor_role: string;
  readonly detail: string | Record<string, unknown>;
  readonly ip: string | null;
  readonly occurred_at: number | string | Date;
}

/**
 * Chains the account events written before there was a chain (the migration that adds it): numbered in (occurred_at,
 * id) order, then hashed one by one, as `verifyAccountChain` will read them. Returns the number of events chained.
 */
export async function backfillAccountEventChain(execute: ExecuteSql, batchSize = 1000): Promise<number> {
  await execute(
    'update account_event set sequence = numbered.position from (select id, row_number() over (order by occurred_at, id) as position from account_event) as numbered where account_event.id = numbered.id',
    [],
  );
  let previous: ChainHead = { sequence: 0, hash: GENESIS_HASH };
  for (;;) {
    const batch = (await execute(
      'select id, sequence, type, account_id, username, actor_id, actor_role, detail, ip, occurred_at from account_event where sequence > ? order by sequence limit ?',
      [previous.sequence, batchSize],
    )) as unknown as readonly StoredAccountEventRow[];
    for (const row of batch) {
      const fields = hashedAccountEventFieldsOf({
        id: row.id,
        sequence: Number(row.sequence),
        type: row.type,
        accountId: row.account_id,
        username: row.username,
        actorId: row.actor_id,
        actorRole: row.actor_role,
        detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail,
        ip: row.ip,
        occurredAt: new Date(row.occurred_at),
      });
      const hash = hashAccountEvent(previous.hash, fields);
      await execute('update account_event set prev_hash = ?, hash = ? where id = ?', [previous.hash, hash, fields.id]);
      previous = { sequence: fields.sequence, hash };
    }
    if (batch.length < batchSize) return previous.sequence;
  }
}
