import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '#config';

/** A benchmark's own empty database, dropped afterwards. */
export interface BenchDatabase {
  readonly config: DatabaseConfig;
  /** DATABASE_URL form of the same database, for the api's process. */
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh SQLite file in a temporary folder, or a fresh database on the PostgreSQL server at `postgresUrl`. */
export async function freshBenchDatabase(kind: DatabaseConfig['kind'], postgresUrl: string, bench: string): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `qinglian-bench-${bench}-`));
    const path = join(dir, 'qinglian.sqlite');
    return {
      config: { kind: 'sqlite', path },
      url: `sqlite:${path}`,
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `qinglian_bench_${bench}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { config: { kind: 'postgresql', url: url.toString() }, url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
