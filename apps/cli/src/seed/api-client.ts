import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

/** An answer of the api that is not a success: its status and body, so a caller can tell a refusal from a fault. */
export class ApiRefusal extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path}: ${status} ${body}`);
    this.name = 'ApiRefusal';
  }
}

/** A bearer token: an access token of a logged-in account, or an api token. */
export type Bearer = string;

/** One call as the client made it: every try, and how long the caller waited in all. */
export interface ApiCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body: unknown;
  /** The status of each try; 0 where no answer came (refused, reset, dropped). */
  readonly statuses: readonly number[];
  /** How long each try took to be answered (ms). */
  readonly tryMs: readonly number[];
  readonly status: number;
  readonly waitedMs: number;
}

/**
 * How a client rides out an api, a workflow engine or a database that is briefly away: it tries again on no answer
 * and on 502/503/504 (after Retry-After when given), sending every POST with an Idempotency-Key kept across its tries,
 * so a step the api had recorded before the answer was lost is answered again, not recorded twice.
 */
export interface RetryPolicy {
  /** Gives up (the last failure is thrown) once a call has been trying this long. */
  readonly giveUpAfterMs: number;
  /** Told of every call once it ends, success or not. */
  readonly onCall?: (call: ApiCall) => void;
}

const RETRIED_STATUSES = new Set([502, 503, 504]);
const FIRST_BACKOFF_MS = 100;
const LONGEST_BACKOFF_MS = 2000;

/** A small JSON client of the running api for the CLI and the demo: each call names who makes it. */
export class ApiClient {
  /** The api's base URL ending in /api. */
  readonly base: string;

  constructor(
    api: string,
    private readonly retry?: RetryPolicy,
  ) {
    this.base = `${api.replace(/\/+$/, '').replace(/\/api$/, '')}/api`;
  }

  get<T>(path: string, as: Bearer): Promise<T> {
    return this.call<T>('GET', path, as);
  }

  post<T>(path: string, body: unknown, as: Bearer | null): Promise<T> {
    return this.call<T>('POST', path, as, body);
  }

  /** Logs in; the session's access token. */
  async login(username: string, password: string): Promise<{ accessToken: Bearer; accountId: string }> {
    const session = await this.post<{ accessToken: string; account: { id: string } }>('/auth/login', { username, password }, null);
    return { accessToken: session.accessToken, accountId: session.account.id };
  }

  /** Uploads a file to a case; the document's id (for a step's `documentIds`). */
  async upload(caseId: string, file: { readonly name: string; readonly type: string; readonly content: string }, as: Bearer): Promise<string> {
    const path = `/cases/${caseId}/documents`;
    const text = await this.send('POST', path, file.name, () => {
      const form = new FormData();
      form.append('file', new Blob([file.content], { type: file.type }), file.name);
      return { headers: { authorization: `Bearer ${as}` }, body: form };
    });
    return (JSON.parse(text) as { id: string }).id;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, as: Bearer | null, body?: unknown): Promise<T> {
    const text = await this.send(method, path, body, () => ({
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(as === null ? {} : { authorization: `Bearer ${as}` }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }));
    return JSON.parse(text) as T;
  }

  /** Sends the request (made afresh for each try) until it is answered, retrying as the policy says; the answer's text. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    described: unknown,
    request: () => { headers: Record<string, string>; body?: string | FormData },
  ): Promise<string> {
    const started = Date.now();
    const key = this.retry && method === 'POST' ? { 'idempotency-key': randomUUID() } : {};
    const statuses: number[] = [];
    const tryMs: number[] = [];
    const done = (status: number) => this.retry?.onCall?.({ method, path, body: described, statuses, tryMs, status, waitedMs: Date.now() - started });
    for (let attempt = 0; ; attempt += 1) {
      const { headers, body } = request();
      const tried = Date.now();
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await fetch(`${this.base}${path}`, { method, headers: { ...headers, ...key }, ...(body === undefined ? {} : { body }) });
      } catch (error) {
        failure = error;
      }
      const text = response ? await response.text().catch(() => undefined) : undefined;
      const status = response && text !== undefined ? response.status : 0;
      statuses.push(status);
      tryMs.push(Date.now() - tried);
      const again = this.retry && (status === 0 || RETRIED_STATUSES.has(status)) && Date.now() - started < this.retry.giveUpAfterMs;
      if (!again) {
        done(status);
        if (response && text !== undefined) {
          if (!response.ok) throw new ApiRefusal(method, path, response.status, text);
          return text;
        }
        throw failure instanceof Error ? failure : new Error(`${method} ${path}: no answer`);
      }
      const retryAfter = Number(response?.headers.get('retry-after') ?? Number.NaN);
      const backoff = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt);
      await delay(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff);
    }
  }
}
