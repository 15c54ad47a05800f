import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import { caseListScope, initialCaseState, SYSTEM_ACTOR, type CaseState, type Principal } from '#domain';
import {
  AccountEntity,
  AccountEventEntity,
  AccountRejected,
  AccountSessionEntity,
  AccountStore,
  ApiTokenStore,
  CaseRecordEntity,
  CaseRecords,
  migrateUp,
  openOrm,
  presentedApiToken,
  presentedSession,
  tokenHash,
  UnitEntity,
  verifyPassword,
} from '#persistence';
import { DATABASE_KINDS, type TestDatabase } from '../support/databases.js';

const PASSWORD = 'a passphrase for the integration tier';

describe.each(DATABASE_KINDS)('accounts and case scope on %s', (_kind, createDatabase) => {
  let database: TestDatabase;
  let orm: MikroORM;
  let accounts: AccountStore;

  beforeAll(async () => {
    database = await createDatabase();
    orm = await openOrm(database.config);
    await migrateUp(orm);
    accounts = new AccountStore(orm);
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('stores an account with an argon2id hash, never the password, and records its creation', async () => {
    expect(await accounts.hasAdministrator()).toBe(false);
    const created = await accounts.create({ username: 'office.admin', displayName: '管理员', role: 'administrator', password: PASSWORD }, SYSTEM_ACTOR);
    const stored = await orm.em.fork().findOneOrFail(AccountEntity, { username: 'office.admin' });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(true);
    expect(await accounts.hasAdministrator()).toBe(true);
    const events = await orm.em.fork().find(AccountEventEntity, { accountId: created.id });
    expect(events.map((event) => [event.type, event.actorId])).toEqual([['AccountCreated', 'system']]);
  });

  it('refuses a taken username, a weak password, and a unit contact without an existing unit', async () => {
    const attempt = (input: Partial<Parameters<AccountStore['create']>[0]>) =>
      accounts.create({ username: 'office.admin', displayName: 'x', role: 'assessor', password: PASSWORD, ...input }, SYSTEM_ACTOR).then(
        () => null,
        (error: unknown) => (error instanceof AccountRejected ? [error.code, ...error.problems.map((problem) => problem.field)] : error),
      );
    expect(await attempt({})).toEqual(['USERNAME_TAKEN', 'username']);
    expect(await attempt({ username: ' Office.Admin ' })).toEqual(['USERNAME_TAKEN', 'username']);
    expect(await attempt({ username: 'weak', password: 'password' })).toEqual(['ACCOUNT_INVALID', 'password', 'password']);
    expect(await attempt({ username: 'contact', role: 'unit_contact' })).toEqual(['ACCOUNT_INVALID', 'unitId']);
    expect(await attempt({ username: 'contact', role: 'unit_contact', unitId: randomUUID() })).toEqual(['ACCOUNT_INVALID', 'unitId']);
    const unit = new UnitEntity({ id: randomUUID(), name: '尚仁村', category: 'village', ownership: null, createdAt: new Date() });
    await orm.em.fork().insert(UnitEntity, unit);
    expect(await attempt({ username: 'contact', role: 'unit_contact', unitId: unit.id })).toBeNull();
  });

  it('filters the case list to each principal’s scope in the database', async () => {
    const state = (unit: string, over: Partial<CaseState>): CaseState => ({
      ...initialCaseState({ caseId: `case:scope:${unit}`, campaignId: 'scope', unitId: unit, unitName: unit, category: 'village' }),
      stage: 'cultivation',
      ...over,
    });
    const rows = [
      state('u1', { assessorIds: ['alice', 'bob'], conflictedAssessorIds: ['bob'] }),
      state('u2', { assessorIds: ['bob', 'alice_2'] }),
      state('u3', { stage: 'recommended', assessorIds: ['alice', 'carol'] }),
    ];
    await orm.em.fork().insertMany(
      CaseRecordEntity,
      rows.map((row) => new CaseRecordEntity(row, new Date())),
    );
    const records = new CaseRecords(orm);
    const seen = async (principal: Principal) =>
      (
        await records.list({ campaignId: 'scope', today: '2019-10-08', page: 1, pageSize: 10, sort: 'unitName', order: 'asc', scope: caseListScope(principal) })
      ).items.map((item) => item.unitId);
    const person = (id: string, role: Principal['role'], unitId: string | null = null): Principal => ({ id, role, unitId });
    expect(await seen(person('a', 'administrator'))).toEqual(['u1', 'u2', 'u3']);
    expect(await seen(person('c', 'unit_contact', 'u2'))).toEqual(['u2']);
    expect(await seen(person('alice', 'assessor'))).toEqual(['u1', 'u3']);
    expect(await seen(person('bob', 'assessor'))).toEqual(['u2']);
    expect(await seen(person('j', 'jinhua_reviewer'))).toEqual(['u3']);
    expect(await records.scopeOf('case:scope:u1')).toEqual({
      unitId: 'u1',
      stage: 'cultivation',
      assessorIds: ['alice', 'bob'],
      conflictedAssessorIds: ['bob'],
    });
    expect(await records.scopeOf('case:scope:none')).toBeNull();
  });

  it('reads a presented api token with its issuer’s status, and a session with its account, each in one statement', async () => {
    const issuer = await accounts.create({ username: 'token.issuer', displayName: '签发人', role: 'administrator', password: PASSWORD }, SYSTEM_ACTOR);
    const tokens = new ApiTokenStore(orm, accounts);
    const expiresAt = new Date(Date.now() + 86_400_000);
    const issued = await tokens.issue({ name: '对接系统', role: 'administrator', expiresAt }, { id: issuer.id, role: 'administrator' });
    const presented = await presentedApiToken(orm, tokenHash(issued.secret));
    expect(presented).toEqual({
      token: {
        id: issued.token.id,
        role: 'administrator',
        unitId: null,
        createdAt: issued.token.createdAt,
        createdBy: issuer.id,
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
      },
      issuerActive: true,
    });
    expect(await presentedApiToken(orm, tokenHash('qlt_unknown'))).toBeNull();

    // Issued by the token (an integration issuing its own): followed to the account behind it; by the system: active.
    const child = await tokens.issue({ name: '子令牌', role: 'auditor', expiresAt: null }, { id: `api-token:${issued.token.id}`, role: 'administrator' });
    const bySystem = await tokens.issue({ name: '命令行', role: 'auditor', expiresAt: null }, SYSTEM_ACTOR);
    expect((await presentedApiToken(orm, tokenHash(child.secret)))?.issuerActive).toBe(true);
    expect((await presentedApiToken(orm, tokenHash(bySystem.secret)))?.issuerActive).toBe(true);
    await orm.em.fork().nativeUpdate(AccountEntity, { id: issuer.id }, { status: 'disabled' });
    expect((await presentedApiToken(orm, tokenHash(issued.secret)))?.issuerActive).toBe(false);
    expect((await presentedApiToken(orm, tokenHash(child.secret)))?.issuerActive).toBe(false);
    await tokens.revoke(issued.token.id, SYSTEM_ACTOR);
    expect((await presentedApiToken(orm, tokenHash(issued.secret)))?.token.revokedAt).toBeInstanceOf(Date);

    const session = new AccountSessionEntity({
      id: randomUUID(),
      accountId: issuer.id,
      refreshTokenHash: tokenHash(randomUUID()),
      createdAt: new Date(),
      expiresAt,
    });
    await orm.em.fork().insert(AccountSessionEntity, session);
    expect(await presentedSession(orm, session.id, issuer.id)).toEqual({
      session: { id: session.id, expiresAt, revokedAt: null },
      account: { id: issuer.id, role: 'administrator', unitId: null, status: 'disabled' },
    });
    expect(await presentedSession(orm, session.id, randomUUID())).toBeNull();
    expect(await presentedSession(orm, randomUUID(), issuer.id)).toBeNull();
  });
});
