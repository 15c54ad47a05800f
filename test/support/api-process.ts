import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '#config';
import { eventually, freePort } from './http.js';

/**
 * The built api (`dist/`, as `npm start` runs it) in a process of its own, on the same database, cluster, data folder
 * and token secret as a test stack: for what only a separate process shows (its heap limit, its memory).
 */
export async function startApiProcess(
  config: AppConfig,
  environment: Readonly<Record<string, string>>,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const database = config.database.kind === 'sqlite' ? `sqlite:${config.database.path}` : config.database.url;
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../dist/apps/api/src/main.js', import.meta.url))], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: config.dataDir,
      DATABASE_URL: database,
      TEMPORAL_ADDRESS: config.temporal.address,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      AUTH_TOKEN_SECRET: config.auth.tokenSecret ?? '',
      LOG_LEVEL: 'error',
      ...environment,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/api`;
  const exited = once(child, 'exit');
  await eventually(
    'the api process to answer',
    async () => {
      if (child.exitCode !== null) throw new Error(`the api process exited with ${String(child.exitCode)}`);
      return (await fetch(`${url}/health`).catch(() => null)) === null ? undefined : true;
    },
    30_000,
  );
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
