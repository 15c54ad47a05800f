import { setTimeout as delay } from 'node:timers/promises';

/** Polls until probe() resolves true or the deadline passes. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, stopped: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let interval = 100;
  while (Date.now() < deadline) {
    if (stopped()) throw new Error(`${what}: the process exited while starting`);
    if (await probe().catch(() => false)) return;
    await delay(interval);
    interval = Math.min(interval * 2, 1000);
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)}s`);
}
