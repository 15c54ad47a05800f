import { note, type Draft, type Tools } from './draft.js';
import { isRecord, RawJson, removeAt, serialise, setAt, valueAt, withFirstMember, type Mutation, type Step, type Value } from './json.js';
import { mutateRawBody } from './mutate-request.js';
import { typeOf, type SchemaObject } from './openapi.js';
import {
  ANY_WRONG,
  arrayWrong,
  BOOLEAN_WRONG,
  DATE_LIKE,
  DATE_WRONG,
  EMAIL_WRONG,
  enumWrong,
  EXTRA_MEMBERS,
  numberWrong,
  objectWrong,
  STRING_WRONG,
  URL_WRONG,
  uuidWrong,
} from './wrong-values.js';

/** A place in a JSON body: a value there, or a property its schema has that the body leaves out. */
interface Slot {
  readonly path: readonly Step[];
  readonly name: string;
  readonly schema: SchemaObject;
  readonly present: boolean;
}

function slots(tools: Tools, value: Value, schema: SchemaObject, path: readonly Step[], name: string, into: Slot[]): Slot[] {
  into.push({ path, name, schema, present: true });
  const resolved = tools.resolve(schema);
  if (Array.isArray(value)) {
    value.slice(0, 3).forEach((item, index) => slots(tools, item, resolved.items ?? {}, [...path, index], name, into));
  } else if (isRecord(value) && resolved.properties) {
    for (const [key, property] of Object.entries(resolved.properties)) {
      const child = value[key];
      if (child === undefined) into.push({ path: [...path, key], name: key, schema: property, present: false });
      else slots(tools, child, property, [...path, key], key, into);
    }
  } else if (isRecord(value)) {
    // A free-form object (targets per category, framework versions): its entries are typed by their values.
    for (const [key, child] of Object.entries(value)) slots(tools, child, schemaOf(child), [...path, key], key, into);
  }
  return into;
}

function schemaOf(value: Value): SchemaObject {
  if (Array.isArray(value)) return { type: 'array' };
  if (value === null || value instanceof RawJson) return {};
  return { type: typeof value };
}

/** Breaks one place of a JSON body: a wrong value, a field removed or added; a body that is not JSON, as a whole. */
export function mutateBody(tools: Tools, draft: Draft): void {
  if (draft.body === undefined || !draft.operation.body) {
    mutateRawBody(tools, draft);
    return;
  }
  const { rng } = tools;
  const slot = rng.pick(slots(tools, draft.body, draft.operation.body.schema, [], 'body', []));
  const where = slot.path.length ? `body.${slot.path.join('.')}` : 'body';
  const current = slot.present ? valueAt(draft.body, slot.path) : undefined;
  const action = rng.weighted([
    ['replace', 7],
    ['remove', slot.present && slot.path.length ? 1.5 : 0],
    ['unknown field', isRecord(current) ? 1 : 0],
    ['valid', slot.present ? 0 : 1],
  ] as const);
  switch (action) {
    case 'remove':
      draft.body = removeAt(draft.body, slot.path);
      note(draft, where, 'removed');
      break;
    case 'unknown field': {
      const [label, key, value] = rng.pick(EXTRA_MEMBERS);
      draft.body = setAt(draft.body, slot.path, new RawJson(withFirstMember(serialise(current ?? {}), `${JSON.stringify(key)}:${JSON.stringify(value)}`)));
      note(draft, `${where} extra field`, label);
      break;
    }
    case 'valid':
      draft.body = setAt(draft.body, slot.path, tools.validValue(slot.schema, slot.name));
      note(draft, where, 'optional field added');
      break;
    case 'replace': {
      const [label, value] = rng.pick(wrongValues(tools, slot, current));
      draft.body = setAt(draft.body, slot.path, value);
      note(draft, where, label);
      break;
    }
  }
}

/** Wrong values for a field, mostly from its own type, format and bounds. */
function wrongValues(tools: Tools, slot: Slot, current: Value | undefined): readonly Mutation[] {
  const { rng } = tools;
  if (rng.chance(0.3)) return ANY_WRONG;
  const schema = tools.resolve(slot.schema);
  if (schema.enum?.length) return enumWrong(schema.enum);
  switch (typeOf(schema)) {
    case 'string':
      return stringWrong(tools, slot, schema, current);
    case 'number':
    case 'integer':
      return numberWrong(schema);
    case 'boolean':
      return BOOLEAN_WRONG;
    case 'array':
      return arrayWrong(schema, current);
    default:
      return objectWrong(current);
  }
}

function stringWrong({ rng, knownValues }: Tools, slot: Slot, schema: SchemaObject, current: Value | undefined): Mutation[] {
  const example = typeof current === 'string' ? current : typeof schema.example === 'string' ? schema.example : '';
  const own: Mutation[] = [...STRING_WRONG];
  if (schema.maxLength !== undefined) {
    own.push(
      ['maxLength + 1 characters', 'x'.repeat(schema.maxLength + 1)],
      ['maxLength CJK characters', '清'.repeat(schema.maxLength)],
      ['maxLength + 1 astral characters', '😀'.repeat(schema.maxLength + 1)],
    );
  }
  if (schema.format === 'uuid' || /ids?$/i.test(slot.name)) {
    own.push(...uuidWrong(rng, typeof current === 'string' && current.length === 36 ? current : rng.uuid()));
    own.push(['another known id', knownValues.length ? rng.pick(knownValues) : 'x']);
  }
  if (schema.format === 'email') own.push(...EMAIL_WRONG);
  if (/url/i.test(slot.name)) own.push(...URL_WRONG);
  if (DATE_LIKE.test(example) || schema.format === 'date-time') own.push(...DATE_WRONG);
  if (typeof current === 'string' && current)
    own.push(['padded value', ` ${current} `], ['value in upper case', current.toUpperCase()], ['value and a newline', `${current}\n`]);
  return own;
}
