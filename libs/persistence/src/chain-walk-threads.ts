import { Worker } from 'node:worker_threads';
import type { ChainWalkJob, ChainWalkMessage } from './chain-walk-job.js';
import type { BrokenLink, WalkedCase } from './event-rows.js';

/** What walking one range came to: its cases in chain order, its events, its first broken link. */
export interface RangeWalked {
  readonly cases: WalkedCase[];
  readonly eventsChecked: number;
  readonly firstBrokenLink: BrokenLink | null;
}

/** Idle threads kept for the next verification (their code already compiled), and for how long. */
const KEPT = 4;
const KEPT_MS = 60_000;

const idle: { worker: Worker; expiry: NodeJS.Timeout; ended: (error: Error) => void }[] = [];

function forget(worker: Worker): void {
  const index = idle.findIndex((kept) => kept.worker === worker);
  if (index < 0) return;
  const [kept] = idle.splice(index, 1);
  if (!kept) return;
  clearTimeout(kept.expiry);
  worker.off('error', kept.ended);
}

function newWorker(): Worker {
  const own = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new Worker(new URL(`./chain-walk-worker${own}`, import.meta.url));
}

function keep(worker: Worker): void {
  if (idle.length >= KEPT) {
    void worker.terminate();
    return;
  }
  // An idle thread does not keep the process alive, and ends after a while unused, or at once should it fail while idle
  // (an error no listener heard would end the process).
  worker.unref();
  const end = (): void => {
    forget(worker);
    void worker.terminate();
  };
  const expiry = setTimeout(end, KEPT_MS);
  expiry.unref();
  idle.push({ worker, expiry, ended: end });
  worker.once('error', end);
}

/**
 * Walks one range of cases on a worker thread (one kept from an earlier walk when there is one); `onMessage` hears each
 * batch as it is done. Called off by `signal`: the thread is ended and the walk rejects with the signal's reason.
 */
export function walkOnThread(job: ChainWalkJob, onMessage: (message: ChainWalkMessage) => void, signal: AbortSignal): Promise<RangeWalked> {
  const kept = idle.at(-1);
  if (kept) forget(kept.worker);
  const worker = kept?.worker ?? newWorker();
  worker.ref();
  return new Promise<RangeWalked>((resolve, reject) => {
    const cases: WalkedCase[] = [];
    const settle = (reusable: boolean, outcome: () => void): void => {
      worker.off('message', heard);
      worker.off('error', failed);
      worker.off('exit', exited);
      signal.removeEventListener('abort', calledOff);
      if (reusable) keep(worker);
      else void worker.terminate();
      outcome();
    };
    const heard = (message: ChainWalkMessage): void => {
      if (message.kind === 'failed') {
        settle(true, () => {
          reject(new Error(message.message));
        });
        return;
      }
      cases.push(...message.cases);
      onMessage(message);
      if (message.kind === 'done') {
        settle(true, () => {
          resolve({ cases, eventsChecked: message.eventsChecked, firstBrokenLink: message.firstBrokenLink });
        });
      }
    };
    const failed = (error: Error): void => {
      settle(false, () => {
        reject(error);
      });
    };
    const exited = (code: number): void => {
      settle(false, () => {
        reject(new Error(`the chain walk's worker thread stopped (exit code ${String(code)})`));
      });
    };
    const calledOff = (): void => {
      settle(false, () => {
        reject(signal.reason as Error);
      });
    };
    if (signal.aborted) {
      calledOff();
      return;
    }
    worker.on('message', heard);
    worker.once('error', failed);
    worker.once('exit', exited);
    signal.addEventListener('abort', calledOff, { once: true });
    worker.postMessage(job);
  });
}
