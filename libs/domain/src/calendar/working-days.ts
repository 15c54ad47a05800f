// 工作日历 — mainland China's working days: Monday to Friday, less the public holidays (法定节假日), plus the
// weekend days worked in exchange (调休上班日). Data: cn-calendar-data.ts, generated from the chinese-days package and,
// for the years after its last, the lunar-go Go module (npm run calendar:update). Dates outside the years it covers
// are refused, never guessed.
import { CN_CALENDAR_SOURCE, CN_CALENDAR_SOURCES, CN_CALENDAR_YEARS } from './cn-calendar-data.js';
import { dayNumber, dayOfWeek, dayOfWeekNumber, fromDayNumber, type IsoDate } from './dates.js';

export interface CalendarCoverage {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Where the data comes from: each package or module with its version and years, e.g. `chinese-days@1.5.7 (2004–2026); …`. */
  readonly source: string;
  /** The same, one entry per source, in year order. */
  readonly sources: readonly { readonly source: string; readonly firstYear: number; readonly lastYear: number }[];
}

const years = Object.keys(CN_CALENDAR_YEARS)
  .map(Number)
  .sort((a, b) => a - b);
const coverage: CalendarCoverage = { firstYear: years[0] ?? 0, lastYear: years.at(-1) ?? -1, source: CN_CALENDAR_SOURCE, sources: CN_CALENDAR_SOURCES };

/** The years whose holidays and adjusted working weekends the calendar knows. */
export function calendarCoverage(): CalendarCoverage {
  return coverage;
}

/** A date outside the years the working-day calendar covers (the State Council publishes each year's in late autumn). */
export class CalendarOutOfRangeError extends RangeError {
  override readonly name = 'CalendarOutOfRangeError';

  constructor(
    readonly date: IsoDate,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(
      `工作日历仅含 ${firstYear}–${lastYear} 年的节假日安排，无法计算 ${date}；请更新日历数据 / ` +
        `The working-day calendar covers ${firstYear}–${lastYear}; ${date} is outside it: update the calendar data`,
    );
  }
}

function datesOf(field: 'off' | 'on'): ReadonlySet<IsoDate> {
  return new Set(
    Object.entries(CN_CALENDAR_YEARS).flatMap(([year, lists]) =>
      lists[field] ? lists[field].split(' ').map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`) : [],
    ),
  );
}
const HOLIDAYS = datesOf('off');
const ADJUSTED_WORKING_DAYS = datesOf('on');

function requireCovered(date: IsoDate): number {
  const day = dayNumber(date);
  const year = Number(date.slice(0, 4));
  if (year < coverage.firstYear || year > coverage.lastYear) throw new CalendarOutOfRangeError(date, coverage.firstYear, coverage.lastYear);
  return day;
}

/** 是否工作日. Throws CalendarOutOfRangeError outside the covered years, InvalidDateError for a malformed date. */
export function isWorkingDay(date: IsoDate): boolean {
  requireCovered(date);
  if (ADJUSTED_WORKING_DAYS.has(date)) return true;
  if (HOLIDAYS.has(date)) return false;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * n 个工作日后. n > 0: the n-th working day after `date` (`date` itself is not counted, working or not);
 * n < 0: the |n|-th working day before it; n = 0: `date` if it is a working day, else the next working day.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`工作日数须为整数：${n} / Working days must be a whole number: ${n}`);
  let day = requireCovered(date);
  if (n === 0) {
    while (!isWorkingDay(fromDayNumber(day))) day += 1;
    return fromDayNumber(day);
  }
  const step = Math.sign(n);
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorkingDay(fromDayNumber(day))) left -= 1;
  }
  return fromDayNumber(day);
}

/** The working day on or after `date` (addWorkingDays(date, 0)). */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return addWorkingDays(date, 0);
}

/**
 * 相隔工作日数: the working days d with from < d ≤ to (negated when `to` is before `from`), so that for a working day
 * `to` after `from`, addWorkingDays(from, workingDaysBetween(from, to)) === to.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = requireCovered(from);
  const end = requireCovered(to);
  if (end < start) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) if (isWorkingDayNumber(day)) count += 1;
  return count;
}

/**
 * The calendar by day number, built on first use: the lists count months of days for every row of a page, and
 * making each day a date string first cost more than the counting itself.
 */
let byDayNumber: { readonly off: ReadonlySet<number>; readonly on: ReadonlySet<number> } | undefined;

/** isWorkingDay for a day number within the covered years. */
function isWorkingDayNumber(day: number): boolean {
  byDayNumber ??= { off: new Set([...HOLIDAYS].map(dayNumber)), on: new Set([...ADJUSTED_WORKING_DAYS].map(dayNumber)) };
  if (byDayNumber.on.has(day)) return true;
  if (byDayNumber.off.has(day)) return false;
  const weekday = dayOfWeekNumber(day);
  return weekday !== 0 && weekday !== 6;
}
