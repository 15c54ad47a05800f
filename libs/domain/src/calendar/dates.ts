// 日期 — Asia/Shanghai calendar dates as 'YYYY-MM-DD' strings, and the instants of a time of day there.
// Pure arithmetic on UTC milliseconds: no time zone database and no clock, so workflow code can use it.

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
/** China Standard Time, UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Thrown for a string that is not a real 'YYYY-MM-DD' date. */
export class InvalidDateError extends RangeError {
  override readonly name = 'InvalidDateError';

  constructor(readonly date: string) {
    super(`日期无效（须为 YYYY-MM-DD）：${date} / Not a YYYY-MM-DD date: ${date}`);
  }
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && toIsoDate(Date.UTC(y, m - 1, d)) === value;
}

/** Days since 1970-01-01 (the epoch's day number). */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new InvalidDateError(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  return toIsoDate(day * DAY_MS);
}

function toIsoDate(utcMs: number): IsoDate {
  return new Date(utcMs).toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return dayOfWeekNumber(dayNumber(date));
}

/** dayOfWeek of a day number. */
export function dayOfWeekNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  return toIsoDate(instant.getTime() + SHANGHAI_OFFSET_MS);
}

/** The instant of a local time of day ('HH:MM') in Asia/Shanghai on a date: 09:00 is 01:00Z the same day. */
export function shanghaiInstant(date: IsoDate, time: string): Date {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) throw new RangeError(`时刻无效（须为 HH:MM）：${time} / Not an HH:MM time: ${time}`);
  return new Date(dayNumber(date) * DAY_MS + (hours * 60 + minutes) * 60_000 - SHANGHAI_OFFSET_MS);
}
