/**
 * A five-field cron expression (minute hour day-of-month month day-of-week, as the schedules are configured) in
 * Chinese words: `0 9 * * 1` → 每周一 09:00. Null for what it does not put into words (steps over days, L, W, #…):
 * the page then shows the expression itself.
 */
export function cronInWords(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = fields;
  const time = timeInWords(minute, hour);
  const days = daysInWords(dayOfMonth, month, dayOfWeek);
  if (time === null || days === null) return null;
  return days === '每天' && time.startsWith('每') ? time : `${days} ${time}`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六', '日'];
const WEEKDAY_NAMES: Readonly<Record<string, number>> = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };
const MONTH_NAMES: Readonly<Record<string, number>> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };

/** A field's values as a list of single values and ranges (`1,3-5`), or null when it has steps or anything else. */
function parts(field: string, names: Readonly<Record<string, number>>, min: number, max: number): (number | [number, number])[] | null {
  const value = (text: string): number | null => {
    const upper = text.toUpperCase();
    const number = upper in names ? names[upper] : /^\d+$/.test(upper) ? Number(upper) : null;
    return number !== null && number !== undefined && number >= min && number <= max ? number : null;
  };
  const listed: (number | [number, number])[] = [];
  for (const piece of field.split(',')) {
    const [from, to, ...rest] = piece.split('-');
    const start = value(from ?? '');
    if (start === null || rest.length > 0) return null;
    if (to === undefined) listed.push(start);
    else {
      const end = value(to);
      if (end === null || end < start) return null;
      listed.push([start, end]);
    }
  }
  return listed;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

function timeInWords(minute: string, hour: string): string | null {
  const every = /^\*\/(\d+)$/.exec(minute);
  if (every && hour === '*') return `每 ${String(Number(every[1]))} 分钟`;
  const minutes = parts(minute, {}, 0, 59);
  if (minutes?.length !== 1 || typeof minutes[0] !== 'number') return null;
  const at = minutes[0];
  if (hour === '*') return `每小时第 ${String(at)} 分`;
  const hours = parts(hour, {}, 0, 23);
  if (hours === null) return null;
  return hours
    .map((part) => (typeof part === 'number' ? `${twoDigits(part)}:${twoDigits(at)}` : `${String(part[0])}–${String(part[1])} 时每小时第 ${String(at)} 分`))
    .join('、');
}

function daysInWords(dayOfMonth: string, month: string, dayOfWeek: string): string | null {
  const months = month === '*' ? [] : parts(month, MONTH_NAMES, 1, 12);
  const days = dayOfMonth === '*' ? [] : parts(dayOfMonth, {}, 1, 31);
  const weekdays = dayOfWeek === '*' ? [] : parts(dayOfWeek, WEEKDAY_NAMES, 0, 7);
  if (months === null || days === null || weekdays === null) return null;
  const list = (values: (number | [number, number])[], word: (value: number) => string, joiner: string) =>
    values.map((part) => (typeof part === 'number' ? word(part) : `${word(part[0])}至${word(part[1])}`)).join(joiner);
  const monthWords = months.length ? `${list(months, String, '、')} 月` : '';
  const dayWords = days.length ? `${list(days, String, '、')} 日` : '';
  const weekdayWords = weekdays.length ? `每周${list(weekdays, (day) => WEEKDAYS[day] ?? '', '、')}` : '';
  // As cron reads them: a day of the month and a day of the week both given means either.
  if (dayWords && weekdayWords) return `${monthWords ? `每年 ${monthWords}` : '每月 '}${dayWords}及${weekdayWords}`;
  if (dayWords) return monthWords ? `每年 ${monthWords} ${dayWords}` : `每月 ${dayWords}`;
  if (weekdayWords) return monthWords ? `每年 ${monthWords}${weekdayWords}` : weekdayWords;
  return monthWords ? `每年 ${monthWords}每天` : '每天';
}
