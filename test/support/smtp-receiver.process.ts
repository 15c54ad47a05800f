/**
 * A real SMTP server in its own process (started by smtp-receiver.ts; Node runs this file with type stripping).
 * It reports every accepted message to the parent over IPC, and refuses the recipients in SMTP_REJECT with 550.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const rejected = new Set((process.env.SMTP_REJECT ?? '').split(',').filter(Boolean));

function report(message: Record<string, unknown>): void {
  process.send?.(message);
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (rejected.has(address.address)) {
      callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const from = session.envelope.mailFrom;
      report({
        type: 'message',
        from: from ? from.address : null,
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        raw: Buffer.concat(chunks).toString('utf8'),
      });
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  report({ type: 'listening', port: (server.server.address() as AddressInfo).port });
});

// Answers in order after every message already reported: the parent's sync() waits for this.
process.on('message', (message: { type: 'sync'; id: number }) => {
  report({ type: 'synced', id: message.id });
});

process.on('disconnect', () => {
  server.close(() => process.exit(0));
});
