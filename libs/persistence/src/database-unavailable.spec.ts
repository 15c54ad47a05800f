import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { isDatabaseUnavailable } from './database-unavailable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a database that is restarting or out of reach', () => {
    expect(isDatabaseUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('connection failure', '08006'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('sorry, too many clients already', '53300'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new ConnectionException(new Error('gone')))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')]))).toBe(true);
    // Wrapped by the ORM: the driver's error is the cause.
    expect(isDatabaseUnavailable(new DriverException(withCode('terminating connection due to administrator command', '57P01')))).toBe(true);
  });

  it('answers what node-postgres itself throws when nothing listens', async () => {
    const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('leaves refusals and faults of ours alone', () => {
    expect(isDatabaseUnavailable(new UniqueConstraintViolationException(withCode('duplicate key value', '23505')))).toBe(false);
    expect(isDatabaseUnavailable(withCode('relation "case_event" does not exist', '42P01'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('could not extend file: No space left on device', '53100'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable('a string')).toBe(false);
  });
});
