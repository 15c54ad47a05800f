import { createHmac } from 'node:crypto';

/**
 * The signature of a DingTalk custom robot with 加签 (signing): base64(HMAC-SHA256(key = secret, message =
 * `${timestamp}\n${secret}`)), sent URL-encoded as the `sign` query parameter beside `timestamp` (ms).
 */
export function dingTalkSignature(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The robot URL with `timestamp` and `sign` added (URLSearchParams does the URL-encoding). */
export function signedWebhookUrl(url: string, secret: string, timestamp: number): string {
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestamp));
  signed.searchParams.set('sign', dingTalkSignature(secret, timestamp));
  return signed.toString();
}
