import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { eventually } from './http.js';

export interface Launched {
  process: ChildProcess;
  output: () => string;
}

/** Whether something accepts connections on the port of 127.0.0.1. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

/** Runs the compiled launcher (what `npm start` runs) until it prints that the system is up. */
export async function launch(env: NodeJS.ProcessEnv): Promise<Launched> {
  const child = spawn(process.execPath, ['dist/apps/launcher/src/main.js'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await eventually(
    'the launcher to report the system running',
    () => {
      if (child.exitCode !== null) throw new Error(`launcher exited ${child.exitCode}:\n${output}`);
      return Promise.resolve(output.includes('Qinglian is running') ? true : undefined);
    },
    120_000,
  );
  return { process: child, output: () => output };
}

/** The processes that run on a data directory: named in their command line or given it as DATA_DIR (read from /proc). */
export function processesOn(dataDir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (cmdline.includes(dataDir) || environ.includes(`DATA_DIR=${dataDir}`)) found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** Resolves once no process runs on the data directory; otherwise fails naming those still running (pid and command). */
export async function untilNoneRunOn(dataDir: string, timeoutMs = 60_000): Promise<void> {
  await eventually(
    'every process of the killed system to end',
    () => {
      const left = processesOn(dataDir);
      if (left.length === 0) return Promise.resolve(true);
      const named = left.map((pid) => {
        try {
          return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').slice(0, 160)}`;
        } catch {
          return `${pid} (gone)`;
        }
      });
      throw new Error(`still running: ${named.join('; ')}`);
    },
    timeoutMs,
  );
}
