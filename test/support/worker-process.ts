import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '#config';
import { eventually } from './http.js';

/**
 * The built worker (`dist/`, as `npm start` runs it) in a process of its own, on the same database, cluster, task queue
 * and keys as a test stack, once it polls; stop() sends SIGTERM and waits for it to drain and exit.
 */
export async function startWorkerProcess(config: AppConfig, environment: Readonly<Record<string, string>>): Promise<{ pid: number; stop(): Promise<void> }> {
  const database = config.database.kind === 'sqlite' ? `sqlite:${config.database.path}` : config.database.url;
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../dist/apps/worker/src/main.js', import.meta.url))], {
    env: {
      ...process.env,
      DATA_DIR: config.dataDir,
      DATABASE_URL: database,
      TEMPORAL_ADDRESS: config.temporal.address,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let polling = false;
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.includes('worker polling task queue')) polling = true;
    else if (lines.length < 50) lines.push(line);
  });
  await eventually(
    'the worker process to poll',
    () => {
      if (child.exitCode !== null) throw new Error(`the worker process exited with ${String(child.exitCode)}: ${lines.join('\n')}`);
      return Promise.resolve(polling ? true : undefined);
    },
    90_000,
  );
  return {
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
