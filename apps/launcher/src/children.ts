import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

/** A supervised child process, in its own process group so the launcher decides the shutdown order. */
export class Child {
  readonly exited: Promise<number | null>;
  private readonly process: ChildProcess;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: SpawnOptions,
  ) {
    this.process = spawn(command, args, { ...options, detached: true });
    this.exited = new Promise((resolve, reject) => {
      this.process.once('error', reject);
      this.process.once('exit', (code, signal) => {
        resolve(code ?? (signal ? null : 0));
      });
    });
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
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
