import ExcelJS from 'exceljs';
import type { HttpResult } from './http.js';

/** A CSV text from rows of cells (no cell here needs quoting). */
export function csvOf(rows: readonly (readonly string[])[]): string {
  return `${rows.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/** An XLSX workbook whose first sheet holds the rows from A1, as Excel would save them; a second sheet that must not be read. */
export async function xlsxOf(rows: readonly (readonly string[])[], sheetName = '培育对象'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(sheetName).addRows(rows.map((cells) => [...cells]));
  workbook.addWorksheet('说明').addRow(['单位名称', '领域']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let gbCodes: Map<string, Buffer> | undefined;

/**
 * The text in GB 18030, as Excel in China saves a CSV. Node decodes GB 18030 but cannot encode it, so the two-byte
 * codes are learnt from the decoder itself (every Chinese character of these tests is among them).
 */
export function gb18030(text: string): Buffer {
  if (!gbCodes) {
    gbCodes = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const character = decoder.decode(bytes);
        if (character.length === 1 && character !== '\uFFFD' && !gbCodes.has(character)) gbCodes.set(character, bytes);
      }
    }
  }
  const codes = gbCodes;
  return Buffer.concat(
    Array.from(text, (character) => {
      if (character.charCodeAt(0) < 0x80) return Buffer.from(character, 'latin1');
      const code = codes.get(character);
      if (!code) throw new Error(`no two-byte GB 18030 code for ${character}`);
      return code;
    }),
  );
}

export interface EnrollmentPreview {
  readonly dryRun: boolean;
  readonly sha256: string;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly sheetName: string | null;
  readonly ok: boolean;
  readonly summary: { rows: number; valid: number; alreadyEnrolled: number; bad: number };
  readonly problems: SheetProblem[];
  readonly rows: {
    row: number;
    name: string;
    category: string;
    ownership: string | null;
    unitId: string | null;
    caseId: string | null;
    status: 'new' | 'already_enrolled' | 'invalid';
    errors: SheetProblem[];
  }[];
  readonly result: { enrolled: number; alreadyEnrolled: number; rows: { row: number; unitName: string; unitId: string; result: string }[] } | null;
}

export interface SheetProblem {
  readonly row: number;
  readonly column: string | null;
  readonly header: string | null;
  readonly field: string | null;
  readonly messageZh: string;
  readonly messageEn: string;
}

export type EnrollmentFileAnswer = EnrollmentPreview & { code?: string; errors?: { field: string; messages: string[] }[]; preview?: EnrollmentPreview };

/** Uploads a list to POST /api/campaigns/{campaignId}/enrollments/file as a browser's form would (field `file`). */
export async function uploadEnrollmentFile(
  baseUrl: string,
  campaignId: string,
  file: { readonly fileName: string; readonly bytes: Buffer | string },
  query: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string>>,
): Promise<HttpResult<EnrollmentFileAnswer>> {
  const form = new FormData();
  const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
  form.append('file', new Blob([new Uint8Array(bytes)]), file.fileName);
  const response = await fetch(`${baseUrl}/campaigns/${campaignId}/enrollments/file?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers,
    body: form,
  });
  return { status: response.status, body: (await response.json()) as EnrollmentFileAnswer, headers: response.headers };
}
