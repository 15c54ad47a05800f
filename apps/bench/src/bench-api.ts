import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The api alone in its own process, as `npm start` runs it, without Temporal (a benchmark that takes no steps). */
export interface BenchApi {
  /** Base URL ending in /api. */
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

/** Starts the compiled api on a free port with `environment` (DATA_DIR and DATABASE_URL at least) and waits until it answers. */
export async function startBenchApi(environment: Readonly<Record<string, string>>): Promise<BenchApi> {
  const port = await freePort();
  const api = spawn(process.execPath, [fileURLToPath(new URL('../../api/src/main.js', import.meta.url))], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      ...environment,
    },
    stdio: 'ignore',
  });
  const stop = async (): Promise<void> => {
    if (api.exitCode !== null) return;
    api.kill('SIGTERM');
    await once(api, 'exit');
  };
  const url = `http://127.0.0.1:${String(port)}/api`;
  for (let attempt = 0; (await fetch(`${url}/health`).catch(() => null)) === null; attempt += 1) {
    if (attempt > 300) {
      await stop();
      throw new Error('the api did not start');
    }
    // Polling the api's port until it listens (a start-up, not a measurement).
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, process: api, stop };
}
