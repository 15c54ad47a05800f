/** A datetime column of a raw row as the driver hands it back: epoch milliseconds (node:sqlite), a Date (pg), or null. */
export function dateColumn(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'string') return new Date(value);
  throw new TypeError(`not a datetime column value: ${typeof value}`);
}

/** A JSON column of a raw row: node:sqlite hands it back as text, pg as the parsed value. */
export function jsonColumn<T>(value: string | T | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
