// Writes libs/domain/src/calendar/cn-calendar-data.ts from two sources of the State Council's yearly holiday notices:
// - the npm package `chinese-days` (installed, pinned in package.json): the primary source, every year it has;
// - the Go module github.com/6tail/lunar-go (pinned below, fetched with `go mod download`), file HolidayUtil/HolidayUtil.go:
//   only the years after chinese-days' last one, while chinese-days lags behind a new notice.
// A year always comes whole from one source: the two differ on a few old dates, so they are never mixed within a year.
//
// Next year's notice (usually November or December):
// - when chinese-days has it: npm install --save-dev --save-exact chinese-days@<version>, then npm run calendar:update
//   (lunar-go then supplies nothing, or only still later years);
// - when only lunar-go has it: set LUNAR_GO_VERSION and LUNAR_GO_SUM below (`go mod download -json
//   github.com/6tail/lunar-go@<version>` prints the Sum, checked against sum.golang.org), then npm run calendar:update.
// Commit the regenerated module with the change. The unit test scripts/update-cn-calendar.spec.ts fails while the
// committed module differs from what these sources give. Needs Go on PATH (or in /usr/local/go/bin).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CN_CALENDAR_MODULE = join(root, 'libs/domain/src/calendar/cn-calendar-data.ts');

export const LUNAR_GO_MODULE = 'github.com/6tail/lunar-go';
export const LUNAR_GO_VERSION = 'v1.4.7';
/** The module's `h1:` hash as `go mod download -json` reports it (verified against sum.golang.org when downloaded). */
export const LUNAR_GO_SUM = 'h1:VAakCoxxAMcCRvRpQUyrSSp21LhxCrB3wn+LZMg48CM=';
const LUNAR_GO_HOLIDAY_FILE = 'HolidayUtil/HolidayUtil.go';

/** One year's 法定节假日 (`off`, weekend days inside a holiday included) and 调休上班日 (`on`), as YYYY-MM-DD dates. */
export interface CalendarYear {
  readonly off: ReadonlySet<string>;
  readonly on: ReadonlySet<string>;
}

/** Where a run of years comes from. */
export interface CalendarSourceRange {
  readonly source: string;
  readonly firstYear: number;
  readonly lastYear: number;
}

export interface CalendarSourceData {
  /** Package or module and version, e.g. `chinese-days@1.5.7`. */
  readonly source: string;
  readonly years: ReadonlyMap<number, CalendarYear>;
}

export interface CombinedCalendar {
  readonly years: ReadonlyMap<number, CalendarYear>;
  readonly sources: readonly CalendarSourceRange[];
}

/** One record of lunar-go's HolidayUtil data (dates as YYYY-MM-DD). */
export interface LunarGoHoliday {
  readonly day: string;
  readonly name: string;
  /** true: 调休上班 (a worked day); false: 放假 (a day off). */
  readonly work: boolean;
  /** The holiday the day belongs to. */
  readonly target: string;
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

function isoDate(yyyymmdd: string, context: string): string {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) throw new Error(`${context}: ${yyyymmdd} is not a date`);
  return iso;
}

function groupByYear(entries: Iterable<{ readonly date: string; readonly work: boolean }>): Map<number, CalendarYear> {
  const years = new Map<number, { off: Set<string>; on: Set<string> }>();
  for (const { date, work } of entries) {
    const year = years.get(yearOf(date)) ?? { off: new Set<string>(), on: new Set<string>() };
    (work ? year.on : year.off).add(date);
    years.set(yearOf(date), year);
  }
  return years;
}

/** The data of the installed chinese-days package. */
export function readChineseDays(): CalendarSourceData {
  const dir = join(root, 'node_modules/chinese-days');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const data = JSON.parse(readFileSync(join(dir, 'dist/chinese-days.json'), 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
  const entries = [...Object.keys(data.holidays).map((date) => ({ date, work: false })), ...Object.keys(data.workdays).map((date) => ({ date, work: true }))];
  return { source: `chinese-days@${pkg.version}`, years: groupByYear(entries) };
}

/**
 * The records of lunar-go's HolidayUtil.go: its `const data` string is a run of 18-character records, `YYYYMMDD`
 * (the day), one digit (index into `NAMES`), `0` (调休上班, worked) or `1` (放假, off), `YYYYMMDD` (the holiday's day).
 * Throws on anything else, so a change of format stops the update instead of producing a wrong calendar.
 */
export function parseLunarGoHolidays(goSource: string): LunarGoHoliday[] {
  const data = /^const data = "(\d*)"$/m.exec(goSource)?.[1];
  if (data === undefined) throw new Error(`lunar-go ${LUNAR_GO_HOLIDAY_FILE}: no line \`const data = "<digits>"\` (has the format changed?)`);
  const namesList = /^var NAMES = \[\]string\{([^}]*)\}$/m.exec(goSource)?.[1];
  if (namesList === undefined) throw new Error(`lunar-go ${LUNAR_GO_HOLIDAY_FILE}: no line \`var NAMES = []string{…}\` (has the format changed?)`);
  const names = [...namesList.matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? '');
  if (data.length === 0 || data.length % 18 !== 0)
    throw new Error(`lunar-go ${LUNAR_GO_HOLIDAY_FILE}: the data string's length ${data.length} is not a positive multiple of 18`);
  const records: LunarGoHoliday[] = [];
  const seen = new Set<string>();
  for (let offset = 0; offset < data.length; offset += 18) {
    const context = `lunar-go ${LUNAR_GO_HOLIDAY_FILE}, record ${offset / 18 + 1} (${data.slice(offset, offset + 18)})`;
    const [, day = '', nameIndex = '', flag = '', target = ''] = /^(\d{8})(\d)([01])(\d{8})$/.exec(data.slice(offset, offset + 18)) ?? [];
    if (!day) throw new Error(`${context}: not YYYYMMDD, a name index, 0 or 1, YYYYMMDD`);
    const name = names[Number(nameIndex)];
    if (name === undefined) throw new Error(`${context}: name index ${nameIndex} is not in NAMES (${names.join(', ')})`);
    const record = { day: isoDate(day, context), name, work: flag === '0', target: isoDate(target, context) };
    if (seen.has(record.day)) throw new Error(`${context}: ${record.day} appears twice`);
    seen.add(record.day);
    records.push(record);
  }
  return records;
}

/** lunar-go's records by the year of their day: worked days are `on`, days off are `off`. */
export function lunarGoYears(records: readonly LunarGoHoliday[]): Map<number, CalendarYear> {
  return groupByYear(records.map(({ day, work }) => ({ date: day, work })));
}

function findGo(): string {
  const candidates = [
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'go')),
    '/usr/local/go/bin/go',
  ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there: try the next one
    }
  }
  throw new Error(
    `Go is needed to fetch ${LUNAR_GO_MODULE}@${LUNAR_GO_VERSION} (the working-day calendar's years after chinese-days'), ` +
      'but no `go` was found on PATH or at /usr/local/go/bin/go: install Go (https://go.dev/dl/)',
  );
}

/** `go mod download -json <module>@<version>`: puts the module in the Go module cache and says where (and its hash). */
function goModDownload(module: string, version: string): { dir: string; sum: string } {
  const go = findGo();
  let output: string;
  try {
    // Run outside the repository so that no go.mod or go.work around it has a say.
    output = execFileSync(go, ['mod', 'download', '-json', `${module}@${version}`], { cwd: tmpdir(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    let reason = stderr?.trim() ?? '';
    try {
      reason = (JSON.parse(stdout ?? '') as { Error?: string }).Error ?? reason;
    } catch {
      // no JSON: keep stderr
    }
    throw new Error(`${go} mod download ${module}@${version} failed: ${reason || String(error)}`, { cause: error });
  }
  const info = JSON.parse(output) as { Dir?: string; Sum?: string; Error?: string };
  if (info.Error !== undefined || info.Dir === undefined || info.Sum === undefined)
    throw new Error(`${go} mod download ${module}@${version}: ${info.Error ?? 'no Dir or Sum in its output'}`);
  return { dir: info.Dir, sum: info.Sum };
}

/** lunar-go's holiday data at the pinned version, fetched into the Go module cache. */
export function readLunarGo(): CalendarSourceData {
  const { dir, sum } = goModDownload(LUNAR_GO_MODULE, LUNAR_GO_VERSION);
  if (sum !== LUNAR_GO_SUM) throw new Error(`${LUNAR_GO_MODULE}@${LUNAR_GO_VERSION} has hash ${sum}, not the pinned ${LUNAR_GO_SUM}`);
  const records = parseLunarGoHolidays(readFileSync(join(dir, LUNAR_GO_HOLIDAY_FILE), 'utf8'));
  return { source: `${LUNAR_GO_MODULE}@${LUNAR_GO_VERSION}`, years: lunarGoYears(records) };
}

function isWorking(year: CalendarYear | undefined, date: string): boolean {
  if (year?.on.has(date)) return true;
  if (year?.off.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function datesOfYear(year: number): string[] {
  const dates: string[] = [];
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000))
    dates.push(day.toISOString().slice(0, 10));
  return dates;
}

/** The dates on which the two sources disagree whether it is a working day. */
function workingDayDifferences(a: CalendarSourceData, b: CalendarSourceData, dates: Iterable<string>): string[] {
  const status = (working: boolean): string => (working ? 'working day' : 'day off');
  return [...dates]
    .filter((date) => isWorking(a.years.get(yearOf(date)), date) !== isWorking(b.years.get(yearOf(date)), date))
    .map(
      (date) => `${date}: ${a.source} ${status(isWorking(a.years.get(yearOf(date)), date))}, ${b.source} ${status(isWorking(b.years.get(yearOf(date)), date))}`,
    );
}

function consecutive(years: readonly number[]): boolean {
  return years.every((year, i) => i === 0 || year === (years[i - 1] ?? Number.NaN) + 1);
}

/**
 * Every year of `primary`, then the years of `supplementary` after the primary's last one, each year whole from one
 * source. Refuses (throws) unless the supplementary source agrees with the primary on every day's working status in
 * the primary's last year.
 */
export function combineCalendars(primary: CalendarSourceData, supplementary: CalendarSourceData): CombinedCalendar {
  const primaryYears = [...primary.years.keys()].sort((a, b) => a - b);
  const firstYear = primaryYears[0];
  const lastYear = primaryYears.at(-1);
  if (firstYear === undefined || lastYear === undefined || !consecutive(primaryYears))
    throw new Error(`${primary.source}: expected consecutive years, found ${primaryYears.join(', ')}`);
  const laterYears = [...supplementary.years.keys()].filter((year) => year > lastYear).sort((a, b) => a - b);
  if (laterYears.length > 0 && (laterYears[0] !== lastYear + 1 || !consecutive(laterYears))) {
    throw new Error(`${supplementary.source}: its years after ${lastYear} (${laterYears.join(', ')}) do not follow on from ${primary.source}'s`);
  }
  // The check that the supplementary data is read right: the primary's last year only. Both sources transcribe the
  // same notices, but they differ on a few dates of older years (lunar-go lacks 2013-04-07 and 2013-10-12 as worked
  // days; it has Saturday 2005-12-31 worked, chinese-days does not), so comparing every year would refuse for old slips
  // that have nothing to do with the years taken. The most recent overlapping year is the one nearest them, entered the
  // way they were, and a misread format (record layout, flag meaning) would show in it as in any year. Weekend days one
  // source marks off and the other does not mention are no difference: only whether each day is a working day is
  // compared. The check also catches a later year's notice reaching back into that year (New Year's days at the end
  // of December) that the primary lacks: those days are filed under the primary's year, which comes whole from it.
  if (!supplementary.years.has(lastYear))
    throw new Error(`${supplementary.source} has no data for ${lastYear}, the year to check it against ${primary.source}`);
  const checked = workingDayDifferences(primary, supplementary, datesOfYear(lastYear));
  if (checked.length > 0) {
    throw new Error(`${supplementary.source} disagrees with ${primary.source} on ${lastYear}'s working days (is it read right?):\n  ${checked.join('\n  ')}`);
  }

  const years = new Map<number, CalendarYear>(primaryYears.map((year) => [year, primary.years.get(year) ?? { off: new Set(), on: new Set() }]));
  for (const year of laterYears) years.set(year, supplementary.years.get(year) ?? { off: new Set(), on: new Set() });
  const sources: CalendarSourceRange[] = [{ source: primary.source, firstYear, lastYear }];
  const lastLaterYear = laterYears.at(-1);
  if (lastLaterYear !== undefined) sources.push({ source: supplementary.source, firstYear: lastYear + 1, lastYear: lastLaterYear });
  return { years, sources };
}

/** `chinese-days@1.5.7 (2004–2026); github.com/6tail/lunar-go@v1.4.7 (2027)` */
export function describeSources(sources: readonly CalendarSourceRange[]): string {
  return sources.map(({ source, firstYear, lastYear }) => `${source} (${firstYear === lastYear ? firstYear : `${firstYear}–${lastYear}`})`).join('; ');
}

const SOURCE_HOMES: Readonly<Record<string, string>> = {
  'chinese-days': 'the npm package, MIT, https://github.com/vsme/chinese-days',
  [LUNAR_GO_MODULE]: `the Go module, MIT, ${LUNAR_GO_HOLIDAY_FILE}, https://${LUNAR_GO_MODULE}`,
};

/** The TypeScript source of the calendar data module. */
export function renderCalendarModule({ years, sources }: CombinedCalendar): string {
  const mmdd = (dates: ReadonlySet<string>): string =>
    [...dates]
      .sort()
      .map((date) => date.slice(5, 7) + date.slice(8, 10))
      .join(' ');
  const lines = [...years.keys()]
    .sort((a, b) => a - b)
    .map((year) => `  ${year}: { off: '${mmdd(years.get(year)?.off ?? new Set())}', on: '${mmdd(years.get(year)?.on ?? new Set())}' },`);
  const provenance = sources.map(
    ({ source, firstYear, lastYear }) =>
      `//   ${firstYear === lastYear ? firstYear : `${firstYear}–${lastYear}`}: ${source} (${SOURCE_HOMES[source.slice(0, source.lastIndexOf('@'))] ?? source})`,
  );
  return [
    '// 生成文件，请勿手改 / Generated by scripts/update-cn-calendar.ts (npm run calendar:update). Do not edit.',
    "// The State Council's yearly holiday notices, each year whole from one source:",
    ...provenance,
    '',
    '/** Where each run of years comes from, in year order. */',
    'export const CN_CALENDAR_SOURCES: readonly { readonly source: string; readonly firstYear: number; readonly lastYear: number }[] = [',
    ...sources.map(({ source, firstYear, lastYear }) => `  { source: '${source}', firstYear: ${firstYear}, lastYear: ${lastYear} },`),
    '];',
    '',
    '/** Where the calendar data comes from: each source with its years. */',
    `export const CN_CALENDAR_SOURCE = '${describeSources(sources)}';`,
    '',
    '/**',
    ' * Per year, as MMDD lists: `off` = 法定节假日 (public holidays, including the weekend days inside a holiday),',
    ' * `on` = 调休上班日 (weekend days that are working days).',
    ' */',
    'export const CN_CALENDAR_YEARS: Readonly<Record<number, { readonly off: string; readonly on: string }>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

/** The calendar data module for the installed chinese-days package and the pinned lunar-go module. */
export function renderCnCalendarModule(): string {
  return renderCalendarModule(combineCalendars(readChineseDays(), readLunarGo()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const combined = combineCalendars(readChineseDays(), readLunarGo());
  writeFileSync(CN_CALENDAR_MODULE, renderCalendarModule(combined));
  console.log(`wrote ${CN_CALENDAR_MODULE}: ${describeSources(combined.sources)}`);
}
