import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '#config';
import type { SendResult } from './channel-result.js';

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Same notification, same recipient: same Message-ID, so a duplicate after a crash is recognisable. */
  readonly dedupeKey: string;
  readonly recipientId: string;
}

/** A Message-ID derived from the dedupe key and recipient (RFC 5322 msg-id; no personal data in it). */
export function stableMessageId(dedupeKey: string, recipientId: string): string {
  return `<${createHash('sha256').update(`${dedupeKey}\n${recipientId}`).digest('hex').slice(0, 40)}@qinglian.notifications>`;
}

/** 邮件 / Email over SMTP (SMTP_URL). Disabled when SMTP_URL is unset. */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private readonly transport;
  private readonly from: string;

  constructor(@Inject(AppConfig) config: AppConfig) {
    const { smtpUrl, mailFrom, timeoutMs } = config.notifications;
    this.from = mailFrom;
    this.transport =
      smtpUrl === undefined ? undefined : createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    if (!this.transport) return { ok: false, permanent: true, error: 'SMTP_URL is not set' };
    try {
      await this.transport.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: stableMessageId(email.dedupeKey, email.recipientId),
        headers: { 'X-Qinglian-Dedupe-Key': email.dedupeKey },
      });
      return { ok: true };
    } catch (error) {
      const failure = error as { message?: string; permanent?: boolean; code?: string };
      // A 5xx reply (refused recipient, message) will be refused again; connection trouble and 4xx may pass later.
      return { ok: false, permanent: failure.permanent === true || failure.code === 'EENVELOPE', error: failure.message ?? String(error) };
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
