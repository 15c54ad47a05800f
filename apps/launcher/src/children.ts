import { spawn, type ChildProcess, type SpawnOptions, type StdioOptions } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs a program that cannot watch the launcher itself (see guard.ts). */
const GUARD = join(dirname(fileURLToPath(import.meta.url)), 'guard.js');

export interface ChildOptions extends SpawnOptions {
  /** Not a Node program of ours: run it under the guard, which ends it when the launcher ends. */
  readonly guarded?: boolean;
}

/** The child's stdio with an IPC channel after the three standard streams: it closes when the launcher dies. */
function withLauncherLink(stdio: StdioOptions | undefined): StdioOptions {
  const streams = Array.isArray(stdio) ? stdio.slice(0, 3) : [stdio ?? 'pipe', stdio ?? 'pipe', stdio ?? 'pipe'];
  return [...streams, 'ipc'];
}

/**
 * A supervised child process, in its own process group so the launcher decides the shutdown order, and linked to the
 * launcher by an IPC channel so it ends when the launcher ends, however the launcher ends (endWithLauncher, guard.ts).
 */
export class Child {
  readonly exited: Promise<number | null>;
  private readonly process: ChildProcess;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: ChildOptions,
  ) {
    const { guarded, ...spawnOptions } = options;
    const linked = { ...spawnOptions, stdio: withLauncherLink(spawnOptions.stdio), detached: true };
    this.process = guarded ? spawn(process.execPath, [GUARD, command, ...args], linked) : spawn(command, args, linked);
    // The channel is only a link: the launcher neither listens on it nor waits for it.
    this.process.channel?.unref();
    this.exited = new Promise((resolve, reject) => {
      this.process.once('error', reject);
      this.process.once('exit', (code, signal) => {
        resolve(code ?? (signal ? null : 0));
      });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Sends `signal` and waits until the process has exited. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    const exited = once(this.process, 'exit');
    this.process.kill(signal);
    await exited;
  }

  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running || this.process.pid === undefined) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (this.running) this.process.kill('SIGKILL');
    }, graceMs);
    try {
      await once(this.process, 'exit');
    } finally {
      clearTimeout(timer);
    }
  }
}
