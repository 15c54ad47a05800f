import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { NodeSqliteDialect, SqliteDriver } from '@mikro-orm/sql';
import { CompiledQuery, type DatabaseConnection, type Driver } from 'kysely';
import { repoRoot, type DatabaseConfig } from '#config';
import { DeploymentEntity, ENTITIES } from './entities/index.js';
import { POSTGRESQL_MIGRATIONS } from './migrations/postgresql/index.js';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';

/** Where `migration:create` writes new migration sources, per database kind. */
export function migrationSourceFolder(kind: DatabaseConfig['kind']): string {
  return resolve(repoRoot(), 'libs/persistence/src/migrations', kind);
}

/** The same entities and migrations table on PostgreSQL and SQLite; the schema only ever comes from migrations. */
export function ormOptions(database: DatabaseConfig): Partial<Options> {
  const common = {
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    allowGlobalContext: false,
    ensureDatabase: false,
    // The append-only triggers of case_event are written by hand in the migrations; never diff them away.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: migrationSourceFolder(database.kind),
      emit: 'ts' as const,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
      migrationsList: database.kind === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRESQL_MIGRATIONS,
    },
  } satisfies Partial<Options>;
  if (database.kind === 'sqlite') {
    if (database.path !== ':memory:') {
      mkdirSync(dirname(database.path), { recursive: true });
    }
    return { ...common, driver: SqliteDriver, dbName: database.path, driverOptions: new ImmediateTransactionsDialect(database.path) };
  }
  return { ...common, driver: PostgreSqlDriver, clientUrl: database.url };
}

/**
 * SQLite transactions begin IMMEDIATE: the api and the worker are separate processes on one file, and a deferred
 * transaction that reads before it writes fails at once with SQLITE_BUSY_SNAPSHOT, without waiting, when the other
 * process wrote in between. Taking the write lock at BEGIN makes it wait its turn (busy_timeout) instead.
 */
class ImmediateTransactionsDialect extends NodeSqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection): Promise<void> => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** Opens the ORM. On SQLite, WAL and a busy timeout let the api and worker processes share the file. */
export async function openOrm(database: DatabaseConfig): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(database));
  if (database.kind === 'sqlite') {
    const connection = orm.em.getConnection();
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma busy_timeout = 10000');
    await connection.execute('pragma synchronous = normal');
  }
  return orm;
}

/** Applies pending migrations; returns the names applied. */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

/** The database's deployment id (made by its migrations). */
export async function deploymentIdOf(orm: MikroORM): Promise<string> {
  const [deployment] = await orm.em.fork().find(DeploymentEntity, {}, { orderBy: { createdAt: 'asc' }, limit: 1 });
  if (!deployment) throw new Error('the database has no deployment id: apply its migrations first (npm run migration:up)');
  return deployment.id;
}
