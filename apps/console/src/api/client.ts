import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from '../session/session';

export type Schemas = components['schemas'];

/** A refusal from the api: its code, its reason in both languages, and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly fields: readonly { field: string; messages: string[] }[],
  ) {
    super(messageZh || messageEn || `HTTP ${String(status)}`);
  }

  /** Outside the caller's scope or absent: the api answers both alike (404), and so does the console. */
  get hidden(): boolean {
    return this.status === 404 || this.status === 403;
  }
}

interface ErrorBody {
  code?: string;
  messageZh?: string;
  messageEn?: string;
  errors?: { field: string; messages: string[] }[];
}

export function apiErrorOf(status: number, body: unknown): ApiError {
  const answer = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const fallback = status >= 500 || status === 0 ? '服务暂不可用，请稍后重试' : '请求未被接受';
  return new ApiError(status, answer.code ?? `HTTP_${String(status)}`, answer.messageZh ?? fallback, answer.messageEn ?? '', answer.errors ?? []);
}

/** Every api call of the console: the access token from memory, one refresh when it has expired. */
export const api = createClient<paths>({ baseUrl: '', fetch: (request) => session.fetch(request) });

/** The data of an api answer, or its refusal thrown as an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw apiErrorOf(response.status, error);
  return data;
}
