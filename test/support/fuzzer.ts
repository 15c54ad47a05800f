import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/**
 * A seeded generator of malformed HTTP requests for every operation of an OpenAPI 3.0 document.
 *
 * Pure: the document, the valid values the caller knows (ids made in set-up) and a seed give the same requests
 * every time, so a failure is reproduced by its seed and index. Each request starts from a valid one (path,
 * query and body built from the schema and the known values) and breaks one to three things, so that most get
 * past the outer checks and reach the code behind them.
 */

export interface SchemaObject {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly nullable?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: SchemaObject;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly allOf?: readonly SchemaObject[];
}

export interface ParameterObject {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: SchemaObject;
}

export interface OperationObject {
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: { readonly required?: boolean; readonly content: Readonly<Record<string, { readonly schema?: SchemaObject }>> };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, SchemaObject>> };
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Valid values the schema cannot know: ids made in set-up, passwords, whole bodies. */
export interface FuzzContext {
  /** Valid values of path and query parameters by name; one is picked per request. */
  readonly parameters: Readonly<Record<string, readonly string[]>>;
  /** Per operation ("POST /api/cases/{caseId}/withdrawal"), parameter values that replace `parameters`. */
  readonly operationParameters?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** Valid values of body properties by property name. */
  readonly fields?: Readonly<Record<string, readonly Json[]>>;
  /** Valid bodies by operation (JSON values, or the text of a non-JSON body). */
  readonly bodies?: Readonly<Record<string, readonly Json[]>>;
}

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

export interface FuzzOperation {
  readonly key: string;
  readonly method: string;
  readonly template: string;
  readonly pathParameters: readonly ParameterObject[];
  readonly queryParameters: readonly ParameterObject[];
  readonly body: { readonly contentType: string; readonly schema: SchemaObject } | null;
}

/** Every operation of the document, with the path parameters its template really has. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const content = Object.entries(operation.requestBody?.content ?? {})[0];
      return {
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        pathParameters: parameters.filter((parameter) => parameter.in === 'path' && template.includes(`{${parameter.name}}`)),
        queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
        body: content ? { contentType: content[0], schema: content[1].schema ?? {} } : null,
      };
    }),
  );
}

/** JSON text spliced into a body as it is: numbers JSON.stringify cannot write (1e309, -0), escapes, nesting. */
class RawJson {
  constructor(readonly text: string) {}
}

type Value = null | boolean | number | string | RawJson | Value[] | { [key: string]: Value };
type Mutation = readonly [label: string, value: Value];

/** mulberry32: small, fast and good enough to pick mutations. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let roll = this.next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [choice, weight] of choices) {
      roll -= weight;
      if (roll < 0) return choice;
    }
    return this.pick(choices)[0];
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16));
    hex[12] = '4';
    hex[16] = this.pick(['8', '9', 'a', 'b']);
    const text = hex.join('');
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }
}

/** A 32-bit seed for one stream of requests from the run's seed and a name (the caller's role). */
export function streamSeed(seed: number, name: string): number {
  let hash = seed >>> 0;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x9e3779b1) >>> 0;
  return hash;
}

const DEEP = 5_000;
const nestedArrays = (depth: number, inner = '1'): string => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const nestedObjects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** Values wrong for any field. */
const ANY_WRONG: readonly Mutation[] = [
  ['null', null],
  ['true', true],
  ['0', 0],
  ['-1', -1],
  ['empty string', ''],
  ['a string', 'fuzz'],
  ['empty array', []],
  ['empty object', {}],
  ['1e309', new RawJson('1e309')],
  ['-1e309', new RawJson('-1e309')],
  ['-0', new RawJson('-0')],
  ['"NaN"', 'NaN'],
  ['NUL character', '\u0000'],
  ['lone surrogate', new RawJson('"\\ud800"')],
  [`${DEEP} nested arrays`, new RawJson(nestedArrays(DEEP))],
  [`${DEEP} nested objects`, new RawJson(nestedObjects(DEEP))],
  ['9 nested arrays', new RawJson(nestedArrays(9))],
  ['11 nested arrays', new RawJson(nestedArrays(11))],
  ['__proto__ object', new RawJson('{"__proto__":{"polluted":true}}')],
  ['constructor.prototype object', new RawJson('{"constructor":{"prototype":{"polluted":true}}}')],
];

const STRING_WRONG: readonly Mutation[] = [
  ['blank', ' '],
  ['whitespace', '\t\r\n'],
  ['100,000 characters', 'x'.repeat(100_000)],
  ['unicode', '清廉😀\u202e\u200b\ufeff'],
  ['control characters', '\u0001\u0007\u001b[31m\u007f'],
  ['embedded NUL', 'a\u0000b'],
  ['embedded lone low surrogate', new RawJson('"a\\udc00b"')],
  ['SQL', "' OR '1'='1' --"],
  ['SQL statement', '1; DROP TABLE case_event; --'],
  ['path traversal', '../../../etc/passwd'],
  ['percent escapes', '%00%ED%A0%80%'],
  ['markup', '<script>alert(1)</script>'],
  ['template', '${jndi:ldap://127.0.0.1/x}{{7*7}}'],
  ['"__proto__"', '__proto__'],
  ['"constructor"', 'constructor'],
  ['"toString"', 'toString'],
  ['"1e309"', '1e309'],
  ['"-0"', '-0'],
  ['"Infinity"', 'Infinity'],
  ['"null"', 'null'],
  ['"{}"', '{}'],
  ['number', 12345],
  ['boolean', false],
  ['array of strings', ['a', 'b']],
];

const UUID_WRONG = (rng: Random, valid: string): Mutation[] => [
  ['not a uuid', 'not-a-uuid'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['max uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  ['upper-case uuid', valid.toUpperCase()],
  ['uuid without dashes', valid.replaceAll('-', '')],
  ['uuid with a character more', `${valid}a`],
  ['uuid a character short', valid.slice(0, -1)],
  ['uuid in braces', `{${valid}}`],
  ['unknown uuid', rng.uuid()],
  ['uuid with non-hex', `${valid.slice(0, -1)}g`],
];

const DATE_WRONG: readonly Mutation[] = [
  ['30 February', '2019-02-30'],
  ['29 February of a common year', '2019-02-29'],
  ['month 13', '2019-13-01'],
  ['day 0', '2019-06-00'],
  ['year 0', '0000-01-01'],
  ['year 9999', '9999-12-31'],
  ['year 1900', '1900-01-01'],
  ['year 2100', '2100-12-31'],
  ['first day before the calendar', '2003-12-31'],
  ['first day after the calendar', '2028-01-01'],
  ['no zero padding', '2019-1-1'],
  ['no dashes', '20191231'],
  ['expanded year', '+275760-09-13'],
  ['negative year', '-000001-01-01'],
  ['hour 25', '2019-06-30T25:61:61Z'],
  ['offset +99:99', '2019-06-30T16:00:00+99:99'],
  ['ten fraction digits', '2019-06-30T16:00:00.1234567890Z'],
  ['date and garbage', '2019-06-30garbage'],
];

const EMAIL_WRONG: readonly Mutation[] = [
  ['not an email', 'not-an-email'],
  ['no domain dot', 'a@b'],
  ['over-long local part', `${'x'.repeat(300)}@example.com`],
  ['quoted local part', '"quoted name"@example.com'],
  ['address literal', 'a@[127.0.0.1]'],
  ['unicode address', '清廉@例子.中国'],
];

const URL_WRONG: readonly Mutation[] = [
  ['loopback url', 'http://127.0.0.1:1/'],
  ['file url', 'file:///etc/passwd'],
  ['url with credentials', 'https://user:pass@oapi.dingtalk.com/robot/send'],
  ['url with fragment', 'https://oapi.dingtalk.com/robot/send#fragment'],
  ['javascript url', 'javascript:alert(1)'],
  ['ipv6 url', 'https://[::1]/'],
  ['port out of range', 'https://oapi.dingtalk.com:99999/'],
  ['over-long host', `https://${'a'.repeat(300)}.com/`],
  ['bad percent escape', 'http://%zz/'],
];

const NUMBER_WRONG = (schema: SchemaObject): Mutation[] => [
  ['"1" (a string)', '1'],
  ['1.5', 1.5],
  ['-1', -1],
  ['0', 0],
  ['2^53 + 1', new RawJson('9007199254740993')],
  ['-2^63', -(2 ** 63)],
  ['1e-320', new RawJson('1e-320')],
  ['1e21', 1e21],
  ['2^31', 2 ** 31],
  ['2^62', new RawJson('4611686018427387904')],
  ['1e20', 1e20],
  ['30 digits', new RawJson('123456789012345678901234567890')],
  ['1.0', new RawJson('1.0')],
  ['1E2', new RawJson('1E2')],
  ...(schema.maximum === undefined ? [] : ([['maximum + 1', schema.maximum + 1], ['maximum + 0.5', schema.maximum + 0.5], ['maximum', schema.maximum]] as const)),
  ...(schema.minimum === undefined ? [] : ([['minimum - 1', schema.minimum - 1], ['minimum - 0.5', schema.minimum - 0.5], ['minimum', schema.minimum]] as const)),
];

const BOOLEAN_WRONG: readonly Mutation[] = [
  ['"true" (a string)', 'true'],
  ['1', 1],
  ['"yes"', 'yes'],
];

function enumWrong(values: readonly unknown[]): Mutation[] {
  const first = asText(values[0] ?? '');
  return [
    ...values.map((value) => [`other enum value ${asText(value)}`, value as Json] as const),
    ['unknown enum value', 'unknown-value'],
    ['enum value in upper case', first.toUpperCase()],
    ['enum value with a space', `${first} `],
    ['enum value prefix', first.slice(0, -1)],
    ['"__proto__" as enum value', '__proto__'],
    ['"constructor" as enum value', 'constructor'],
    ['"hasOwnProperty" as enum value', 'hasOwnProperty'],
    ['number as enum value', 0],
  ];
}

/** Percent-encoded path segments that are wrong for any parameter. */
const SEGMENT_WRONG: readonly (readonly [string, string])[] = [
  ['empty', ''],
  ['NUL', '%00'],
  ['control characters', '%01%1F%7F'],
  ['CRLF', '%0D%0A'],
  ['tab', '%09'],
  ['space', '%20'],
  ['300 characters', 'a'.repeat(300)],
  ['5,000 characters', 'a'.repeat(5_000)],
  ['unicode', encodeURIComponent('清廉村😀')],
  ['lone high surrogate', '%ED%A0%80'],
  ['lone low surrogate', '%ED%B0%80'],
  ['overlong UTF-8 dot', '%C0%AE'],
  ['byte FF', '%FF'],
  ['truncated UTF-8', '%E0%A4'],
  ['bare percent', '%'],
  ['bad percent escape', '%zz'],
  ['..', '..'],
  ['.', '.'],
  ['encoded ..', '%2E%2E'],
  ['encoded ../..', '..%2F..%2F'],
  ['encoded slash', 'a%2Fb'],
  ['backslash', '%5C'],
  ['SQL', encodeURIComponent("' OR '1'='1")],
  ['SQL statement', encodeURIComponent('1; DROP TABLE case_event;--')],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['toString', 'toString'],
  ['hasOwnProperty', 'hasOwnProperty'],
  ['null', 'null'],
  ['undefined', 'undefined'],
  ['NaN', 'NaN'],
  ['-1', '-1'],
  ['1e309', '1e309'],
  ['[]', '%5B%5D'],
  ['{}', '%7B%7D'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['case id of dashes', `case:${'-'.repeat(36)}:${'-'.repeat(36)}`],
  ['case id of f', `case:${'f'.repeat(36)}:${'f'.repeat(36)}`],
  ['case id without parts', 'case::'],
];

function segmentWrong(rng: Random, valid: string, others: readonly string[]): (readonly [string, string])[] {
  return [
    ...SEGMENT_WRONG,
    ['valid then NUL', `${encodeURIComponent(valid)}%00`],
    ['valid then lone surrogate', `${encodeURIComponent(valid)}%ED%A0%80`],
    ['valid in upper case', encodeURIComponent(valid.toUpperCase())],
    ['valid a character short', encodeURIComponent(valid.slice(0, -1))],
    ['valid and more', encodeURIComponent(`${valid}x`)],
    ['valid encoded twice', encodeURIComponent(encodeURIComponent(valid))],
    ['valid with a leading space', `%20${encodeURIComponent(valid)}`],
    ['unknown uuid', rng.uuid()],
    ['unknown case id', `case:${rng.uuid()}:${rng.uuid()}`],
    ['upper-case unknown case id', `case:${rng.uuid()}:${rng.uuid()}`.toUpperCase()],
    ['another parameter’s value', encodeURIComponent(others.length ? rng.pick(others) : 'x')],
  ];
}

/** Percent-encoded query values that are wrong for any parameter. */
const QUERY_VALUE_WRONG: readonly (readonly [string, string])[] = [
  ['empty', ''],
  ['NUL', '%00'],
  ['lone surrogate', '%ED%A0%80'],
  ['bare percent', '%'],
  ['bad percent escape', '%zz'],
  ['truncated UTF-8', '%E0%A4'],
  ['word', 'abc'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['-Infinity', '-Infinity'],
  ['1e309', '1e309'],
  ['-0', '-0'],
  ['-1', '-1'],
  ['0', '0'],
  ['1.5', '1.5'],
  ['hex', '0x10'],
  ['underscored number', '1_000'],
  ['padded number', '%201'],
  ['400 digits', '9'.repeat(400)],
  ['1e20', '1e20'],
  ['10^20 in digits', '100000000000000000000'],
  ['2^53 + 1', '9007199254740993'],
  ['2^62', '4611686018427387904'],
  ['-2^63 - 1', '-9223372036854775809'],
  ['10,000 characters', 'a'.repeat(10_000)],
  ['true', 'true'],
  ['null', 'null'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['unicode', encodeURIComponent('清廉😀')],
  ['SQL', encodeURIComponent("' OR 1=1 --")],
  ['like wildcards', encodeURIComponent('%_\\')],
  ['plus signs', '+++'],
];

/** Bodies that are not JSON at all, or JSON no request body of the api is. */
const BODY_TEXT_WRONG: readonly (readonly [string, string])[] = [
  ['unterminated object', '{'],
  ['missing value', '{"a":}'],
  ['unterminated array', '[1,2'],
  ['misspelt literal', 'nul'],
  ['trailing comma', '{"a":1,}'],
  ['single quotes', "{'a':1}"],
  ['NUL', '\u0000'],
  ['empty', ''],
  ['blank', '  \n'],
  ['undefined', 'undefined'],
  ['NaN', 'NaN'],
  ['two documents', '{"a":1}{"b":2}'],
  ['byte-order mark', '\ufeff{}'],
  ['truncated escape', '{"a":"\\u00"}'],
  ['\\x escape', '{"a":"\\x41"}'],
  ['null', 'null'],
  ['array', '[]'],
  ['array of an object', '[{}]'],
  ['string', '"text"'],
  ['number', '123'],
  ['true', 'true'],
  ['1e309', '1e309'],
  ['lone surrogate string', '"\\ud800"'],
  [`${DEEP} nested arrays`, nestedArrays(DEEP)],
  [`${DEEP} nested objects`, nestedObjects(DEEP)],
  ['50,000 nested arrays', nestedArrays(50_000)],
  ['__proto__ key', '{"__proto__":{"polluted":true}}'],
  ['1,000 keys', `{${Array.from({ length: 1_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`],
  ['more than the body limit', `{"a":"${'x'.repeat(1_100_000)}"}`],
];

const CONTENT_TYPES_WRONG: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'text/csv',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=no-such-charset',
  'application/merge-patch+json',
  'application/json, text/plain',
  'APPLICATION/JSON',
  'application/octet-stream',
  '*/*',
];

const CSV_WRONG: readonly (readonly [string, string])[] = [
  ['unclosed quote', 'name,category,ownership\n"先行集团,enterprise,private\n'],
  ['header only', 'name,category,ownership\n'],
  ['no header', '先行集团,enterprise,private\n'],
  ['unknown column', 'name,category,ownership,extra\n先行集团,enterprise,private,1\n'],
  ['missing column', 'name\n先行集团\n'],
  ['duplicate header', 'name,name,category\na,b,village\n'],
  ['too many fields', 'name,category,ownership\na,village,,x,y,z\n'],
  ['semicolons', 'name;category;ownership\na;village;\n'],
  ['CR line endings', 'name,category,ownership\r尚仁村,village,\r'],
  ['byte-order mark', '\ufeffname,category,ownership\n尚仁村,village,\n'],
  ['NUL in a field', 'name,category,ownership\n尚\u0000仁村,village,\n'],
  ['unknown category', 'name,category,ownership\n尚仁村,castle,\n'],
  ['ownership of a village', 'name,category,ownership\n尚仁村,village,private\n'],
  ['empty name', 'name,category,ownership\n,village,\n'],
  ['formula', 'name,category,ownership\n=cmd|\'/c calc\'!A1,village,\n'],
  ['quoted newline', 'name,category,ownership\n"尚仁\n村",village,\n'],
  ['3,000 rows', `name,category,ownership\n${Array.from({ length: 3_000 }, (_, i) => `村${i},village,`).join('\n')}\n`],
  ['a 100,000-character field', `name,category,ownership\n${'村'.repeat(100_000)},village,\n`],
  ['blank lines', '\n\n\n'],
  ['JSON instead', '{"units":[]}'],
];

const BOMB_BYTES = 32 * 2 ** 20;
let bomb: Buffer | undefined;

/** A JSON body of BOMB_BYTES that gzips to a few tens of kilobytes (made once). */
function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.concat([Buffer.from('{"a":"'), Buffer.alloc(BOMB_BYTES, 'x'), Buffer.from('"}')]), { level: 9 });
  return bomb;
}

/** Bytes that are not UTF-8, put into the first string of a body. */
const INVALID_UTF8: readonly (readonly [string, Buffer])[] = [
  ['byte FF', Buffer.from([0xff])],
  ['truncated sequence', Buffer.from([0xc3])],
  ['encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
  ['overlong slash', Buffer.from([0xc0, 0xaf])],
];

/** Headers no client of the api sends, or sends like this. */
const HEADERS_ODD: readonly (readonly [string, string])[] = [
  ['x-request-id', 'r'.repeat(101)],
  ['x-request-id', '../../etc/passwd'],
  ['x-request-id', '%00'],
  ['accept', 'application/xml'],
  ['accept', 'text/csv;q=1e309'],
  ['accept-encoding', 'gzip;q=NaN, br;q=-1'],
  ['origin', 'https://evil.example'],
  ['x-forwarded-for', '1.2.3.4, 5.6.7.8'],
  ['x-forwarded-for', 'not an address'],
  ['host', 'evil.example'],
  ['expect', '100-continue'],
  ['if-none-match', '*'],
  ['range', 'bytes=0-1,-1'],
  ['cookie', 'a=1; '.repeat(1_000)],
];

/** Methods to send in place of the operation's own. */
const METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const AUTHORIZATION_WRONG: readonly (readonly [string, string | null])[] = [
  ['no authorization', null],
  ['bare Bearer', 'Bearer'],
  ['empty bearer token', 'Bearer '],
  ['lower-case scheme', 'bearer {token}'],
  ['two spaces', 'Bearer  {token}'],
  ['trailing space', 'Bearer {token} '],
  ['token and more', 'Bearer {token}x'],
  ['token cut short', 'Bearer {token}!cut'],
  ['basic credentials', 'Basic b2ZmaWNlLmFkbWluOnBhc3N3b3Jk'],
  ['unknown api token', `Bearer qlt_${'A'.repeat(43)}`],
  ['unknown refresh token', `Bearer qlr_${'A'.repeat(43)}`],
  ['unsigned JWT', 'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluaXN0cmF0b3IifQ.'],
  ['JWT with a wrong signature', 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluaXN0cmF0b3IifQ.c2lnbmF0dXJl'],
  ['malformed JWT', 'Bearer a.b.c.d.e'],
  ['3,000-character token', `Bearer ${'x'.repeat(3_000)}`],
];

/** A parameter's text: strings as they are, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

function isRecord(value: Value | undefined): value is Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawJson);
}

function serialise(value: Value): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${serialise(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

type Step = string | number;

interface Slot {
  readonly path: readonly Step[];
  readonly name: string;
  readonly schema: SchemaObject;
  readonly present: boolean;
}

interface Draft {
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

type Category = 'path' | 'query' | 'body' | 'raw-body' | 'content-type' | 'authorization' | 'header' | 'method';
const ORDER: readonly Category[] = ['path', 'query', 'body', 'raw-body', 'content-type', 'authorization', 'header', 'method'];
/** Marks a path value or a query pair that is percent-encoded already. */
const RAW_SEGMENT = '\u0000raw:';
const ONCE: readonly Category[] = ['raw-body', 'content-type', 'authorization', 'method'];

/** Requests for a whole run: every operation in turn (shuffled each round), `count` in all. */
export function* generateRequests(document: OpenApiDocument, context: FuzzContext, options: { seed: number; count: number }): Generator<FuzzRequest> {
  const generator = new RequestGenerator(document, context, options.seed);
  const operations = operationsOf(document);
  let round: FuzzOperation[] = [];
  for (let index = 0; index < options.count; index += 1) {
    if (round.length === 0) round = generator.shuffled(operations);
    const operation = round.pop();
    if (operation) yield generator.request(operation, index);
  }
}

class RequestGenerator {
  private readonly rng: Random;
  private readonly schemas: Readonly<Record<string, SchemaObject>>;
  private readonly knownValues: readonly string[];

  constructor(
    document: OpenApiDocument,
    private readonly context: FuzzContext,
    seed: number,
  ) {
    this.rng = new Random(seed);
    this.schemas = document.components?.schemas ?? {};
    this.knownValues = [...new Set(Object.values(context.parameters).flat())];
  }

  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.rng.int(i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  request(operation: FuzzOperation, index: number): FuzzRequest {
    const draft = this.validDraft(operation);
    if (!this.rng.chance(0.04)) {
      const count = this.rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const);
      const categories: Category[] = [];
      for (let i = 0; i < count; i += 1) {
        const category = this.category(operation);
        if (ONCE.includes(category) && categories.includes(category)) continue;
        categories.push(category);
      }
      // Field changes first, so that a change of the whole body (or of how it is sent) comes last and shows.
      categories.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
      for (const category of categories) this.mutate(draft, category);
    }
    return this.finish(draft, index);
  }

  private category(operation: FuzzOperation): Category {
    const choices: [Category, number][] = [
      ['query', operation.queryParameters.length ? 2.5 : 1],
      ['raw-body', operation.body ? 1.5 : 0.7],
      ['content-type', operation.body ? 1 : 0.2],
      ['authorization', 0.3],
      ['header', 0.3],
      ['method', 0.2],
    ];
    if (operation.pathParameters.length) choices.push(['path', 3]);
    if (operation.body) choices.push(['body', 6]);
    return this.rng.weighted(choices);
  }

  private parameterValues(operation: FuzzOperation, name: string): readonly string[] | undefined {
    return this.context.operationParameters?.[operation.key]?.[name] ?? this.context.parameters[name];
  }

  private validDraft(operation: FuzzOperation): Draft {
    const pathValues = new Map<string, string>();
    for (const parameter of operation.pathParameters) {
      const known = this.parameterValues(operation, parameter.name);
      const value = known?.length ? this.rng.pick(known) : asText(this.validValue(parameter.schema ?? {}, parameter.name));
      pathValues.set(parameter.name, value);
    }
    const query: [string, string][] = [];
    for (const parameter of operation.queryParameters) {
      if (!parameter.required && this.rng.chance(0.5)) continue;
      const known = this.parameterValues(operation, parameter.name);
      const value = known?.length ? this.rng.pick(known) : this.validValue(parameter.schema ?? {}, parameter.name);
      query.push([parameter.name, asText(value)]);
    }
    let body: Value | undefined;
    let bodyText: string | undefined;
    if (operation.body) {
      const known = this.context.bodies?.[operation.key];
      const valid = known?.length ? clone(this.rng.pick(known)) : this.validValue(operation.body.schema, '');
      if (operation.body.contentType.includes('json')) body = valid;
      else bodyText = typeof valid === 'string' ? valid : JSON.stringify(valid);
    }
    return { operation, validPathValues: new Map(pathValues), pathValues, query, body, bodyText, contentType: operation.body?.contentType, headers: {}, method: operation.method, authorization: undefined, mutations: new Map() };
  }

  private resolve(schema: SchemaObject): SchemaObject {
    let resolved = schema;
    for (let hops = 0; hops < 20; hops += 1) {
      if (resolved.$ref) {
        const { $ref, ...rest } = resolved;
        resolved = { ...rest, ...this.schemas[$ref.replace('#/components/schemas/', '')] };
      } else if (resolved.allOf?.length) {
        const { allOf, ...rest } = resolved;
        resolved = allOf.reduce<SchemaObject>((merged, part) => ({ ...merged, ...this.resolve(part) }), rest);
      } else {
        return resolved;
      }
    }
    return resolved;
  }

  /** A value the schema accepts, preferring the caller's known values and the document's examples. */
  private validValue(schema: SchemaObject, name: string, depth = 0): Json {
    const known = this.context.fields?.[name];
    if (known?.length) return clone(this.rng.pick(known));
    const resolved = this.resolve(schema);
    if (resolved.enum?.length) return this.rng.pick(resolved.enum) as Json;
    if (resolved.example !== undefined && !(typeof resolved.example === 'string' && resolved.example.includes('…'))) return clone(resolved.example as Json);
    const type = resolved.type ?? (resolved.properties ? 'object' : 'string');
    switch (type) {
      case 'number':
      case 'integer': {
        const minimum = resolved.minimum ?? 1;
        const maximum = resolved.maximum ?? Math.max(minimum, 100);
        return minimum + this.rng.int(Math.min(maximum - minimum, 1_000) + 1);
      }
      case 'boolean':
        return this.rng.chance(0.5);
      case 'array': {
        const items = resolved.items ?? { type: 'string' };
        return Array.from({ length: Math.max(resolved.minItems ?? 1, 1) }, () => this.validValue(items, name, depth + 1));
      }
      case 'object': {
        const result: Record<string, Json> = {};
        if (depth > 5) return result;
        const required = new Set(resolved.required ?? []);
        for (const [key, property] of Object.entries(resolved.properties ?? {})) {
          if (required.has(key) || this.rng.chance(0.5)) result[key] = this.validValue(property, key, depth + 1);
        }
        return result;
      }
      default:
        return this.validString(resolved, name);
    }
  }

  private validString(schema: SchemaObject, name: string): string {
    switch (schema.format) {
      case 'uuid':
        return this.rng.uuid();
      case 'date-time':
        return '2019-06-30T16:00:00Z';
      case 'email':
        return 'fuzz@example.com';
      case 'password':
        return 'a long passphrase for the fuzzer';
      default: {
        const text = `fuzz ${name} 清廉 ${this.rng.int(1_000_000)}`;
        return text.slice(0, schema.maxLength ?? text.length).padEnd(schema.minLength ?? 0, 'x');
      }
    }
  }

  private mutate(draft: Draft, category: Category): void {
    switch (category) {
      case 'path':
        this.mutatePath(draft);
        return;
      case 'query':
        this.mutateQuery(draft);
        return;
      case 'body':
        this.mutateBody(draft);
        return;
      case 'raw-body':
        this.mutateRawBody(draft);
        return;
      case 'content-type':
        this.mutateContentType(draft);
        return;
      case 'header': {
        const [name, value] = this.rng.pick(HEADERS_ODD);
        draft.headers[name] = value;
        note(draft, `header ${name}`, value.length > 40 ? `${value.slice(0, 40)}…(${value.length} characters)` : value);
        return;
      }
      case 'method': {
        const method = this.rng.pick(METHODS.filter((other) => other !== draft.operation.method));
        draft.method = method;
        note(draft, 'method', method);
        return;
      }
      case 'authorization': {
        const [label, header] = this.rng.pick(AUTHORIZATION_WRONG);
        draft.authorization = header;
        note(draft, 'authorization', label);
        return;
      }
    }
  }

  private mutatePath(draft: Draft): void {
    const parameter = this.rng.pick(draft.operation.pathParameters);
    const valid = draft.validPathValues.get(parameter.name) ?? '';
    const resolved = this.resolve(parameter.schema ?? {});
    const candidates = segmentWrong(this.rng, valid, this.knownValues);
    for (const value of resolved.enum ?? []) candidates.push([`enum value ${String(value)}`, encodeURIComponent(asText(value))]);
    const [label, segment] = this.rng.pick(candidates);
    draft.pathValues.set(parameter.name, `${RAW_SEGMENT}${segment}`);
    note(draft, `path ${parameter.name}`, label);
  }

  private mutateQuery(draft: Draft): void {
    const declared = draft.operation.queryParameters;
    const parameter = declared.length && this.rng.chance(0.75) ? this.rng.pick(declared) : undefined;
    if (!parameter) {
      const [label, pair] = this.rng.pick([
        ['unknown parameter', 'unknownParameter=1'],
        ['1,000-character name', `${'a'.repeat(1_000)}=1`],
        ['NUL name', '%00=1'],
        ['empty name', '=1'],
        ['only separators', '&&&=&'],
        ['__proto__ parameter', '__proto__%5Bpolluted%5D=1'],
        ['constructor parameter', 'constructor%5Bprototype%5D%5Bpolluted%5D=1'],
        ['1,100 parameters', Array.from({ length: 1_100 }, (_, i) => `p${i}=1`).join('&')],
      ] as const);
      draft.query.push([RAW_SEGMENT, pair]);
      note(draft, `query extra ${draft.mutations.size}`, label);
      return;
    }
    const name = parameter.name;
    const resolved = this.resolve(parameter.schema ?? {});
    const present = draft.query.find(([key]) => key === name);
    const current = present?.[1] ?? asText(this.validValue(resolved, name));
    const shape = this.rng.weighted([
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
        draft.query.push([name, current], [name, this.rng.pick(['2', current, 'x'])]);
        note(draft, `query ${name}`, 'repeated');
        return;
      case 'bracketed': {
        const [label, suffix] = this.rng.pick([
          ['as array', '%5B%5D'],
          ['indexed', '%5B0%5D'],
          ['as object', '%5Ba%5D'],
          ['__proto__ key', '%5B__proto__%5D'],
        ] as const);
        draft.query.push([RAW_SEGMENT, `${encodeURIComponent(name)}${suffix}=${encodeURIComponent(current)}`]);
        note(draft, `query ${name}`, label);
        return;
      }
      case 'value': {
        const candidates: (readonly [string, string])[] = [...QUERY_VALUE_WRONG];
        if (resolved.enum) candidates.push(...enumWrong(resolved.enum).map(([label, value]) => [label, encodeURIComponent(asText(value))] as const));
        if (resolved.maximum !== undefined) candidates.push(['maximum + 1', String(resolved.maximum + 1)], ['maximum', String(resolved.maximum)]);
        if (resolved.minimum !== undefined) candidates.push(['minimum - 1', String(resolved.minimum - 1)]);
        if (resolved.maxLength !== undefined) candidates.push(['maxLength + 1', 'q'.repeat(resolved.maxLength + 1)]);
        if (resolved.format === 'uuid' || /id$/i.test(name)) candidates.push(...UUID_WRONG(this.rng, this.rng.uuid()).map(([label, value]) => [label, encodeURIComponent(asText(value))] as const));
        if (DATE_LIKE.test(current)) candidates.push(...DATE_WRONG.map(([label, value]) => [label, encodeURIComponent(asText(value))] as const));
        const [label, value] = this.rng.pick(candidates);
        draft.query.push([RAW_SEGMENT, `${encodeURIComponent(name)}=${value}`]);
        note(draft, `query ${name}`, label);
        return;
      }
    }
  }

  private slots(value: Value, schema: SchemaObject, path: readonly Step[], name: string, into: Slot[]): Slot[] {
    into.push({ path, name, schema, present: true });
    const resolved = this.resolve(schema);
    if (Array.isArray(value)) {
      value.slice(0, 3).forEach((item, index) => this.slots(item, resolved.items ?? {}, [...path, index], name, into));
    } else if (isRecord(value) && resolved.properties) {
      for (const [key, property] of Object.entries(resolved.properties)) {
        const child = value[key];
        if (child === undefined) into.push({ path: [...path, key], name: key, schema: property, present: false });
        else this.slots(child, property, [...path, key], key, into);
      }
    } else if (isRecord(value)) {
      // A free-form object (targets per category, framework versions): its entries are typed by their values.
      for (const [key, child] of Object.entries(value)) this.slots(child, schemaOf(child), [...path, key], key, into);
    }
    return into;
  }

  private mutateBody(draft: Draft): void {
    if (draft.body === undefined || !draft.operation.body) {
      this.mutateRawBody(draft);
      return;
    }
    const slot = this.rng.pick(this.slots(draft.body, draft.operation.body.schema, [], 'body', []));
    const where = slot.path.length ? `body.${slot.path.join('.')}` : 'body';
    const current = slot.present ? valueAt(draft.body, slot.path) : undefined;
    const action = this.rng.weighted([
      ['replace', 7],
      ['remove', slot.present && slot.path.length ? 1.5 : 0],
      ['unknown field', isRecord(current) ? 1 : 0],
      ['valid', slot.present ? 0 : 1],
    ] as const);
    switch (action) {
      case 'remove':
        draft.body = removeAt(draft.body, slot.path);
        note(draft, where, 'removed');
        return;
      case 'unknown field': {
        const [label, key, value] = this.rng.pick([
          ['unknown field', 'unknownField', 1],
          ['empty field name', '', 1],
          ['field name with NUL', '\u0000', 1],
          ['__proto__ field', '__proto__', { polluted: true }],
          ['constructor field', 'constructor', { prototype: { polluted: true } }],
          ['hasOwnProperty field', 'hasOwnProperty', 1],
        ] as const);
        const text = serialise(current ?? {});
        const member = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
        draft.body = setAt(draft.body, slot.path, new RawJson(text === '{}' ? `{${member}}` : `{${member},${text.slice(1)}`));
        note(draft, `${where} extra field`, label);
        return;
      }
      case 'valid':
        draft.body = setAt(draft.body, slot.path, this.validValue(slot.schema, slot.name));
        note(draft, where, 'optional field added');
        return;
      case 'replace': {
        const [label, value] = this.rng.pick(this.wrongValues(slot, current));
        draft.body = setAt(draft.body, slot.path, value);
        note(draft, where, label);
        return;
      }
    }
  }

  /** Wrong values for a field, mostly from its own type, format and bounds. */
  private wrongValues(slot: Slot, current: Value | undefined): readonly Mutation[] {
    if (this.rng.chance(0.3)) return ANY_WRONG;
    const schema = this.resolve(slot.schema);
    if (schema.enum?.length) return enumWrong(schema.enum);
    const type = schema.type ?? (schema.properties ? 'object' : 'string');
    const example = typeof current === 'string' ? current : typeof schema.example === 'string' ? schema.example : '';
    switch (type) {
      case 'string': {
        const own: Mutation[] = [...STRING_WRONG];
        if (schema.maxLength !== undefined) {
          own.push(['maxLength + 1 characters', 'x'.repeat(schema.maxLength + 1)], ['maxLength CJK characters', '清'.repeat(schema.maxLength)], ['maxLength + 1 astral characters', '😀'.repeat(schema.maxLength + 1)]);
        }
        if (schema.format === 'uuid' || /ids?$/i.test(slot.name)) own.push(...UUID_WRONG(this.rng, typeof current === 'string' && current.length === 36 ? current : this.rng.uuid()));
        if (schema.format === 'uuid' || /ids?$/i.test(slot.name)) own.push(['another known id', this.knownValues.length ? this.rng.pick(this.knownValues) : 'x']);
        if (schema.format === 'email') own.push(...EMAIL_WRONG);
        if (/url/i.test(slot.name)) own.push(...URL_WRONG);
        if (DATE_LIKE.test(example) || schema.format === 'date-time') own.push(...DATE_WRONG);
        if (typeof current === 'string' && current) own.push(['padded value', ` ${current} `], ['value in upper case', current.toUpperCase()], ['value and a newline', `${current}\n`]);
        return own;
      }
      case 'number':
      case 'integer':
        return NUMBER_WRONG(schema);
      case 'boolean':
        return BOOLEAN_WRONG;
      case 'array': {
        const item: Value = Array.isArray(current) && current[0] !== undefined ? current[0] : 'x';
        // As many copies as keep the body under the limit (1 MiB) or just over it, never one a client would not send.
        const copies = Math.max(2, Math.min(10_000, Math.floor(1_200_000 / (serialise(item).length + 1))));
        return [
          [`${copies} copies of an item`, Array.from({ length: copies }, () => item)],
          ['200,000 zeros', new RawJson(`[${new Array<string>(200_000).fill('0').join(',')}]`)],
          ...(schema.maxItems === undefined ? [] : ([['maxItems + 1 items', Array.from({ length: schema.maxItems + 1 }, () => item)]] as const)),
          ['array of null', [null]],
          ['mixed items', [item, 'x', 1, null, {}, []]],
          ['nested arrays', [[item]]],
          ['1,000 nested items', Array.from({ length: 1_000 }, () => new RawJson(nestedArrays(8)))],
          ['object instead', { 0: item }],
        ];
      }
      default:
        return [
          ['1,000 unknown keys', Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`k${i}`, i]))],
          ['NUL key', new RawJson('{"\\u0000":1}')],
          ['lone surrogate key', new RawJson('{"\\ud800":1}')],
          ['__proto__ key', new RawJson('{"__proto__":{"polluted":true}}')],
          ['string values', { village: 'x', agency: '' }],
          ['unknown key', { castle: 1 }],
          ['nested objects as values', { village: { days: 1 } }],
          ['array instead', [current ?? {}]],
        ];
    }
  }

  private mutateRawBody(draft: Draft): void {
    const csv = draft.operation.body?.contentType === 'text/csv';
    if (csv && this.rng.chance(0.6)) {
      const [label, text] = this.rng.pick(CSV_WRONG);
      draft.body = undefined;
      draft.bodyText = text;
      note(draft, 'body', `csv: ${label}`);
      return;
    }
    if (this.rng.chance(0.2)) {
      const [label, bytes] = this.rng.pick(INVALID_UTF8);
      const text = draft.body !== undefined ? serialise(draft.body) : typeof draft.bodyText === 'string' ? draft.bodyText : '{"a":"x"}';
      const at = Math.max(text.indexOf('"') + 1, 0);
      draft.body = undefined;
      draft.bodyText = Buffer.concat([Buffer.from(text.slice(0, at)), bytes, Buffer.from(text.slice(at))]);
      draft.contentType ??= 'application/json';
      note(draft, 'body', `invalid UTF-8 (${label})`);
      return;
    }
    if (draft.body !== undefined && isRecord(draft.body) && this.rng.chance(0.15)) {
      const [key] = Object.keys(draft.body);
      if (key !== undefined) {
        const text = serialise(draft.body);
        draft.bodyText = `{${JSON.stringify(key)}:12345,${text.slice(1)}`;
        draft.body = undefined;
        note(draft, 'body', `duplicate key ${key}`);
        return;
      }
    }
    const [label, text] = this.rng.pick(BODY_TEXT_WRONG);
    draft.body = undefined;
    draft.bodyText = text;
    draft.contentType ??= 'application/json';
    note(draft, 'body', label);
  }

  private mutateContentType(draft: Draft): void {
    if (this.rng.chance(0.3)) {
      this.encode(draft);
      return;
    }
    const wrong = this.rng.pick([...CONTENT_TYPES_WRONG, 'none', ...(draft.operation.body?.contentType === 'text/csv' ? ['application/json'] : [])]);
    if (draft.body === undefined && draft.bodyText === undefined) draft.bodyText = '{}';
    draft.contentType = wrong === 'none' ? undefined : wrong;
    note(draft, 'content-type', wrong);
  }

  /** A content-encoding: the body really encoded, a decompression bomb, or a header the body does not match. */
  private encode(draft: Draft): void {
    const text = draft.bodyText ?? (draft.body === undefined ? '{}' : serialise(draft.body));
    draft.contentType ??= 'application/json';
    draft.body = undefined;
    const how = this.rng.weighted([
      ['encoded', 2],
      ['bomb', 1],
      ['not encoded', 2],
    ] as const);
    if (how === 'bomb') {
      draft.headers['content-encoding'] = 'gzip';
      draft.bodyText = gzipBomb();
      note(draft, 'content-encoding', `gzip of ${BOMB_BYTES / 2 ** 20} MiB (a decompression bomb)`);
      return;
    }
    const encoding = how === 'encoded' ? this.rng.pick(['gzip', 'deflate', 'br']) : this.rng.pick(['gzip', 'deflate', 'br', 'x-unknown', 'gzip, gzip', 'identity']);
    draft.headers['content-encoding'] = encoding;
    if (how === 'encoded') {
      const bytes = Buffer.from(text);
      draft.bodyText = encoding === 'gzip' ? gzipSync(bytes) : encoding === 'deflate' ? deflateSync(bytes) : brotliCompressSync(bytes);
    } else {
      draft.bodyText = text;
    }
    note(draft, 'content-encoding', how === 'encoded' ? `${encoding} (encoded)` : `${encoding} (not encoded)`);
  }

  private finish(draft: Draft, index: number): FuzzRequest {
    const path = draft.operation.template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = draft.pathValues.get(name) ?? '';
      return value.startsWith(RAW_SEGMENT) ? value.slice(RAW_SEGMENT.length) : encodeURIComponent(value);
    });
    const query = draft.query.map(([name, value]) => (name === RAW_SEGMENT ? value : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)).join('&');
    const text = draft.bodyText ?? (draft.body === undefined ? undefined : serialise(draft.body));
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
}

/** Notes what was broken; replacing the whole body makes the notes on its fields moot. */
function note(draft: Draft, target: string, label: string): void {
  if (target === 'body') {
    for (const key of draft.mutations.keys()) if (key.startsWith('body')) draft.mutations.delete(key);
  }
  draft.mutations.delete(target);
  draft.mutations.set(target, label);
}

function schemaOf(value: Value): SchemaObject {
  if (Array.isArray(value)) return { type: 'array' };
  if (value === null || value instanceof RawJson) return {};
  return { type: typeof value };
}

function valueAt(root: Value, path: readonly Step[]): Value | undefined {
  let value: Value | undefined = root;
  for (const step of path) {
    if (Array.isArray(value) && typeof step === 'number') value = value[step];
    else if (isRecord(value) && typeof step === 'string') value = value[step];
    else return undefined;
  }
  return value;
}

function setAt(root: Value, path: readonly Step[], replacement: Value): Value {
  const last = path.at(-1);
  if (last === undefined) return replacement;
  const parent = valueAt(root, path.slice(0, -1));
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = replacement;
  else if (isRecord(parent) && typeof last === 'string') Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  return root;
}

function removeAt(root: Value, path: readonly Step[]): Value {
  const last = path.at(-1);
  const parent = valueAt(root, path.slice(0, -1));
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (isRecord(parent) && typeof last === 'string') Reflect.deleteProperty(parent, last);
  return root;
}

/** The request as one line: method, path (cut) and what was broken. */
export function describeRequest(request: FuzzRequest): string {
  const path = request.path.length > 300 ? `${request.path.slice(0, 300)}…(${request.path.length} characters)` : request.path;
  return `#${request.index} ${request.method} ${path} [${request.mutations.join('; ') || 'valid'}]`;
}

/** The start of a body as printable text. */
export function excerpt(body: Buffer | string | undefined, length = 300): string {
  if (body === undefined) return '(none)';
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const shown = Array.from(text.slice(0, length).toWellFormed(), (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }).join('');
  return text.length > length ? `${shown}…(${text.length} characters)` : shown;
}
