import { serialise, type Json, type Value } from './json.js';
import type { FuzzOperation, SchemaObject } from './openapi.js';
import type { Random } from './random.js';

export interface FuzzRequest {
  /** Position in the stream: with the seed, enough to generate the same request again. */
  readonly index: number;
  /** "METHOD /template" as in the document. */
  readonly operation: string;
  readonly method: string;
  /** Path and query, percent-encoded as sent (never normalised: `..` stays). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
  /** Unset: the caller's own `Bearer <token>`; null: no header; otherwise the header, `{token}` standing for the token. */
  readonly authorization?: string | null;
  /** What was broken, in order; empty for a request left valid. */
  readonly mutations: readonly string[];
}

/** A request being built: valid at first, then broken in place. At most one of `body` and `bodyText` is set. */
export interface Draft {
  readonly operation: FuzzOperation;
  readonly validPathValues: ReadonlyMap<string, string>;
  /** Path parameters as sent: valid ones as text, broken ones already percent-encoded (after RAW_SEGMENT). */
  readonly pathValues: Map<string, string>;
  query: [string, string][];
  body: Value | undefined;
  bodyText: string | Buffer | undefined;
  contentType: string | undefined;
  readonly headers: Record<string, string>;
  method: string;
  authorization: string | null | undefined;
  /** What was broken, by target ("body.summary", "path caseId"): a later change of a target replaces the note. */
  readonly mutations: Map<string, string>;
}

/** What a mutation draws on besides the draft. */
export interface Tools {
  readonly rng: Random;
  readonly resolve: (schema: SchemaObject) => SchemaObject;
  /** A value the schema accepts, preferring the caller's known values and the document's examples. */
  validValue(schema: SchemaObject, name: string): Json;
  /** Every valid parameter value the caller knows, to send where another one belongs. */
  readonly knownValues: readonly string[];
}

/** Marks a path value or a query pair that is percent-encoded already. */
export const RAW_SEGMENT = '\u0000raw:';

/** Notes what was broken; replacing the whole body makes the notes on its fields moot. */
export function note(draft: Draft, target: string, label: string): void {
  if (target === 'body') {
    for (const key of draft.mutations.keys()) if (key.startsWith('body')) draft.mutations.delete(key);
  }
  draft.mutations.delete(target);
  draft.mutations.set(target, label);
}

/** The body as it would be sent now, if there is one. */
export function bodyTextOf(draft: Draft): string | Buffer | undefined {
  return draft.bodyText ?? (draft.body === undefined ? undefined : serialise(draft.body));
}

/** Sends `text` as the body in place of whatever there was. */
export function replaceBody(draft: Draft, text: string | Buffer): void {
  draft.body = undefined;
  draft.bodyText = text;
}

export function finish(draft: Draft, index: number): FuzzRequest {
  const path = draft.operation.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = draft.pathValues.get(name) ?? '';
    return value.startsWith(RAW_SEGMENT) ? value.slice(RAW_SEGMENT.length) : encodeURIComponent(value);
  });
  const query = draft.query.map(([name, value]) => (name === RAW_SEGMENT ? value : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)).join('&');
  const text = bodyTextOf(draft);
  const headers: Record<string, string> = { ...draft.headers };
  if (text !== undefined && draft.contentType !== undefined) headers['content-type'] = draft.contentType;
  return {
    index,
    operation: draft.operation.key,
    method: draft.method,
    path: query ? `${path}?${query}` : path,
    headers,
    body: text === undefined ? undefined : Buffer.isBuffer(text) ? text : Buffer.from(text),
    ...(draft.authorization === undefined ? {} : { authorization: draft.authorization }),
    mutations: [...draft.mutations].map(([target, label]) => `${target}: ${label}`),
  };
}

/** The first `length` characters of a text (shown through `show`), saying how long it was if it is longer. */
export function cut(text: string, length: number, show: (start: string) => string = (start) => start): string {
  const shown = show(text.slice(0, length));
  return text.length > length ? `${shown}…(${text.length} characters)` : shown;
}

/** The request as one line: method, path (cut) and what was broken. */
export function describeRequest(request: FuzzRequest): string {
  return `#${request.index} ${request.method} ${cut(request.path, 300)} [${request.mutations.join('; ') || 'valid'}]`;
}

/** The start of a body as printable text. */
export function excerpt(body: Buffer | string | undefined, length = 300): string {
  if (body === undefined) return '(none)';
  const text = typeof body === 'string' ? body : body.toString('utf8');
  return cut(text, length, (start) =>
    Array.from(start.toWellFormed(), (char) => {
      const code = char.charCodeAt(0);
      return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : char;
    }).join(''),
  );
}
