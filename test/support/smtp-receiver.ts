import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ReceivedEmail {
  readonly from: string | null;
  readonly to: readonly string[];
  readonly raw: string;
}

export interface SmtpReceiver {
  /** SMTP_URL of the receiver. */
  readonly url: string;
  /** Messages accepted so far, in order. */
  readonly messages: readonly ReceivedEmail[];
  /**
   * Resolves once every message the server accepted so far is in `messages`. The server reports a message
   * before it answers 250, and IPC keeps order, so after sync() a sender's accepted mail is here.
   */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

/** The value of a header of a raw message (first occurrence, unfolded). */
export function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** A real SMTP server (smtp-server) in a child process on loopback; refuses the `reject` addresses with 550. */
export function startSmtpReceiver(options: { reject?: readonly string[] } = {}): Promise<SmtpReceiver> {
  const child = fork(fileURLToPath(new URL('./smtp-receiver.process.ts', import.meta.url)), [], {
    env: { ...process.env, SMTP_REJECT: (options.reject ?? []).join(',') },
    execArgv: ['--no-warnings'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: ReceivedEmail[] = [];
  const syncs = new Map<number, () => void>();
  let syncId = 0;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`the SMTP receiver exited (${code ?? 'signal'}) before listening`));
    });
    child.on('message', (message: { type: 'listening'; port: number } | { type: 'synced'; id: number } | ({ type: 'message' } & ReceivedEmail)) => {
      if (message.type === 'message') {
        messages.push({ from: message.from, to: message.to, raw: message.raw });
        return;
      }
      if (message.type === 'synced') {
        syncs.get(message.id)?.();
        syncs.delete(message.id);
        return;
      }
      resolve({
        url: `smtp://127.0.0.1:${message.port}`,
        messages,
        sync: () =>
          new Promise((synced) => {
            syncId += 1;
            syncs.set(syncId, synced);
            child.send({ type: 'sync', id: syncId });
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) {
              done();
              return;
            }
            child.once('exit', () => {
              done();
            });
            child.disconnect();
          }),
      });
    });
  });
}
