import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { create as contentDisposition } from 'content-disposition';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { spreadsheetText, type IsoDate } from '#domain';

export const SPREADSHEET_FORMATS = ['xlsx', 'csv'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MEDIA_TYPES: Readonly<Record<SpreadsheetFormat, string>> = { xlsx: XLSX_MEDIA_TYPE, csv: 'text/csv; charset=utf-8' };

/** A value of a cell: text, a number, a day (YYYY-MM-DD) or a moment, shown as dates in Asia/Shanghai. */
export type SheetValue = { readonly text: string } | { readonly number: number } | { readonly day: IsoDate } | { readonly moment: Date } | null;

/** One column of a sheet: its (Chinese) header, its width in characters, and its value for a row. */
export interface SheetColumn<Row> {
  readonly header: string;
  readonly width: number;
  readonly value: (row: Row) => SheetValue;
}

export interface Sheet<Row> {
  /** The worksheet's name (at most 31 characters). */
  readonly name: string;
  /** A title above the header row (XLSX only), e.g. the campaign's name. */
  readonly title?: string;
  readonly columns: readonly SheetColumn<Row>[];
  readonly rows: AsyncIterable<Row>;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Rows written between two turns of the event loop (see sendSheet). */
const TURN_EVERY_ROWS = 100;
const DAY_FORMAT = 'yyyy-mm-dd';
const MOMENT_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * Streams a sheet to the response as a download named `fileName` (an RFC 5987 name, Chinese allowed) in XLSX or
 * CSV (UTF-8 with a BOM, so Excel reads the Chinese). Rows are written as they are read, waiting whenever the client
 * is slower than the database, so memory holds about one batch whatever the size. Nothing is sent until the first
 * row (or the end) has been read: a failure before that is answered as an error; after it, the answer is cut off.
 */
export async function sendSheet<Row>(response: Response, format: SpreadsheetFormat, fileName: string, sheet: Sheet<Row>): Promise<void> {
  const rows = sheet.rows[Symbol.asyncIterator]();
  const first = await rows.next();
  async function* all(): AsyncGenerator<Row> {
    if (first.done) return;
    yield first.value;
    let count = 1;
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      yield next.value;
      count += 1;
      // SQLite's queries (node:sqlite) never wait: without a turn now and then, neither the socket nor the zip
      // writer nor any other request would run until the whole file was made.
      if (count % TURN_EVERY_ROWS === 0) await setImmediate();
    }
  }
  response.setHeader('Content-Type', MEDIA_TYPES[format]);
  response.setHeader('Content-Disposition', contentDisposition(`${fileName}.${format}`));
  response.setHeader('Cache-Control', 'private, no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    if (format === 'csv') await writeCsv(response, sheet.columns, all());
    else await writeXlsx(response, { ...sheet, rows: all() });
  } catch (error) {
    if (!response.headersSent) throw error;
    response.destroy(error instanceof Error ? error : undefined);
  } finally {
    // A reader that went away stops the rows early: their query ends here.
    await rows.return?.();
  }
}

async function writeCsv<Row>(response: Response, columns: readonly SheetColumn<Row>[], rows: AsyncIterable<Row>): Promise<void> {
  async function* records(): AsyncGenerator<(string | number)[]> {
    for await (const row of rows) yield columns.map((column) => csvCell(column.value(row)));
  }
  await pipeline(Readable.from(records()), stringify({ bom: true, header: true, columns: columns.map((column) => column.header) }), response);
}

function csvCell(value: SheetValue): string | number {
  if (value === null) return '';
  if ('text' in value) return spreadsheetText(value.text);
  if ('number' in value) return value.number;
  if ('day' in value) return value.day;
  return new Date(value.moment.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

async function writeXlsx<Row>(response: Response, sheet: Sheet<Row>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: true, useSharedStrings: false });
  const headerRow = sheet.title === undefined ? 1 : 2;
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width }));
  if (sheet.title !== undefined) {
    const title = worksheet.addRow([spreadsheetText(sheet.title)]);
    title.font = { bold: true, size: 14 };
    title.height = 24;
    worksheet.mergeCells(1, 1, 1, Math.max(1, sheet.columns.length));
    title.commit();
  }
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  header.commit();
  let written = 0;
  for await (const row of sheet.rows) {
    const values = sheet.columns.map((column) => column.value(row));
    const added = worksheet.addRow(values.map(xlsxCell));
    values.forEach((value, index) => {
      if (value !== null && ('day' in value || 'moment' in value)) added.getCell(index + 1).numFmt = 'day' in value ? DAY_FORMAT : MOMENT_FORMAT;
    });
    added.commit();
    written += 1;
    if (written % TURN_EVERY_ROWS === 0 && !(await drained(response))) return;
  }
  worksheet.commit();
  await workbook.commit();
}

function xlsxCell(value: SheetValue): string | number | Date | null {
  if (value === null) return null;
  if ('text' in value) return spreadsheetText(value.text);
  if ('number' in value) return value.number;
  // Excel's dates have no time zone: write the day, or the moment's wall-clock time in Shanghai.
  if ('day' in value) return new Date(`${value.day}T00:00:00Z`);
  return new Date(value.moment.getTime() + SHANGHAI_OFFSET_MS);
}

/** Waits while the client has not taken what was written; false when it went away meanwhile. */
async function drained(response: Response): Promise<boolean> {
  if (response.destroyed) return false;
  if (!response.writableNeedDrain) return true;
  await Promise.race([once(response, 'drain'), once(response, 'close')]);
  return !response.destroyed;
}
