import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { Random } from './random.js';
import { DEEP, nestedArrays, nestedObjects, PROTO_POLLUTION } from './wrong-values.js';

/** Wrong parts of a request other than its JSON fields: path segments, query, body text, headers, method. */

type Labelled<T> = readonly (readonly [label: string, value: T])[];

/** Percent-encoded path segments that are wrong for any parameter. */
const SEGMENT_WRONG: Labelled<string> = [
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

/** Wrong segments for a path parameter whose valid value is `valid`; `others` are the values of other parameters. */
export function segmentWrong(rng: Random, valid: string, others: readonly string[]): (readonly [string, string])[] {
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
export const QUERY_VALUE_WRONG: Labelled<string> = [
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

/** Percent-encoded query text added beside the declared parameters. */
export const QUERY_EXTRA: Labelled<string> = [
  ['unknown parameter', 'unknownParameter=1'],
  ['1,000-character name', `${'a'.repeat(1_000)}=1`],
  ['NUL name', '%00=1'],
  ['empty name', '=1'],
  ['only separators', '&&&=&'],
  ['__proto__ parameter', '__proto__%5Bpolluted%5D=1'],
  ['constructor parameter', 'constructor%5Bprototype%5D%5Bpolluted%5D=1'],
  ['1,100 parameters', Array.from({ length: 1_100 }, (_, i) => `p${i}=1`).join('&')],
];

/** Percent-encoded suffixes of a query parameter's name. */
export const QUERY_BRACKETS: Labelled<string> = [
  ['as array', '%5B%5D'],
  ['indexed', '%5B0%5D'],
  ['as object', '%5Ba%5D'],
  ['__proto__ key', '%5B__proto__%5D'],
];

/** Bodies that are not JSON at all, or JSON no request body of the api is. */
export const BODY_TEXT_WRONG: Labelled<string> = [
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
  ['__proto__ key', PROTO_POLLUTION],
  ['1,000 keys', `{${Array.from({ length: 1_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`],
  ['more than the body limit', `{"a":"${'x'.repeat(1_100_000)}"}`],
];

export const CONTENT_TYPES_WRONG: readonly string[] = [
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

export const CSV_WRONG: Labelled<string> = [
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
  ['formula', "name,category,ownership\n=cmd|'/c calc'!A1,village,\n"],
  ['quoted newline', 'name,category,ownership\n"尚仁\n村",village,\n'],
  ['3,000 rows', `name,category,ownership\n${Array.from({ length: 3_000 }, (_, i) => `村${i},village,`).join('\n')}\n`],
  ['a 100,000-character field', `name,category,ownership\n${'村'.repeat(100_000)},village,\n`],
  ['blank lines', '\n\n\n'],
  ['JSON instead', '{"units":[]}'],
];

/** Bytes that are not UTF-8, put into the first string of a body. */
export const INVALID_UTF8: Labelled<Buffer> = [
  ['byte FF', Buffer.from([0xff])],
  ['truncated sequence', Buffer.from([0xc3])],
  ['encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
  ['overlong slash', Buffer.from([0xc0, 0xaf])],
];

export const BOMB_BYTES = 32 * 2 ** 20;
let bomb: Buffer | undefined;

/** A JSON body of BOMB_BYTES that gzips to a few tens of kilobytes (made once). */
export function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.concat([Buffer.from('{"a":"'), Buffer.alloc(BOMB_BYTES, 'x'), Buffer.from('"}')]), { level: 9 });
  return bomb;
}

/** Content encodings the body is really encoded with, and those sent over a body that is not. */
export const ENCODERS = [
  ['gzip', gzipSync],
  ['deflate', deflateSync],
  ['br', brotliCompressSync],
] as const;
export const ENCODINGS_CLAIMED: readonly string[] = [...ENCODERS.map(([name]) => name), 'x-unknown', 'gzip, gzip', 'identity'];

/** Headers no client of the api sends, or sends like this. */
export const HEADERS_ODD: Labelled<string> = [
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
export const METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export const AUTHORIZATION_WRONG: Labelled<string | null> = [
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
