import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '#config';
import type { SendResult } from './channel-result.js';
import { signedWebhookUrl } from './dingtalk-signature.js';

/**
 * 群机器人 / The program office's group-chat robot (DingTalk custom robot with 加签): a markdown message,
 * signed with NOTIFY_WEBHOOK_SECRET. Disabled when NOTIFY_WEBHOOK_URL is unset.
 */
@Injectable()
export class WebhookChannel {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.notifications.webhook !== undefined;
  }

  async send(message: { title: string; markdown: string; dedupeKey: string }): Promise<SendResult> {
    const webhook = this.config.notifications.webhook;
    if (!webhook) return { ok: false, permanent: true, error: 'NOTIFY_WEBHOOK_URL is not set' };
    let response: Response;
    try {
      response = await fetch(signedWebhookUrl(webhook.url, webhook.secret, Date.now()), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-qinglian-dedupe-key': encodeURIComponent(message.dedupeKey) },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } }),
        signal: AbortSignal.timeout(this.config.notifications.timeoutMs),
      });
    } catch (error) {
      return { ok: false, permanent: false, error: `webhook unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
    const body = await response.text().catch(() => '');
    if (!response.ok) {
      // 4xx (bad URL, refused signature) will be refused again, except for rate limiting and timeouts.
      const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      return { ok: false, permanent, error: `webhook answered ${response.status}: ${body.slice(0, 300)}` };
    }
    const errcode = robotErrorCode(body);
    // DingTalk answers 200 with errcode ≠ 0 for refused messages (e.g. 310000 bad signature, 130101 too many per minute).
    if (errcode !== 0) return { ok: false, permanent: errcode !== 130101, error: `webhook refused the message: ${body.slice(0, 300)}` };
    return { ok: true };
  }
}

/** The robot's errcode: 0 when the body is not JSON or has none (a plain receiver that answered 2xx). */
function robotErrorCode(body: string): number {
  try {
    const parsed = JSON.parse(body) as { errcode?: unknown };
    return typeof parsed.errcode === 'number' ? parsed.errcode : 0;
  } catch {
    return 0;
  }
}
