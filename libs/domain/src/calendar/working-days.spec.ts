import { describe, expect, it } from '@jest/globals';
import { CN_CALENDAR_YEARS } from './cn-calendar-data.js';
import { addCalendarDays, dayOfWeek, InvalidDateError, isIsoDate, shanghaiDate, shanghaiInstant } from './dates.js';
import { addWorkingDays, CalendarOutOfRangeError, calendarCoverage, isWorkingDay, workingDayOnOrAfter, workingDaysBetween } from './working-days.js';

const days = (from: string, to: string): string[] => {
  const all = [from];
  while (all.at(-1) !== to) all.push(addCalendarDays(all.at(-1) ?? to, 1));
  return all;
};

describe('working-day calendar data', () => {
  it('covers consecutive years from 2004 to at least 2027', () => {
    const { firstYear, lastYear, source } = calendarCoverage();
    expect(firstYear).toBe(2004);
    expect(lastYear).toBeGreaterThanOrEqual(2027);
    expect(Object.keys(CN_CALENDAR_YEARS).map(Number)).toEqual(Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i));
    // chinese-days first; lunar-go only for the years after chinese-days' last, while there are any.
    expect(source).toMatch(/^chinese-days@\d+\.\d+\.\d+ \(2004–\d{4}\)(; github\.com\/6tail\/lunar-go@v\d+\.\d+\.\d+ \(\d{4}(–\d{4})?\))?$/);
  });

  it('names the source of every year, each run of years following on from the one before', () => {
    const { firstYear, lastYear, source, sources } = calendarCoverage();
    expect(sources[0]).toMatchObject({ source: expect.stringMatching(/^chinese-days@/), firstYear });
    expect(sources.at(-1)?.lastYear).toBe(lastYear);
    sources.forEach((range, i) => {
      expect(range.lastYear).toBeGreaterThanOrEqual(range.firstYear);
      if (i > 0) expect(range.firstYear).toBe((sources[i - 1]?.lastYear ?? Number.NaN) + 1);
    });
    expect(source).toBe(
      sources.map((range) => `${range.source} (${range.firstYear === range.lastYear ? range.firstYear : `${range.firstYear}–${range.lastYear}`})`).join('; '),
    );
  });

  it('every year has its holidays, every adjusted working day is a weekend day, and no date is both', () => {
    for (const [year, { off, on }] of Object.entries(CN_CALENDAR_YEARS)) {
      const holidays = off.split(' ');
      const worked = on ? on.split(' ') : [];
      expect(holidays.length).toBeGreaterThanOrEqual(20);
      for (const mmdd of [...holidays, ...worked]) expect(isIsoDate(`${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`)).toBe(true);
      for (const mmdd of worked) expect([0, 6]).toContain(dayOfWeek(`${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`));
      expect(holidays.filter((mmdd) => worked.includes(mmdd))).toEqual([]);
      expect(holidays).toContain('1001');
    }
  });
});

describe(isWorkingDay.name, () => {
  it('2024 Spring Festival: Feb 10–17 off, Sunday Feb 4 and Sunday Feb 18 worked', () => {
    expect(days('2024-02-10', '2024-02-17').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2024-02-04')).toBe(true);
    expect(isWorkingDay('2024-02-18')).toBe(true);
    expect(isWorkingDay('2024-02-09')).toBe(true);
    expect(isWorkingDay('2024-02-03')).toBe(false);
  });

  it('2025 National Day: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked', () => {
    expect(days('2025-10-01', '2025-10-08').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });

  it('2026 Spring Festival: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked', () => {
    expect(days('2026-02-15', '2026-02-23').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  it('2027 New Year and Spring Festival: Jan 1–3 and Feb 5–13 off, Sunday Jan 31 and Sunday Feb 14 worked', () => {
    expect(days('2027-01-01', '2027-01-03').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2027-01-04')).toBe(true);
    expect(days('2027-02-05', '2027-02-13').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2027-01-31')).toBe(true);
    expect(isWorkingDay('2027-02-14')).toBe(true);
    expect(isWorkingDay('2027-02-04')).toBe(true);
    expect(isWorkingDay('2027-02-15')).toBe(true);
    expect(isWorkingDay('2027-01-30')).toBe(false);
  });

  it('2027 Qingming, Labour Day, Dragon Boat and Mid-Autumn: Apr 3–5, May 1–5 (Saturday May 8 worked), Jun 9, Sep 15 off', () => {
    expect(days('2027-04-03', '2027-04-05').filter(isWorkingDay)).toEqual([]);
    expect(days('2027-05-01', '2027-05-05').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2027-05-08')).toBe(true);
    expect(isWorkingDay('2027-06-09')).toBe(false);
    expect(isWorkingDay('2027-09-15')).toBe(false);
    expect(isWorkingDay('2027-06-10')).toBe(true);
  });

  it('2027 National Day: Oct 1–7 off, Sunday Sep 26 and Saturday Oct 9 worked', () => {
    expect(days('2027-10-01', '2027-10-07').filter(isWorkingDay)).toEqual([]);
    expect(isWorkingDay('2027-09-26')).toBe(true);
    expect(isWorkingDay('2027-10-09')).toBe(true);
    expect(isWorkingDay('2027-10-08')).toBe(true);
    expect(isWorkingDay('2027-10-10')).toBe(false);
  });

  it('refuses 2028 until its holiday arrangement is added', () => {
    expect(calendarCoverage().lastYear).toBe(2027);
    expect(() => isWorkingDay('2028-01-03')).toThrow(CalendarOutOfRangeError);
    expect(() => isWorkingDay('2028-01-03')).toThrow('The working-day calendar covers 2004–2027; 2028-01-03 is outside it');
    expect(() => addWorkingDays('2027-12-30', 2)).toThrow(CalendarOutOfRangeError);
  });

  it('ordinary weekdays work and weekends rest', () => {
    expect(isWorkingDay('2019-03-06')).toBe(true);
    expect(isWorkingDay('2019-03-09')).toBe(false);
    expect(isWorkingDay('2019-03-10')).toBe(false);
  });

  it('refuses dates outside the covered years, naming the date and the years in Chinese and English', () => {
    const { firstYear, lastYear } = calendarCoverage();
    const beyond = `${lastYear + 1}-01-04`;
    expect(() => isWorkingDay(beyond)).toThrow(CalendarOutOfRangeError);
    expect(() => isWorkingDay(beyond)).toThrow(`工作日历仅含 ${firstYear}–${lastYear} 年的节假日安排，无法计算 ${beyond}`);
    expect(() => isWorkingDay(beyond)).toThrow(`The working-day calendar covers ${firstYear}–${lastYear}; ${beyond} is outside it`);
    expect(() => isWorkingDay('2003-12-31')).toThrow(CalendarOutOfRangeError);
  });

  it('refuses malformed dates', () => {
    for (const bad of ['2024-02-30', '2024-2-1', '20240201', '']) expect(() => isWorkingDay(bad)).toThrow(InvalidDateError);
  });
});

describe(addWorkingDays.name, () => {
  it('counts working days after the date, skipping holidays and counting adjusted weekends', () => {
    expect(addWorkingDays('2024-02-08', 1)).toBe('2024-02-09');
    expect(addWorkingDays('2024-02-09', 1)).toBe('2024-02-18');
    expect(addWorkingDays('2024-02-09', 2)).toBe('2024-02-19');
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-10', 1)).toBe('2025-10-11');
  });

  it("counts across the turn of the year, into 2027's New Year holiday", () => {
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(workingDaysBetween('2026-12-25', '2027-01-08')).toBe(9); // Dec 28–31, then Jan 4–8
  });

  it('counts backwards for negative n', () => {
    expect(addWorkingDays('2024-02-18', -1)).toBe('2024-02-09');
    expect(addWorkingDays('2025-10-09', -2)).toBe('2025-09-29');
  });

  it('with n = 0 is the date itself on a working day, else the next working day', () => {
    expect(addWorkingDays('2024-02-09', 0)).toBe('2024-02-09');
    expect(addWorkingDays('2024-02-10', 0)).toBe('2024-02-18');
    expect(workingDayOnOrAfter('2025-10-01')).toBe('2025-10-09');
  });

  it('fails with CalendarOutOfRangeError when the count runs past the covered years', () => {
    const { lastYear } = calendarCoverage();
    expect(() => addWorkingDays(`${lastYear}-12-30`, 5)).toThrow(CalendarOutOfRangeError);
    expect(() => addWorkingDays('2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe(workingDaysBetween.name, () => {
  it('counts the working days after `from` up to and including `to`, negative backwards', () => {
    expect(workingDaysBetween('2024-02-09', '2024-02-18')).toBe(1);
    expect(workingDaysBetween('2024-02-08', '2024-02-19')).toBe(3);
    expect(workingDaysBetween('2024-02-19', '2024-02-08')).toBe(-3);
    expect(workingDaysBetween('2024-02-10', '2024-02-10')).toBe(0);
    expect(workingDaysBetween('2025-09-30', '2025-10-31')).toBe(18); // Oct 9, 10, Sat 11, then three full weeks
  });

  it('counts each day exactly as isWorkingDay judges it, over every covered year', () => {
    const { firstYear, lastYear } = calendarCoverage();
    const wrong = days(`${firstYear}-01-01`, `${lastYear}-12-30`).filter(
      (day) => workingDaysBetween(day, addCalendarDays(day, 1)) !== (isWorkingDay(addCalendarDays(day, 1)) ? 1 : 0),
    );
    expect(wrong).toEqual([]);
  });

  it('is the inverse of addWorkingDays for working days', () => {
    for (const from of ['2024-02-05', '2025-09-26', '2026-02-13']) {
      for (const n of [1, 5, 22]) expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
    }
  });
});

describe('Asia/Shanghai dates and instants', () => {
  it('09:00 in Shanghai is 01:00Z the same day, and the Shanghai date of an instant is UTC+8', () => {
    expect(shanghaiInstant('2024-02-18', '09:00').toISOString()).toBe('2024-02-18T01:00:00.000Z');
    expect(shanghaiInstant('2024-02-18', '07:30').toISOString()).toBe('2024-02-17T23:30:00.000Z');
    expect(shanghaiDate(new Date('2024-02-17T16:00:00Z'))).toBe('2024-02-18');
    expect(shanghaiDate(new Date('2024-02-17T15:59:59Z'))).toBe('2024-02-17');
    expect(() => shanghaiInstant('2024-02-18', '24:00')).toThrow(RangeError);
  });
});
