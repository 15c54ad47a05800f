import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '#config';
import { hostAllowed } from '#domain';
import type { GroupChatTarget } from '#persistence';
import type { SendResult } from './channel-result.js';
import { signedWebhookUrl } from './dingtalk-signature.js';

/**
 * 群机器人 / Group-chat robots (DingTalk custom robots with 加签): a markdown message posted to a target's webhook,
 * signed with that target's secret. The program office's robot comes from NOTIFY_WEBHOOK_URL / NOTIFY_WEBHOOK_SECRET
 * (none when unset); a unit's own robot from its stored setting.
 */
@Injectable()
export class WebhookChannel {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /** Whether a unit's chat may be posted to: its host must still be in GROUP_CHAT_ALLOWED_HOSTS (checked when saved, too). */
  allowsUnitChat(target: GroupChatTarget): boolean {
    return hostAllowed(target.url, this.config.notifications.groupChatAllowedHosts);
  }

  /** The program office's group chat, or undefined when NOTIFY_WEBHOOK_URL is unset. */
  get office(): GroupChatTarget | undefined {
    return this.config.notifications.webhook;
  }

  async send(target: GroupChatTarget, message: { title: string; markdown: string; dedupeKey: string }): Promise<SendResult> {
    let response: Response;
    try {
      response = await fetch(signedWebhookUrl(target.url, target.secret, Date.now()), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-qinglian-dedupe-key': encodeURIComponent(message.dedupeKey) },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } }),
        signal: AbortSignal.timeout(this.config.notifications.timeoutMs),
      });
    } catch (error) {
      return { ok: false, permanent: false, error: `webhook unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
    // Failures end up in delivery records and the case's audit trail, which the unit's contact reads: they carry the
    // status and the robot's own errcode/errmsg, never the raw answer of whatever the URL pointed at.
    const reply = robotReply(await response.text().catch(() => ''));
    if (!response.ok) {
      // 4xx (bad URL, refused signature) will be refused again, except for rate limiting and timeouts.
      const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      return { ok: false, permanent, error: `webhook answered ${response.status}${reply.errcode === 0 ? '' : ` (errcode ${reply.errcode}: ${reply.errmsg})`}` };
    }
    // DingTalk answers 200 with errcode ≠ 0 for refused messages (e.g. 310000 bad signature, 130101 too many per minute).
    if (reply.errcode !== 0)
      return { ok: false, permanent: reply.errcode !== 130101, error: `webhook refused the message (errcode ${reply.errcode}: ${reply.errmsg})` };
    return { ok: true };
  }
}

/** The robot's errcode (0 when the body is not JSON or has none: a plain receiver) and errmsg, shortened. */
function robotReply(body: string): { errcode: number; errmsg: string } {
  try {
    const parsed = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown };
    return { errcode: typeof parsed.errcode === 'number' ? parsed.errcode : 0, errmsg: typeof parsed.errmsg === 'string' ? parsed.errmsg.slice(0, 100) : '' };
  } catch {
    return { errcode: 0, errmsg: '' };
  }
}
