/** JSON values as the fuzzer builds, breaks and writes them. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON text spliced into a body as it is: numbers JSON.stringify cannot write (1e309, -0), escapes, nesting. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Value = null | boolean | number | string | RawJson | Value[] | { [key: string]: Value };
/** A wrong value and what to call it. */
export type Mutation = readonly [label: string, value: Value];
/** A step into a value: an array index or an object key. */
export type Step = string | number;

/** A parameter's text: strings as they are, anything else as JSON. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

export function isRecord(value: Value | undefined): value is Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawJson);
}

export function serialise(value: Value): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${serialise(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An object's JSON text with `member` ("key":value) written first, whatever keys the object has already. */
export function withFirstMember(objectText: string, member: string): string {
  return objectText === '{}' ? `{${member}}` : `{${member},${objectText.slice(1)}`;
}

export function valueAt(root: Value, path: readonly Step[]): Value | undefined {
  let value: Value | undefined = root;
  for (const step of path) {
    if (Array.isArray(value) && typeof step === 'number') value = value[step];
    else if (isRecord(value) && typeof step === 'string') value = value[step];
    else return undefined;
  }
  return value;
}

/** Changes, in place, the member at the end of `path` through its parent array or object. */
function atParent(
  root: Value,
  path: readonly Step[],
  inArray: (array: Value[], index: number) => void,
  inRecord: (record: Record<string, Value>, key: string) => void,
): Value {
  const last = path.at(-1);
  const parent = valueAt(root, path.slice(0, -1));
  if (Array.isArray(parent) && typeof last === 'number') inArray(parent, last);
  else if (isRecord(parent) && typeof last === 'string') inRecord(parent, last);
  return root;
}

export function setAt(root: Value, path: readonly Step[], replacement: Value): Value {
  if (path.length === 0) return replacement;
  return atParent(
    root,
    path,
    (array, index) => {
      array[index] = replacement;
    },
    // defineProperty, so that a key such as __proto__ becomes a member rather than the prototype.
    (record, key) => Object.defineProperty(record, key, { value: replacement, enumerable: true, writable: true, configurable: true }),
  );
}

export function removeAt(root: Value, path: readonly Step[]): Value {
  return atParent(
    root,
    path,
    (array, index) => array.splice(index, 1),
    (record, key) => Reflect.deleteProperty(record, key),
  );
}
