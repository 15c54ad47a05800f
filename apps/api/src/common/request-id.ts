import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE = /^[\w.-]{1,100}$/;

/** Keeps a caller's request id (when well-formed) or makes one; every answer carries it, every log line names it. */
export function assignRequestId(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
  request.id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  next();
}

export function requestId(request: IncomingMessage): string {
  return typeof request.id === 'string' ? request.id : randomUUID();
}
