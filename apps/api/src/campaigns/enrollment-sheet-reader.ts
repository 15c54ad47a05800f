import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { invalidField } from '#domain';

/** One row of a spreadsheet as it shows it: its number (from 1) and its cells' text, column A first. */
export interface SpreadsheetRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export type CsvEncoding = 'utf-8' | 'gb18030';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The text of a CSV file: UTF-8 (with or without a byte-order mark), or GB 18030, as Excel in China saves "CSV
 * (逗号分隔)". UTF-8 is tried first: GB 18030 would read almost any bytes, UTF-8 only real UTF-8.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // the next encoding
    }
  }
  throw invalidField('file', 'CSV 文件须为 UTF-8 或 GB 18030 编码', 'the CSV file must be encoded in UTF-8 or GB 18030');
}

/** The rows of a CSV text, numbered as a spreadsheet shows them (a quoted line break stays within its row). */
export function csvRows(text: string): SpreadsheetRow[] {
  try {
    const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true });
    return records.map((cells, index) => ({ row: index + 1, cells }));
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : null;
    const at = line === null ? '' : `（第 ${line} 行）`;
    throw invalidField(
      'file',
      `CSV 格式有误${at}，请检查引号与分隔符`,
      `the CSV is malformed${line === null ? '' : ` at line ${line}`}: check its quotes and separators`,
    );
  }
}

/**
 * What an XLSX may unpack to: a list of 2,000 units saved by Excel or WPS is well under 1 MiB unpacked, while a
 * "zip bomb" of a few hundred kilobytes unpacks to gigabytes, which the spreadsheet reader would hold in memory.
 */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 10_000;

const UNREADABLE_XLSX = [
  '无法读取该 XLSX 文件（请用 Excel 或 WPS 另存为 .xlsx）',
  'the XLSX file cannot be read (save it again as .xlsx from Excel or WPS)',
] as const;

class UnpacksTooLarge extends Error {}

/**
 * Unpacks every entry once, counting what it unpacks to, and refuses the file past MAX_XLSX_UNPACKED_BYTES: the
 * sizes its directory declares are summed first, and each entry is checked against its declared size as it is read,
 * so a file whose headers understate its entries is caught after at most the limit.
 */
async function checkUnpackedSize(bytes: Buffer): Promise<void> {
  const zip = await promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)(bytes, { lazyEntries: true, validateEntrySizes: true });
  const openEntry = promisify<Entry, NodeJS.ReadableStream>(zip.openReadStream.bind(zip));
  let declared = 0;
  let entries = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: Entry) => {
        entries += 1;
        declared += entry.uncompressedSize;
        if (declared > MAX_XLSX_UNPACKED_BYTES || entries > MAX_XLSX_ENTRIES) {
          reject(new UnpacksTooLarge());
          return;
        }
        openEntry(entry)
          .then(async (stream) => {
            // Read to its end, unkept: the entry's size is checked against its header as it unpacks.
            await finished(stream.resume());
            zip.readEntry();
          })
          .catch(reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** The rows of the first worksheet of an XLSX workbook, by the numbers Excel shows; each cell as the text it displays. */
export async function xlsxRows(bytes: Buffer): Promise<{ sheetName: string; rows: SpreadsheetRow[] }> {
  try {
    await checkUnpackedSize(bytes);
  } catch (error) {
    if (error instanceof UnpacksTooLarge) {
      throw invalidField(
        'file',
        `XLSX 文件解压后超过 ${String(MAX_XLSX_UNPACKED_BYTES / 1024 / 1024)} MB 或含过多条目，拒绝读取`,
        `the XLSX file unpacks to more than ${String(MAX_XLSX_UNPACKED_BYTES / 1024 / 1024)} MiB or holds too many entries; it is refused unread`,
      );
    }
    throw invalidField('file', ...UNREADABLE_XLSX);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global `Buffer` (extending ArrayBuffer), which Node's no longer matches by type alone.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw invalidField('file', ...UNREADABLE_XLSX);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidField('file', 'XLSX 文件中没有工作表', 'the XLSX file has no worksheet');
  const rows: SpreadsheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // eachCell skips the cells before the first one with a value: a sparse array, filled with '' here.
    const cells: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text;
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return { sheetName: sheet.name, rows };
}
