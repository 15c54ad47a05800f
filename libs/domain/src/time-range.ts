import { addCalendarDays, isIsoDate, shanghaiInstant } from './calendar/dates.js';
import type { FieldProblem } from './errors.js';

/**
 * A bound of a time filter (from / to): an ISO 8601 instant with its offset (2019-10-08T09:30:00+08:00, …Z), or a
 * date (2019-10-08), meaning that whole day in Asia/Shanghai. An instant without an offset is refused: it would
 * name a different moment on every server.
 */
export const TIME_BOUND_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export const TIME_BOUND_MESSAGE =
  '须为带时区的 ISO 时刻（如 2019-10-08T09:30:00+08:00）或日期 YYYY-MM-DD（北京时间整日） / ' +
  'must be an ISO instant with its offset (e.g. 2019-10-08T09:30:00+08:00) or a date YYYY-MM-DD (that whole day in Asia/Shanghai)';

/** A half-open span of time: from (inclusive) to before (exclusive); null leaves that side open. */
export interface TimeRange {
  readonly from: Date | null;
  readonly before: Date | null;
}

/** Whether the text is a time bound this module reads (the shape, and a real date and time). */
export function isTimeBound(text: string): boolean {
  return timeBound(text, 'from') !== null;
}

/**
 * The instant a bound stands for: a date starts at 00:00 Asia/Shanghai when it is the `from`, and ends at the next
 * day's 00:00 when it is the `to` (so to=2019-10-08 takes in the whole day); an instant `to` takes in its own
 * millisecond. Null when the text is no bound.
 */
function timeBound(text: string, side: 'from' | 'to'): Date | null {
  if (!TIME_BOUND_PATTERN.test(text)) return null;
  if (text.length === 10) {
    if (!isIsoDate(text)) return null;
    return shanghaiInstant(side === 'from' ? text : addCalendarDays(text, 1), '00:00');
  }
  const instant = new Date(text);
  // Date accepts 2019-02-31 and rolls it over; a real calendar date is asked for.
  if (Number.isNaN(instant.getTime()) || !isIsoDate(text.slice(0, 10))) return null;
  return side === 'from' ? instant : new Date(instant.getTime() + 1);
}

/** The span `from`–`to` names, or each field that does not hold (a bad bound, or a `to` before the `from`). */
export function timeRange(input: { readonly from?: string | undefined; readonly to?: string | undefined }): {
  range: TimeRange;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const read = (field: 'from' | 'to'): Date | null => {
    const text = input[field];
    if (text === undefined) return null;
    const bound = timeBound(text, field);
    if (bound === null) problems.push({ field, message: TIME_BOUND_MESSAGE });
    return bound;
  };
  const from = read('from');
  const before = read('to');
  if (from !== null && before !== null && before <= from) {
    problems.push({ field: 'to', message: 'to 须不早于 from / to must not be before from' });
  }
  return { range: { from, before }, problems };
}
