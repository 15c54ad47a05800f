import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RobotMessage {
  readonly msgtype: string;
  readonly markdown: { readonly title: string; readonly text: string };
}

export interface WebhookRequest {
  readonly status: number;
  readonly signatureValid: boolean;
  readonly url: URL;
  readonly dedupeKey: string | null;
}

export interface WebhookReceiver {
  readonly url: string;
  /** Messages accepted with a valid signature. */
  readonly accepted: readonly RobotMessage[];
  /** Every request, with the status answered, its path and query (timestamp, sign) and its dedupe-key header. */
  readonly requests: readonly WebhookRequest[];
  stop(): Promise<void>;
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** Checks `timestamp` and `sign` as the DingTalk robot does: HMAC-SHA256 of "timestamp\nsecret", within an hour. */
export function signatureValid(url: URL, secret: string, now = Date.now()): boolean {
  const timestamp = Number(url.searchParams.get('timestamp'));
  const sign = url.searchParams.get('sign') ?? '';
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > 3_600_000) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
  const given = Buffer.from(sign);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A DingTalk-robot-like HTTP receiver on loopback. It answers the scripted statuses first (e.g. [500] fails the
 * first request; a 3xx redirects to the receiver itself, so a client that followed it would be accepted), then
 * 200 {"errcode":0}; a bad signature gets 200 {"errcode":310000} like the real robot.
 */
export async function startWebhookReceiver(secret: string, script: readonly number[] = []): Promise<WebhookReceiver> {
  const pending = [...script];
  const accepted: RobotMessage[] = [];
  const requests: WebhookRequest[] = [];
  const server = createServer((request, response) => {
    void body(request).then((text) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const valid = signatureValid(url, secret);
      const scripted = pending.shift();
      const status = scripted ?? 200;
      const dedupeKey = request.headers['x-qinglian-dedupe-key'];
      requests.push({ status, signatureValid: valid, url, dedupeKey: typeof dedupeKey === 'string' ? decodeURIComponent(dedupeKey) : null });
      response.setHeader('content-type', 'application/json');
      if (status !== 200) {
        response.statusCode = status;
        if (status >= 300 && status < 400) response.setHeader('location', url.pathname + url.search);
        response.end(JSON.stringify({ errcode: -1, errmsg: 'scripted failure' }));
        return;
      }
      if (!valid) {
        response.end(JSON.stringify({ errcode: 310000, errmsg: 'sign not match' }));
        return;
      }
      accepted.push(JSON.parse(text) as RobotMessage);
      response.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/robot/send?access_token=test-token`,
    accepted,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
