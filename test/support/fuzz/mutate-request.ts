import { bodyTextOf, cut, note, RAW_SEGMENT, replaceBody, type Draft, type Tools } from './draft.js';
import { asText, isRecord, serialise, withFirstMember, type Mutation } from './json.js';
import {
  AUTHORIZATION_WRONG,
  BODY_TEXT_WRONG,
  BOMB_BYTES,
  CONTENT_TYPES_WRONG,
  CSV_WRONG,
  ENCODERS,
  ENCODINGS_CLAIMED,
  gzipBomb,
  HEADERS_ODD,
  INVALID_UTF8,
  METHODS,
  QUERY_BRACKETS,
  QUERY_EXTRA,
  QUERY_VALUE_WRONG,
  segmentWrong,
} from './wrong-requests.js';
import { DATE_LIKE, DATE_WRONG, enumWrong, uuidWrong } from './wrong-values.js';

/** Mutations of a request other than of its JSON fields: path, query, body as a whole, headers, method. */

const encoded = (value: unknown): string => encodeURIComponent(asText(value));
const encodedValues = (mutations: readonly Mutation[]): (readonly [string, string])[] => mutations.map(([label, value]) => [label, encoded(value)] as const);

export function mutatePath({ rng, resolve, knownValues }: Tools, draft: Draft): void {
  const parameter = rng.pick(draft.operation.pathParameters);
  const valid = draft.validPathValues.get(parameter.name) ?? '';
  const resolved = resolve(parameter.schema ?? {});
  const candidates = segmentWrong(rng, valid, knownValues);
  for (const value of resolved.enum ?? []) candidates.push([`enum value ${String(value)}`, encoded(value)]);
  const [label, segment] = rng.pick(candidates);
  draft.pathValues.set(parameter.name, `${RAW_SEGMENT}${segment}`);
  note(draft, `path ${parameter.name}`, label);
}

export function mutateQuery(tools: Tools, draft: Draft): void {
  const { rng } = tools;
  const declared = draft.operation.queryParameters;
  const parameter = declared.length && rng.chance(0.75) ? rng.pick(declared) : undefined;
  if (!parameter) {
    const [label, pair] = rng.pick(QUERY_EXTRA);
    draft.query.push([RAW_SEGMENT, pair]);
    note(draft, `query extra ${draft.mutations.size}`, label);
    return;
  }
  const name = parameter.name;
  const resolved = tools.resolve(parameter.schema ?? {});
  const present = draft.query.find(([key]) => key === name);
  const current = present?.[1] ?? asText(tools.validValue(resolved, name));
  const shape = rng.weighted([
    ['value', 6],
    ['repeated', 1],
    ['bracketed', 1],
    ['missing', parameter.required ? 1 : 0.2],
  ] as const);
  draft.query = draft.query.filter(([key]) => key !== name);
  switch (shape) {
    case 'missing':
      note(draft, `query ${name}`, 'missing');
      return;
    case 'repeated':
      draft.query.push([name, current], [name, rng.pick(['2', current, 'x'])]);
      note(draft, `query ${name}`, 'repeated');
      return;
    case 'bracketed': {
      const [label, suffix] = rng.pick(QUERY_BRACKETS);
      draft.query.push([RAW_SEGMENT, `${encodeURIComponent(name)}${suffix}=${encodeURIComponent(current)}`]);
      note(draft, `query ${name}`, label);
      return;
    }
    case 'value': {
      const candidates: (readonly [string, string])[] = [...QUERY_VALUE_WRONG];
      if (resolved.enum) candidates.push(...encodedValues(enumWrong(resolved.enum)));
      if (resolved.maximum !== undefined) candidates.push(['maximum + 1', String(resolved.maximum + 1)], ['maximum', String(resolved.maximum)]);
      if (resolved.minimum !== undefined) candidates.push(['minimum - 1', String(resolved.minimum - 1)]);
      if (resolved.maxLength !== undefined) candidates.push(['maxLength + 1', 'q'.repeat(resolved.maxLength + 1)]);
      if (resolved.format === 'uuid' || /id$/i.test(name)) candidates.push(...encodedValues(uuidWrong(rng, rng.uuid())));
      if (DATE_LIKE.test(current)) candidates.push(...encodedValues(DATE_WRONG));
      const [label, value] = rng.pick(candidates);
      draft.query.push([RAW_SEGMENT, `${encodeURIComponent(name)}=${value}`]);
      note(draft, `query ${name}`, label);
      return;
    }
  }
}

/** The whole body replaced: CSV that is wrong, bytes that are not UTF-8, a duplicate key, text that is not JSON. */
export function mutateRawBody({ rng }: Tools, draft: Draft): void {
  const csv = draft.operation.body?.contentType === 'text/csv';
  if (csv && rng.chance(0.6)) {
    const [label, text] = rng.pick(CSV_WRONG);
    replaceBody(draft, text);
    note(draft, 'body', `csv: ${label}`);
    return;
  }
  if (rng.chance(0.2)) {
    const [label, bytes] = rng.pick(INVALID_UTF8);
    const current = bodyTextOf(draft);
    const text = typeof current === 'string' ? current : '{"a":"x"}';
    const at = Math.max(text.indexOf('"') + 1, 0);
    replaceBody(draft, Buffer.concat([Buffer.from(text.slice(0, at)), bytes, Buffer.from(text.slice(at))]));
    draft.contentType ??= 'application/json';
    note(draft, 'body', `invalid UTF-8 (${label})`);
    return;
  }
  if (isRecord(draft.body) && rng.chance(0.15)) {
    const [key] = Object.keys(draft.body);
    if (key !== undefined) {
      replaceBody(draft, withFirstMember(serialise(draft.body), `${JSON.stringify(key)}:12345`));
      note(draft, 'body', `duplicate key ${key}`);
      return;
    }
  }
  const [label, text] = rng.pick(BODY_TEXT_WRONG);
  replaceBody(draft, text);
  draft.contentType ??= 'application/json';
  note(draft, 'body', label);
}

export function mutateContentType(tools: Tools, draft: Draft): void {
  const { rng } = tools;
  if (rng.chance(0.3)) {
    encode(tools, draft);
    return;
  }
  const wrong = rng.pick([...CONTENT_TYPES_WRONG, 'none', ...(draft.operation.body?.contentType === 'text/csv' ? ['application/json'] : [])]);
  if (draft.body === undefined && draft.bodyText === undefined) draft.bodyText = '{}';
  draft.contentType = wrong === 'none' ? undefined : wrong;
  note(draft, 'content-type', wrong);
}

/** A content-encoding: the body really encoded, a decompression bomb, or a header the body does not match. */
function encode({ rng }: Tools, draft: Draft): void {
  const text = bodyTextOf(draft) ?? '{}';
  draft.contentType ??= 'application/json';
  const how = rng.weighted([
    ['encoded', 2],
    ['bomb', 1],
    ['not encoded', 2],
  ] as const);
  if (how === 'bomb') {
    draft.headers['content-encoding'] = 'gzip';
    replaceBody(draft, gzipBomb());
    note(draft, 'content-encoding', `gzip of ${BOMB_BYTES / 2 ** 20} MiB (a decompression bomb)`);
    return;
  }
  let encoding: string;
  let body: string | Buffer = text;
  if (how === 'encoded') {
    const [name, compress] = rng.pick(ENCODERS);
    encoding = name;
    body = compress(Buffer.from(text));
  } else {
    encoding = rng.pick(ENCODINGS_CLAIMED);
  }
  draft.headers['content-encoding'] = encoding;
  replaceBody(draft, body);
  note(draft, 'content-encoding', `${encoding} (${how})`);
}

export function mutateHeader({ rng }: Tools, draft: Draft): void {
  const [name, value] = rng.pick(HEADERS_ODD);
  draft.headers[name] = value;
  note(draft, `header ${name}`, cut(value, 40));
}

export function mutateMethod({ rng }: Tools, draft: Draft): void {
  const method = rng.pick(METHODS.filter((other) => other !== draft.operation.method));
  draft.method = method;
  note(draft, 'method', method);
}

export function mutateAuthorization({ rng }: Tools, draft: Draft): void {
  const [label, header] = rng.pick(AUTHORIZATION_WRONG);
  draft.authorization = header;
  note(draft, 'authorization', label);
}
