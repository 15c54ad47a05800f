import 'reflect-metadata';
import { AppConfig, ConfigError, endWithLauncher } from '#config';
import { startTracing } from '#temporal';
import { createApiApp } from './api-app.js';
import { drainOnShutdown } from './common/http-drain.js';

/** How long answers in flight may take to finish once the api is told to stop. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  // Before the application is made: its HTTP layer and Temporal client look for it (nothing is loaded when it is off).
  await startTracing(config, 'qinglian-api');
  const app = await createApiApp(config);
  drainOnShutdown(app, SHUTDOWN_GRACE_MS);
  await app.listen(config.http.port, config.http.host);
  endWithLauncher();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
