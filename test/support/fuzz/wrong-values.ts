import { asText, RawJson, serialise, type Json, type Mutation, type Value } from './json.js';
import type { SchemaObject } from './openapi.js';
import type { Random } from './random.js';

/** Wrong values for body fields and parameters, by the type, format and bounds of what they replace. */

export const DEEP = 5_000;
export const nestedArrays = (depth: number, inner = '1'): string => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
export const nestedObjects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
export const PROTO_POLLUTION = '{"__proto__":{"polluted":true}}';
export const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** Values wrong for any field. */
export const ANY_WRONG: readonly Mutation[] = [
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
  ['__proto__ object', new RawJson(PROTO_POLLUTION)],
  ['constructor.prototype object', new RawJson('{"constructor":{"prototype":{"polluted":true}}}')],
];

export const STRING_WRONG: readonly Mutation[] = [
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

export function uuidWrong(rng: Random, valid: string): Mutation[] {
  return [
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
}

export const DATE_WRONG: readonly Mutation[] = [
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

export const EMAIL_WRONG: readonly Mutation[] = [
  ['not an email', 'not-an-email'],
  ['no domain dot', 'a@b'],
  ['over-long local part', `${'x'.repeat(300)}@example.com`],
  ['quoted local part', '"quoted name"@example.com'],
  ['address literal', 'a@[127.0.0.1]'],
  ['unicode address', '清廉@例子.中国'],
];

export const URL_WRONG: readonly Mutation[] = [
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

export function numberWrong(schema: SchemaObject): Mutation[] {
  return [
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
    ...(schema.maximum === undefined
      ? []
      : ([
          ['maximum + 1', schema.maximum + 1],
          ['maximum + 0.5', schema.maximum + 0.5],
          ['maximum', schema.maximum],
        ] as const)),
    ...(schema.minimum === undefined
      ? []
      : ([
          ['minimum - 1', schema.minimum - 1],
          ['minimum - 0.5', schema.minimum - 0.5],
          ['minimum', schema.minimum],
        ] as const)),
  ];
}

export const BOOLEAN_WRONG: readonly Mutation[] = [
  ['"true" (a string)', 'true'],
  ['1', 1],
  ['"yes"', 'yes'],
];

export function enumWrong(values: readonly unknown[]): Mutation[] {
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

/** Wrong values for an array whose first item (if any) is `current[0]`. */
export function arrayWrong(schema: SchemaObject, current: Value | undefined): Mutation[] {
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

export function objectWrong(current: Value | undefined): Mutation[] {
  return [
    ['1,000 unknown keys', Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`k${i}`, i]))],
    ['NUL key', new RawJson('{"\\u0000":1}')],
    ['lone surrogate key', new RawJson('{"\\ud800":1}')],
    ['__proto__ key', new RawJson(PROTO_POLLUTION)],
    ['string values', { village: 'x', agency: '' }],
    ['unknown key', { castle: 1 }],
    ['nested objects as values', { village: { days: 1 } }],
    ['array instead', [current ?? {}]],
  ];
}

/** Members added to an object of the body: label, key, value. */
export const EXTRA_MEMBERS = [
  ['unknown field', 'unknownField', 1],
  ['empty field name', '', 1],
  ['field name with NUL', '\u0000', 1],
  ['__proto__ field', '__proto__', { polluted: true }],
  ['constructor field', 'constructor', { prototype: { polluted: true } }],
  ['hasOwnProperty field', 'hasOwnProperty', 1],
] as const;
