import 'reflect-metadata';
import { AppConfig, ConfigError, endWithLauncher } from '#config';
import { createApiApp } from './api-app.js';

async function main(): Promise<void> {
  const config = AppConfig.fromEnvironment();
  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
  endWithLauncher();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
