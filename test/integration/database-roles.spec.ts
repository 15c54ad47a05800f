import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import type pg from 'pg';
import { SYSTEM_ACTOR } from '#domain';
import {
  AccountEventEntity,
  AccountStore,
  AppRoleRejected,
  CaseEventStore,
  CaseRecordEntity,
  EVENT_TABLES,
  grantAppRole,
  migrateUp,
  openOrm,
  type AppRoleGrants,
} from '#persistence';
import { enrollmentEvent, planSubmittedEvent } from '../support/case-events.js';
import { createSqliteDatabase } from '../support/databases.js';
import { createRoleSeparatedDatabase, refusal, type RoleSeparatedDatabase } from '../support/database-roles.js';

const PERMISSION_DENIED = '42501';

describe('the app’s database role on PostgreSQL: reads and appends the audit trail, keeps the read models, nothing more', () => {
  let database: RoleSeparatedDatabase;
  let ownerOrm: MikroORM;
  let appOrm: MikroORM;
  let app: pg.Client;
  let granted: AppRoleGrants;

  /** The app role's privileges on each table, as PostgreSQL records them. */
  async function privilegesOfApp(): Promise<Record<string, string[]>> {
    const { rows } = await app.query<{ table: string; privileges: string[] }>(
      `select c.relname as "table", array_agg(a.privilege_type order by a.privilege_type) as privileges
       from pg_class c join pg_namespace n on n.oid = c.relnamespace cross join aclexplode(c.relacl) a
       where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.grantee = (select oid from pg_roles where rolname = $1)
       group by c.relname`,
      [database.appRole],
    );
    return Object.fromEntries(rows.map((row) => [row.table, row.privileges]));
  }

  beforeAll(async () => {
    database = await createRoleSeparatedDatabase();
    ownerOrm = await openOrm(database.owner.config);
    await migrateUp(ownerOrm);
    granted = await grantAppRole(ownerOrm, database.appRole);
    appOrm = await openOrm(database.app.config);
    app = await database.appClient();
  });

  afterAll(async () => {
    await appOrm.close();
    await ownerOrm.close();
    await database.drop();
  });

  it('appends case and account events and updates the read models as that role', async () => {
    const caseId = 'case:c-2019:roles';
    const store = new CaseEventStore(appOrm);
    await store.append(enrollmentEvent(caseId));
    await store.append(planSubmittedEvent(caseId, 2));
    const record = await appOrm.em.fork().findOneOrFail(CaseRecordEntity, { caseId });
    expect(record.lastSequence).toBe(2);

    const account = await new AccountStore(appOrm).create(
      { username: 'roles.admin', displayName: '角色测试', role: 'administrator', password: 'integrity cells of Yongkang 2019' },
      SYSTEM_ACTOR,
    );
    expect(await appOrm.em.fork().count(AccountEventEntity, { accountId: account.id, type: 'AccountCreated' })).toBe(1);
  });

  it('grants SELECT and INSERT on the event tables, DML on every other table, SELECT on the migrations table', async () => {
    expect(granted.eventTables).toEqual([...EVENT_TABLES].sort());
    const privileges = await privilegesOfApp();
    for (const table of EVENT_TABLES) expect(privileges[table]).toEqual(['INSERT', 'SELECT']);
    expect(privileges.mikro_orm_migrations).toEqual(['SELECT']);
    expect(granted.readModelTables).toEqual(expect.arrayContaining(['case_record', 'account', 'campaign_stage_count', 'document']));
    for (const table of granted.readModelTables) expect([table, privileges[table]]).toEqual([table, ['DELETE', 'INSERT', 'SELECT', 'UPDATE']]);
    expect(Object.keys(privileges).sort()).toEqual([...EVENT_TABLES, 'mikro_orm_migrations', ...granted.readModelTables].sort());
  });

  it.each(EVENT_TABLES)('refuses every change to %s with a permission error, not only the trigger’s', async (table) => {
    const changes = [
      `update ${table} set actor_id = 'forged'`,
      `delete from ${table}`,
      `truncate ${table}`,
      `insert into ${table} select * from ${table} on conflict (id) do update set actor_id = 'forged'`,
    ];
    for (const sql of changes) {
      expect([sql, await refusal(app, sql)]).toEqual([sql, { code: PERMISSION_DENIED, message: `permission denied for table ${table}` }]);
    }
    const ownerOnly = [
      `alter table ${table} disable trigger user`,
      `alter table ${table} disable trigger ${table}_refuse_update_delete`,
      `drop trigger ${table}_refuse_update_delete on ${table}`,
      `alter table ${table} add column forged text`,
      `drop table ${table}`,
    ];
    for (const sql of ownerOnly) {
      expect([sql, await refusal(app, sql)]).toEqual([
        sql,
        { code: PERMISSION_DENIED, message: expect.stringMatching(new RegExp(`^must be owner of (table|relation) ${table}$`)) },
      ]);
    }
    const sql = `create trigger forged before insert on ${table} for each row execute function ${table}_refuse_change()`;
    expect([sql, await refusal(app, sql)]).toEqual([sql, { code: PERMISSION_DENIED, message: `permission denied for table ${table}` }]);
  });

  it('cannot run migrations or create tables of its own', async () => {
    expect(await refusal(app, 'create table forged (id int)')).toEqual({ code: PERMISSION_DENIED, message: 'permission denied for schema public' });
    expect(await refusal(app, `insert into mikro_orm_migrations (name, executed_at) values ('forged', now())`)).toEqual({
      code: PERMISSION_DENIED,
      message: 'permission denied for table mikro_orm_migrations',
    });
  });

  it('changes nothing when the grants run again, and gives a table a later migration adds the read-model privileges', async () => {
    const before = await privilegesOfApp();
    const again = await grantAppRole(ownerOrm, database.appRole);
    expect(again).toEqual(granted);
    expect(await privilegesOfApp()).toEqual(before);

    await ownerOrm.em.getConnection().execute('create table "later_read_model" ("id" varchar(36) not null, "value" int not null, primary key ("id"))');
    expect(await refusal(app, `insert into later_read_model values ('a', 1)`)).toEqual({
      code: PERMISSION_DENIED,
      message: 'permission denied for table later_read_model',
    });
    const afterMigration = await grantAppRole(ownerOrm, database.appRole);
    expect(afterMigration.readModelTables).toContain('later_read_model');
    await app.query(`insert into later_read_model values ('a', 1)`);
    await app.query(`update later_read_model set value = 2 where id = 'a'`);
    await app.query(`delete from later_read_model where id = 'a'`);
    expect(await refusal(app, 'truncate later_read_model')).toEqual({ code: PERMISSION_DENIED, message: 'permission denied for table later_read_model' });
  });

  it('refuses a role that is missing, the owner itself, or a superuser, naming DATABASE_APP_ROLE', async () => {
    for (const [role, reason] of [
      ['qinglian_no_such_role', 'does not exist'],
      [database.ownerRole, 'the role that runs the migrations and owns the tables'],
      ['postgres', 'is a superuser'],
    ] as const) {
      const refused = await grantAppRole(ownerOrm, role).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppRoleRejected);
      expect((refused as AppRoleRejected).messageEn).toContain(reason);
      expect((refused as AppRoleRejected).fields[0]?.field).toBe('DATABASE_APP_ROLE');
    }
  });

  it('refuses, granting nothing, when the role could still change events through PUBLIC or through the owner', async () => {
    const before = await privilegesOfApp();
    for (const [loophole, closed, found] of [
      ['grant update on case_event to public', 'revoke update on case_event from public', 'case_event UPDATE'],
      [`grant ${database.ownerRole} to ${database.appRole}`, `revoke ${database.ownerRole} from ${database.appRole}`, 'case_event owner'],
    ] as const) {
      await database.asSuperuser(loophole);
      try {
        const refused = await grantAppRole(ownerOrm, database.appRole).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(AppRoleRejected);
        expect((refused as AppRoleRejected).messageEn).toContain(found);
      } finally {
        await database.asSuperuser(closed);
      }
      expect(await privilegesOfApp()).toEqual(before);
    }
  });
});

describe('the app’s database role on SQLite', () => {
  it('is refused: the file has no roles', async () => {
    const database = await createSqliteDatabase();
    const orm = await openOrm(database.config);
    try {
      await expect(grantAppRole(orm, 'qinglian_app')).rejects.toThrow('DATABASE_APP_ROLE applies to PostgreSQL only');
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});
