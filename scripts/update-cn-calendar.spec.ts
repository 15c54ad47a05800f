import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  type CalendarSourceData,
  type CalendarYear,
  CN_CALENDAR_MODULE,
  combineCalendars,
  describeSources,
  lunarGoYears,
  parseLunarGoHolidays,
  renderCnCalendarModule,
} from './update-cn-calendar.js';

describe('update-cn-calendar', () => {
  it('the committed calendar data is what the installed chinese-days package and the pinned lunar-go module give (run npm run calendar:update after changing either)', () => {
    expect(readFileSync(CN_CALENDAR_MODULE, 'utf8')).toBe(renderCnCalendarModule());
  });
});

const NAMES = 'var NAMES = []string{"元旦节", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "国庆中秋", "抗战胜利日"}';
const holidayUtil = (data: string, names = NAMES): string => `package HolidayUtil\n\nconst size = 18\nconst data = "${data}"\n\n${names}\n`;

describe(parseLunarGoHolidays.name, () => {
  it('reads the 18-character records: day, index into NAMES, 0 worked / 1 off, the holiday they belong to', () => {
    const records = parseLunarGoHolidays(holidayUtil('202610016120261001' + '202610106020261001' + '202701311020270206' + '202702051120270206'));
    expect(records).toEqual([
      { day: '2026-10-01', name: '国庆节', work: false, target: '2026-10-01' },
      { day: '2026-10-10', name: '国庆节', work: true, target: '2026-10-01' },
      { day: '2027-01-31', name: '春节', work: true, target: '2027-02-06' },
      { day: '2027-02-05', name: '春节', work: false, target: '2027-02-06' },
    ]);
    expect(lunarGoYears(records)).toEqual(
      new Map([
        [2026, { off: new Set(['2026-10-01']), on: new Set(['2026-10-10']) }],
        [2027, { off: new Set(['2027-02-05']), on: new Set(['2027-01-31']) }],
      ]),
    );
  });

  it('refuses anything else, so that a change of format stops the update', () => {
    expect(() => parseLunarGoHolidays('package HolidayUtil\n')).toThrow('no line `const data = "<digits>"`');
    expect(() => parseLunarGoHolidays(holidayUtil('20261001612026100'))).toThrow('not a positive multiple of 18');
    expect(() => parseLunarGoHolidays(holidayUtil('202610016220261001'))).toThrow('record 1 (202610016220261001): not YYYYMMDD');
    expect(() => parseLunarGoHolidays(holidayUtil('202610019120261001'))).toThrow('name index 9 is not in NAMES');
    expect(() => parseLunarGoHolidays(holidayUtil('202702301120270206'))).toThrow('20270230 is not a date');
    expect(() => parseLunarGoHolidays(holidayUtil('202610016120261001202610016120261001'))).toThrow('2026-10-01 appears twice');
    expect(() => parseLunarGoHolidays(holidayUtil('202610016120261001', ''))).toThrow('no line `var NAMES = []string{…}`');
  });
});

const year = (off: string[], on: string[] = []): CalendarYear => ({ off: new Set(off), on: new Set(on) });
const primary: CalendarSourceData = {
  source: 'chinese-days@9.9.9',
  years: new Map([
    [2025, year(['2025-10-01', '2025-10-02', '2025-10-03'], ['2025-09-28'])],
    [2026, year(['2026-10-01', '2026-10-02', '2026-10-05'], ['2026-10-10'])],
  ]),
};
const supplementary = (years: [number, CalendarYear][]): CalendarSourceData => ({ source: 'github.com/6tail/lunar-go@v9.9.9', years: new Map(years) });

describe(combineCalendars.name, () => {
  it('takes every year of the primary whole, and only the later years of the supplementary source', () => {
    const combined = combineCalendars(
      primary,
      supplementary([
        [2025, year(['2025-10-01'])], // differs from the primary: not taken, not checked
        [2026, year(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-05'], ['2026-10-10'])], // a Saturday marked off too: no difference
        [2027, year(['2027-10-01'], ['2027-10-09'])],
      ]),
    );
    expect(combined.years).toEqual(new Map([...primary.years, [2027, year(['2027-10-01'], ['2027-10-09'])]]));
    expect(combined.sources).toEqual([
      { source: 'chinese-days@9.9.9', firstYear: 2025, lastYear: 2026 },
      { source: 'github.com/6tail/lunar-go@v9.9.9', firstYear: 2027, lastYear: 2027 },
    ]);
    expect(describeSources(combined.sources)).toBe('chinese-days@9.9.9 (2025–2026); github.com/6tail/lunar-go@v9.9.9 (2027)');
  });

  it('needs no later years', () => {
    const combined = combineCalendars(primary, supplementary([[2026, primary.years.get(2026) ?? year([])]]));
    expect(combined.years).toEqual(primary.years);
    expect(describeSources(combined.sources)).toBe('chinese-days@9.9.9 (2025–2026)');
  });

  it("refuses when the supplementary source disagrees on a working day of the primary's last year", () => {
    const later: [number, CalendarYear] = [2027, year(['2027-10-01'])];
    // 2026-10-10, a worked Saturday, missing
    expect(() => combineCalendars(primary, supplementary([[2026, year(['2026-10-01', '2026-10-02', '2026-10-05'])], later]))).toThrow(
      '2026-10-10: chinese-days@9.9.9 working day, github.com/6tail/lunar-go@v9.9.9 day off',
    );
    // Friday 2026-10-09 off
    expect(() =>
      combineCalendars(primary, supplementary([[2026, year(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-09'], ['2026-10-10'])], later])),
    ).toThrow("disagrees with chinese-days@9.9.9 on 2026's working days");
    // Thursday 2026-12-31 off for the later year's New Year, which the primary's 2026 lacks
    expect(() =>
      combineCalendars(primary, supplementary([[2026, year(['2026-10-01', '2026-10-02', '2026-10-05', '2026-12-31'], ['2026-10-10'])], later])),
    ).toThrow('2026-12-31: chinese-days@9.9.9 working day, github.com/6tail/lunar-go@v9.9.9 day off');
  });

  it('refuses without an overlapping year to check, and with a gap after the primary', () => {
    expect(() => combineCalendars(primary, supplementary([[2027, year(['2027-10-01'])]]))).toThrow('has no data for 2026');
    expect(() =>
      combineCalendars(
        primary,
        supplementary([
          [2026, primary.years.get(2026) ?? year([])],
          [2028, year(['2028-10-02'])],
        ]),
      ),
    ).toThrow('do not follow on');
  });
});
