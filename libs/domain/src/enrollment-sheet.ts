import { CATEGORY_CODES, CATEGORY_NAMES, type CategoryCode, type EnterpriseOwnership } from './categories.js';

/**
 * 培育对象名单 — the spreadsheet (CSV or the first sheet of an XLSX) the office enrolls units from: a header row with
 * Chinese or English column names, then one unit a row. This module reads the header and the cells; the rules a unit
 * must meet are the batch enrollment's.
 */

/** The columns a sheet may have, and the headers each is known by (compared without case and spaces). */
export const ENROLLMENT_SHEET_COLUMNS = {
  name: ['name', '单位名称', '单位'],
  category: ['category', '领域', '类别', '建设领域'],
  ownership: ['ownership', '企业性质', '性质'],
} as const;
export type EnrollmentSheetColumn = keyof typeof ENROLLMENT_SHEET_COLUMNS;

/** Columns a sheet may carry that mean nothing to the enrollment (a running number), read past rather than refused. */
const IGNORED_HEADERS = ['序号', 'no', 'no.', '#'];

const REQUIRED: readonly EnrollmentSheetColumn[] = ['name', 'category'];

/** What is wrong with a cell (or a header), where the spreadsheet shows it and why. */
export interface SheetProblem {
  /** The row as the spreadsheet numbers it (the header is usually row 1). */
  readonly row: number;
  /** The column's letter (A, B, … AA), or null for the row as a whole. */
  readonly column: string | null;
  /** The column's header as the sheet has it, or null for the row as a whole. */
  readonly header: string | null;
  /** The field of the unit the column holds (name, category, ownership), or null when the column is none. */
  readonly field: EnrollmentSheetColumn | null;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** The column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const comparable = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

/** Which field each column of the header row holds (null: a column read past), and what is wrong with the header. */
export function readEnrollmentHeader(row: number, cells: readonly string[]): { columns: (EnrollmentSheetColumn | null)[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const seen = new Map<EnrollmentSheetColumn, number>();
  const columns = cells.map((cell, index): EnrollmentSheetColumn | null => {
    const header = comparable(cell);
    if (header === '' || IGNORED_HEADERS.includes(header)) return null;
    const field = (Object.keys(ENROLLMENT_SHEET_COLUMNS) as EnrollmentSheetColumn[]).find((column) =>
      ENROLLMENT_SHEET_COLUMNS[column].some((known) => comparable(known) === header),
    );
    const column = columnLetter(index);
    if (field === undefined) {
      problems.push({
        row,
        column,
        header: cell.trim(),
        field: null,
        messageZh: `未知的列“${cell.trim()}”；可用的列：单位名称、领域、企业性质（或 name、category、ownership）`,
        messageEn: `unknown column "${cell.trim()}"; the columns are name, category, ownership (or 单位名称, 领域, 企业性质)`,
      });
      return null;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      problems.push({
        row,
        column,
        header: cell.trim(),
        field,
        messageZh: `与 ${columnLetter(earlier)} 列重复`,
        messageEn: `the same column as ${columnLetter(earlier)}`,
      });
      return null;
    }
    seen.set(field, index);
    return field;
  });
  for (const field of REQUIRED.filter((required) => !seen.has(required))) {
    const [en, zh] = ENROLLMENT_SHEET_COLUMNS[field];
    problems.push({ row, column: null, header: null, field, messageZh: `缺少“${zh}”列（或“${en}”）`, messageEn: `no "${en}" column (or "${zh}")` });
  }
  return { columns, problems };
}

/**
 * The unit a row names, its cells read by the header's columns: the category given by its code or its Chinese name
 * (清廉村居 or 村居), the ownership likewise (民企 / 国企). A value that is neither is passed on as written, for the
 * batch's rules to refuse by name; an empty ownership is no ownership.
 */
export function enrollmentRowValues(
  columns: readonly (EnrollmentSheetColumn | null)[],
  cells: readonly string[],
): { name: string; category: string; ownership?: string } {
  const cell = (field: EnrollmentSheetColumn): string => {
    const index = columns.indexOf(field);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  const ownership = cell('ownership');
  return {
    name: cell('name'),
    category: categoryFromLabel(cell('category')) ?? cell('category'),
    ...(ownership === '' ? {} : { ownership: ownershipFromLabel(ownership) ?? ownership }),
  };
}

/** A category by its code (village), its Chinese name (清廉村居) or that name without 清廉 (村居). */
export function categoryFromLabel(label: string): CategoryCode | null {
  const text = comparable(label);
  return (
    CATEGORY_CODES.find((code) => {
      const zh = CATEGORY_NAMES[code].zh;
      return code === text || zh === text || zh.replace(/^清廉/, '') === text;
    }) ?? null
  );
}

const OWNERSHIP_LABELS: Readonly<Record<EnterpriseOwnership, readonly string[]>> = {
  private: ['private', '民企', '民营', '民营企业'],
  state_owned: ['state_owned', 'state-owned', '国企', '国有', '国有企业'],
};

/** An enterprise's ownership by its code or Chinese name (民企, 国企, 民营企业, 国有企业). */
export function ownershipFromLabel(label: string): EnterpriseOwnership | null {
  const text = comparable(label);
  return (Object.keys(OWNERSHIP_LABELS) as EnterpriseOwnership[]).find((ownership) => OWNERSHIP_LABELS[ownership].includes(text)) ?? null;
}

/** Whether a row has nothing in it (a spreadsheet's blank line between blocks): read past, never refused. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
