import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#config';
import { hostAllowed } from '#domain';
import type { GroupChatTarget } from '#persistence';
import type { SendResult } from './channel-result.js';
import { signedWebhookUrl } from './dingtalk-signature.js';
import { publicAddressLookup, refusedLiteral, WebhookAddressRefused } from './guarded-lookup.js';

/** Enough of a robot's answer for its errcode and errmsg; a larger answer is cut there. */
const MAX_REPLY_BYTES = 64 * 1024;

/**
 * 群机器人 / Group-chat robots (DingTalk custom robots with 加签): a markdown message posted to a target's webhook,
 * signed with that target's secret. The program office's robot comes from NOTIFY_WEBHOOK_URL / NOTIFY_WEBHOOK_SECRET
 * (none when unset); a unit's own robot from its stored setting.
 */
@Injectable()
export class WebhookChannel {
  private readonly logger = new Logger('Notifications');

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /**
   * Whether a unit's chat may be posted to: its host must still be in GROUP_CHAT_ALLOWED_HOSTS (checked when saved,
   * too), in production exactly and on port 443.
   */
  allowsUnitChat(target: GroupChatTarget): boolean {
    return hostAllowed(target.url, this.config.notifications.groupChatAllowedHosts, this.config.env === 'production');
  }

  /** The program office's group chat, or undefined when NOTIFY_WEBHOOK_URL is unset. */
  get office(): GroupChatTarget | undefined {
    return this.config.notifications.webhook;
  }

  /**
   * One signed post. Redirects are never followed (a 3xx is a permanent failure: a robot does not redirect, an
   * attacker's URL might, towards the inside). Unless private addresses are allowed (development and tests), the
   * connection may only reach a public unicast address, checked on the address actually connected to.
   */
  async send(target: GroupChatTarget, message: { title: string; markdown: string; dedupeKey: string }): Promise<SendResult> {
    const url = new URL(signedWebhookUrl(target.url, target.secret, Date.now()));
    const guarded = !this.config.notifications.allowPrivateAddresses;
    let response: { status: number; body: string };
    try {
      const literal = guarded ? refusedLiteral(url) : null;
      if (literal) throw literal;
      response = await post(url, JSON.stringify({ msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } }), {
        headers: { 'content-type': 'application/json; charset=utf-8', 'x-qinglian-dedupe-key': encodeURIComponent(message.dedupeKey) },
        signal: AbortSignal.timeout(this.config.notifications.timeoutMs),
        ...(guarded ? { lookup: publicAddressLookup } : {}),
      });
    } catch (error) {
      if (error instanceof WebhookAddressRefused) {
        // The address goes to the worker's log only: the delivery record is read by the unit's contact.
        this.logger.warn({ host: error.host, address: error.address, range: error.range }, '群机器人地址指向内部网络，已拒绝 / webhook address refused');
        return { ok: false, permanent: true, error: `webhook refused: the host resolves to a ${error.range} address (only public addresses are posted to)` };
      }
      return { ok: false, permanent: false, error: `webhook unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
    // Failures end up in delivery records and the case's audit trail, which the unit's contact reads: they carry the
    // status and the robot's own errcode/errmsg, never the raw answer of whatever the URL pointed at.
    if (response.status >= 300 && response.status < 400) {
      return { ok: false, permanent: true, error: `webhook answered ${response.status}: redirects are not followed` };
    }
    const reply = robotReply(response.body);
    if (response.status < 200 || response.status >= 300) {
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

/** POSTs the body and reads at most MAX_REPLY_BYTES of the answer; no pooled connection, so every post looks the name up anew. */
function post(url: URL, body: string, options: Pick<RequestOptions, 'headers' | 'signal' | 'lookup'>): Promise<{ status: number; body: string }> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { ...options, method: 'POST', agent: false }, (incoming: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        if (size >= MAX_REPLY_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_REPLY_BYTES) incoming.destroy();
      });
      const settle = () => {
        resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, MAX_REPLY_BYTES).toString('utf8') });
      };
      incoming.on('end', settle);
      incoming.on('close', settle);
      incoming.on('error', settle);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
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
