import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';

/** Statements kept prepared per connection: the ORM's are a few dozen shapes, each asked again on every append. */
const PREPARED_STATEMENTS = 256;

/**
 * `node:sqlite` for the ORM (kysely's SQLite dialect over its `better-sqlite3`-like interface), with two changes:
 *
 * - Each connection keeps its statements prepared (SQLite re-prepares one itself after a schema change), rather than
 *   parsing and planning the same SQL on every query.
 * - Transactions begin IMMEDIATE: the api and the worker are separate processes on one file, and a deferred
 *   transaction that reads before it writes fails at once with SQLITE_BUSY_SNAPSHOT, without waiting, when the other
 *   process wrote in between. Taking the write lock at BEGIN makes it wait its turn (busy_timeout) instead.
 */
export class SqliteFileDialect extends SqliteDialect {
  constructor(path: string) {
    super({ database: () => Promise.resolve(openSqlite(path)) });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection): Promise<void> => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

function openSqlite(path: string): SqliteDatabase {
  const { DatabaseSync: Database } = process.getBuiltinModule('node:sqlite');
  const db: DatabaseSync = new Database(path);
  const statements = new LRUCache<string, StatementSync>({ max: PREPARED_STATEMENTS });
  const prepared = (sql: string): StatementSync => {
    const cached = statements.get(sql);
    if (cached) return cached;
    const statement = db.prepare(sql);
    statements.set(sql, statement);
    return statement;
  };
  const values = (parameters: readonly unknown[]): SQLInputValue[] => parameters as SQLInputValue[];
  return {
    prepare(sql) {
      const statement = prepared(sql);
      return {
        reader: /^\s*(select|pragma|explain|with)/i.test(sql) || /\breturning\b/i.test(sql),
        all: (parameters) => statement.all(...values(parameters)),
        run: (parameters) => statement.run(...values(parameters)),
        iterate: (parameters) => statement.iterate(...values(parameters)),
      };
    },
    close() {
      statements.clear();
      db.close();
    },
  };
}
