import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { errorBody, refusalOf } from './error.filter.js';

/** Progress lines of a stream come at most this often (the first at once). */
const PROGRESS_EVERY_MS = 250;

/**
 * An answer of one JSON object a line (application/x-ndjson) for work that reports as it goes. The status and headers
 * go out with the first line: until then a failure is an ordinary error answer; after it, the stream's last line.
 */
export class NdjsonStream {
  private lastProgressAt: number | null = null;
  /** Aborted when the client closes the connection before the stream ends. */
  readonly closed = new AbortController();

  constructor(
    private readonly response: Response,
    private readonly logger: Logger,
  ) {
    response.on('close', () => {
      if (!response.writableFinished) this.closed.abort(new Error('the client closed the stream'));
    });
  }

  /** Whether the first line (and with it the status) went out. */
  get started(): boolean {
    return this.response.headersSent;
  }

  /** Sends the status and headers now, before the first line: from here on every failure is a line. */
  open(): void {
    if (this.started) return;
    this.response.status(200);
    this.response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    this.response.setHeader('Cache-Control', 'no-store');
    // Proxies (nginx) would otherwise hold the lines back until the end.
    this.response.setHeader('X-Accel-Buffering', 'no');
    this.response.flushHeaders();
  }

  line(value: object): void {
    this.open();
    this.response.write(`${JSON.stringify(value)}\n`);
  }

  /** A progress line, unless one went out less than PROGRESS_EVERY_MS ago (`last` always goes out). */
  progress(value: object, options: { readonly last?: boolean } = {}): void {
    const now = Date.now();
    if (!options.last && this.lastProgressAt !== null && now - this.lastProgressAt < PROGRESS_EVERY_MS) return;
    this.lastProgressAt = now;
    this.line({ type: 'progress', ...value });
  }

  /**
   * Ends the stream with the line `work` answers, or with its failure: rethrown while nothing was sent (the error
   * filter answers it), otherwise the stream's last line. A client that went away gets nothing more.
   */
  async finish(work: () => Promise<object>, what: string): Promise<void> {
    try {
      this.line(await work());
    } catch (error) {
      if (!this.started) throw error;
      if (!this.closed.signal.aborted) this.line({ type: 'error', ...this.failureBody(error, what) });
    }
    this.response.end();
  }

  private failureBody(error: unknown, what: string): object {
    const refusal = refusalOf(error);
    if (refusal) return errorBody(refusal);
    this.logger.error({ err: error }, what);
    return { statusCode: 500, code: 'INTERNAL', message: '服务器内部错误 / Internal server error' };
  }
}
