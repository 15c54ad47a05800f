/**
 * One Temporal server of the production build on PostgreSQL, for scripts/production-shape.sh (run with
 * --conditions=qinglian-source --import ./test/support/swc-hooks.ts, as forkSources runs such files). Prints the
 * frontend's address as the one line of its stdout once the namespace and the case search attributes are ready; on
 * SIGTERM or SIGINT (also one received while starting) stops the server, drops its databases and exits. Progress goes
 * to stderr.
 */
import { startTemporalServer } from './temporal-server.js';

const stopRequested = new Promise<void>((resolve) => {
  process.on('SIGTERM', resolve);
  process.on('SIGINT', resolve);
});

const began = Date.now();
const server = await startTemporalServer();
process.stderr.write(
  `Temporal server ready in ${String(Math.round((Date.now() - began) / 1000))}s at ${server.address} ` +
    `(databases ${server.databases.join(', ')}; config and log in ${server.folder})\n`,
);
process.stdout.write(`${server.address}\n`);

// The server's process keeps this one running until then.
await stopRequested;
try {
  await server.stop();
  process.stderr.write(`Temporal server stopped, databases ${server.databases.join(', ')} dropped\n`);
  process.exit(0);
} catch (error) {
  process.stderr.write(`stopping the Temporal server failed: ${String(error)}\n`);
  process.exit(1);
}
