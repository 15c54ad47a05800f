import { ConnectionException } from '@mikro-orm/core';

/** Network errors of a connection to a database server that is restarting, unreachable or gone. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * PostgreSQL's SQLSTATEs for "not now": class 08 (connection exception), 53300 (too many connections: every slot
 * taken, as while a restarted server's clients reconnect) and 57P01–57P03 (shut down by the administrator, crashed,
 * cannot connect now: starting up or shutting down).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|53300|57P0[1-3])$/;
/** What node-postgres says, without a code, when the server closes the connection under it. */
const DROPPED_CONNECTION = /Connection terminated|Client has encountered a connection error|Connection ended/i;

/**
 * Whether an error means the database is out of reach for now (restarting, failing over, a dropped connection),
 * not that the request or the data is wrong: the request may be tried again as it is. Looks through `cause`s.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Errors are told by their fields, not their class: the driver's come from Node's own realm.
  let current: unknown = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    if (current instanceof ConnectionException) return true;
    const { code, sqlState, message, errors, cause } = current as { code?: unknown; sqlState?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
    for (const value of [code, sqlState]) {
      if (typeof value === 'string' && (NETWORK_CODES.has(value) || UNAVAILABLE_SQLSTATE.test(value))) return true;
    }
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
    if (typeof message === 'string' && DROPPED_CONNECTION.test(message)) return true;
    current = cause;
  }
  return false;
}
