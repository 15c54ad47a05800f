import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_POSTGRES_URL, type TestDatabase } from './databases.js';

/** A fresh PostgreSQL database owned by a role of its own, and the app's role beside it, as docker compose sets them up. */
export interface RoleSeparatedDatabase {
  /** Owns the database and, once migrated, its tables: what `migrate` connects as. */
  readonly owner: TestDatabase;
  readonly ownerRole: string;
  /** The same database as the role the api and the worker connect as. */
  readonly app: TestDatabase;
  readonly appRole: string;
  /** A client connected as the app's role, for statements no code of ours would send; ended by drop(). */
  appClient(): Promise<pg.Client>;
  /** Runs a statement in the database as the server's superuser (role membership, PUBLIC's privileges). */
  asSuperuser(sql: string): Promise<void>;
  /** Drops the database, then both roles (roles are cluster-wide). */
  drop(): Promise<void>;
}

async function asSuperuser<T>(run: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(TEST_POSTGRES_URL);
  if (database !== undefined) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function urlAs(role: string, database: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.username = role;
  url.password = '';
  url.pathname = `/${database}`;
  return url.toString();
}

/** The tests' server trusts its clients, so each role logs in without a password. */
export async function createRoleSeparatedDatabase(): Promise<RoleSeparatedDatabase> {
  const suffix = randomBytes(5).toString('hex');
  const name = `qinglian_test_roles_${suffix}`;
  const ownerRole = `qinglian_owner_${suffix}`;
  const appRole = `qinglian_app_${suffix}`;
  await asSuperuser(async (client) => {
    await client.query(`create role ${ownerRole} login`);
    await client.query(`create role ${appRole} login`);
    await client.query(`create database ${name} owner ${ownerRole}`);
  });
  const clients: pg.Client[] = [];
  const drop = async (): Promise<void> => {
    await Promise.all(clients.map((client) => client.end()));
    await asSuperuser(async (client) => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`drop role if exists ${appRole}`);
      await client.query(`drop role if exists ${ownerRole}`);
    });
  };
  const database = (role: string): TestDatabase => {
    const url = urlAs(role, name);
    return { config: { kind: 'postgresql', url }, url, drop };
  };
  return {
    owner: database(ownerRole),
    ownerRole,
    app: database(appRole),
    appRole,
    appClient: async () => {
      const client = new pg.Client({ connectionString: urlAs(appRole, name) });
      await client.connect();
      clients.push(client);
      return client;
    },
    asSuperuser: (sql) => asSuperuser((client) => client.query(sql), name).then(() => undefined),
    drop,
  };
}

/** The SQLSTATE and message a statement failed with, or null when it succeeded. */
export async function refusal(client: pg.Client, sql: string): Promise<{ code: string | undefined; message: string } | null> {
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    return { code: error.code, message: error.message };
  }
}
