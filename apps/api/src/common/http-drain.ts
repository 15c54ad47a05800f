import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';

/** How often idle connections are closed while the api drains. */
const IDLE_SWEEP_MS = 100;

/**
 * On SIGTERM or SIGINT, lets the answers in flight finish but keeps no connection open after its answer, and cuts
 * whatever is left after `graceMs`: a client retrying on a kept-alive connection (a browser, a load balancer) would
 * otherwise hold the process open, so that a stop, or a launcher that died, never ends it. The answers it was
 * waiting for are safe to ask again (Idempotency-Key).
 */
export function drainOnShutdown(app: INestApplication, graceMs: number): void {
  const server = app.getHttpServer() as Server;
  const drain = (): void => {
    server.closeIdleConnections();
    setInterval(() => {
      server.closeIdleConnections();
    }, IDLE_SWEEP_MS).unref();
    setTimeout(() => {
      server.closeAllConnections();
    }, graceMs).unref();
  };
  process.once('SIGTERM', drain);
  process.once('SIGINT', drain);
}
