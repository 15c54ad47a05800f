import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { BilingualError } from '#domain';

/**
 * The audit trail's tables. The app's role may read them and append to them, nothing more; every other table of the
 * schema is a read model it keeps with ordinary DML. A new event table is added here, nowhere else.
 */
export const EVENT_TABLES = ['case_event', 'account_event'] as const;

const EVENT_TABLE_PRIVILEGES = 'select, insert';
const READ_MODEL_PRIVILEGES = 'select, insert, update, delete';
/** What the app's role must not be able to do to an event table, whether granted to it, to PUBLIC or to a role it is in. */
const REFUSED_ON_EVENT_TABLES = ['UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const;

/** What `grantAppRole` left the app's role able to do. */
export interface AppRoleGrants {
  readonly role: string;
  readonly schema: string;
  readonly eventTables: readonly string[];
  readonly readModelTables: readonly string[];
  readonly sequences: number;
}

export class AppRoleRejected extends BilingualError {
  override readonly name = 'AppRoleRejected';

  constructor(zh: string, en: string) {
    super('invalid', 'DATABASE_APP_ROLE_INVALID', zh, en, { fields: [{ field: 'DATABASE_APP_ROLE', message: `${zh} / ${en}` }] });
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function rows<T>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await em.getConnection().execute(sql, [...params], 'all', em.getTransactionContext())) as T[];
}

/**
 * Gives the role the api and the worker connect as exactly its privileges on the current schema, run by the tables'
 * owner after every migration: SELECT and INSERT on the event tables, SELECT, INSERT, UPDATE and DELETE on the read
 * models, SELECT on the migrations table, use of the sequences. Whatever the role held there before is revoked first,
 * in the same transaction, so running it again changes nothing and a table added by a later migration gets its
 * privileges by the same rule. Not being the owner, the role cannot ALTER, DISABLE or DROP the append-only triggers;
 * the grants are checked afterwards through PostgreSQL's own privilege functions, which also count what PUBLIC and
 * the roles it belongs to hold.
 */
export async function grantAppRole(orm: MikroORM, role: string): Promise<AppRoleGrants> {
  if (!(orm.em.getPlatform() instanceof PostgreSqlPlatform)) {
    throw new AppRoleRejected('应用数据库角色只适用于 PostgreSQL', 'DATABASE_APP_ROLE applies to PostgreSQL only (the embedded SQLite file has no roles)');
  }
  const migrationsTable = orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
  return orm.em.fork().transactional(async (em) => {
    const [session] = await rows<{ owner: string; schema: string; database: string }>(
      em,
      'select current_user as owner, current_schema() as schema, current_database() as database',
    );
    if (!session) throw new Error('PostgreSQL answered no session');
    const [found] = await rows<{ rolsuper: boolean }>(em, 'select rolsuper from pg_roles where rolname = ?', [role]);
    if (!found) {
      throw new AppRoleRejected(
        `数据库角色 ${role} 不存在：请先创建（见 deploy/postgres-init.sh）`,
        `role ${role} does not exist: create it first (see deploy/postgres-init.sh)`,
      );
    }
    if (role === session.owner) {
      throw new AppRoleRejected(
        `应用角色不能是执行迁移、拥有数据表的角色 ${role}`,
        `the app's role must not be ${role}, the role that runs the migrations and owns the tables`,
      );
    }
    if (found.rolsuper) {
      throw new AppRoleRejected(`应用角色 ${role} 是超级用户，不受任何授权限制`, `role ${role} is a superuser: no grant can restrict it`);
    }
    const tables = await rows<{ name: string }>(
      em,
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = ? and c.relkind in ('r', 'p') order by c.relname`,
      [session.schema],
    );
    const names = tables.map((table) => table.name);
    const missing = EVENT_TABLES.filter((table) => !names.includes(table));
    if (missing.length) {
      throw new AppRoleRejected(
        `模式 ${session.schema} 中没有 ${missing.join('、')}：请先执行迁移`,
        `the schema ${session.schema} has no ${missing.join(', ')}: apply the migrations before the grants`,
      );
    }
    const eventTables = names.filter((name) => (EVENT_TABLES as readonly string[]).includes(name));
    const readModelTables = names.filter((name) => !eventTables.includes(name) && name !== migrationsTable);
    const schema = quoteIdentifier(session.schema);
    const grantee = quoteIdentifier(role);
    const list = (tableNames: readonly string[]): string => tableNames.map((name) => `${schema}.${quoteIdentifier(name)}`).join(', ');

    await rows(em, `revoke all on all tables in schema ${schema} from ${grantee}`);
    await rows(em, `revoke all on all sequences in schema ${schema} from ${grantee}`);
    const [connect] = await rows<{ holds: boolean }>(em, `select has_database_privilege(?, current_database(), 'CONNECT') as holds`, [role]);
    if (!connect?.holds) await rows(em, `grant connect on database ${quoteIdentifier(session.database)} to ${grantee}`);
    await rows(em, `grant usage on schema ${schema} to ${grantee}`);
    await rows(em, `grant ${EVENT_TABLE_PRIVILEGES} on table ${list(eventTables)} to ${grantee}`);
    if (readModelTables.length) await rows(em, `grant ${READ_MODEL_PRIVILEGES} on table ${list(readModelTables)} to ${grantee}`);
    if (names.includes(migrationsTable)) await rows(em, `grant select on table ${list([migrationsTable])} to ${grantee}`);
    await rows(em, `grant usage, select on all sequences in schema ${schema} to ${grantee}`);

    const exceeded: string[] = [];
    for (const table of eventTables) {
      const [held] = await rows<Record<string, boolean>>(
        em,
        `select ${REFUSED_ON_EVENT_TABLES.map((privilege) => `has_table_privilege(?, c.oid, '${privilege}') as "${privilege}"`).join(', ')},
                pg_has_role(?, c.relowner, 'MEMBER') as "owner"
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?`,
        [...REFUSED_ON_EVENT_TABLES.map(() => role), role, session.schema, table],
      );
      for (const [privilege, holds] of Object.entries(held ?? {})) if (holds) exceeded.push(`${table} ${privilege}`);
    }
    const [schemaCreate] = await rows<{ holds: boolean }>(em, `select has_schema_privilege(?, ?, 'CREATE') as holds`, [role, session.schema]);
    if (schemaCreate?.holds) exceeded.push(`schema ${session.schema} CREATE`);
    if (exceeded.length) {
      throw new AppRoleRejected(
        `应用角色 ${role} 仍有超出“读取、追加”的权限（${exceeded.join('；')}），可能来自 PUBLIC 或它所属的角色，请撤销`,
        `role ${role} still holds more than SELECT and INSERT on the audit trail (${exceeded.join('; ')}), through PUBLIC or a role it belongs to: revoke that (e.g. REVOKE CREATE ON SCHEMA public FROM PUBLIC)`,
      );
    }
    const [sequences] = await rows<{ count: string | number }>(
      em,
      `select count(*) as count from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind = 'S'`,
      [session.schema],
    );
    return { role, schema: session.schema, eventTables, readModelTables, sequences: Number(sequences?.count ?? 0) };
  });
}
