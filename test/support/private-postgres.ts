import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { eventually, freePort } from './http.js';

/**
 * A PostgreSQL server of the test's own (the machine's PostgreSQL binaries, a fresh cluster in a temporary folder, on
 * a free port): a test may restart it without disturbing the tests that share the machine's server.
 */
export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  urlOf(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stops the server (fast: open connections are cut, as in a real restart) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const newest = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return join(root, newest, 'bin');
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const folder = mkdtempSync(join(tmpdir(), 'qinglian-pg-'));
  const data = join(folder, 'data');
  // The server refuses to run as root: as root, it runs as the machine's postgres account.
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : undefined;
  mkdirSync(data, { mode: 0o700 });
  if (owner !== undefined) {
    chownSync(folder, owner, owner);
    chownSync(data, owner, owner);
  }
  const run = (program: string, args: readonly string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, program), asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: folder,
    });
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60', ...args]);
  pgCtl('-o', options, 'start');

  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: urlOf('postgres') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    urlOf,
    createDatabase: (name) => query(`create database ${name}`),
    restart: async () => {
      pgCtl('-m', 'fast', 'stop');
      pgCtl('-o', options, 'start');
      await eventually('the restarted PostgreSQL to answer', () => query('select 1').then(() => true));
    },
    stop: () => {
      try {
        pgCtl('-m', 'immediate', 'stop');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
      return Promise.resolve();
    },
  };
}
