import { describe, expect, it } from '@jest/globals';
import { isLedgerColumn, LEDGER_COLUMN_NAMES, LEDGER_COLUMNS, spreadsheetText } from './ledger.js';

describe('the ledger', () => {
  it('names every column in Chinese and English', () => {
    expect(Object.keys(LEDGER_COLUMN_NAMES)).toEqual([...LEDGER_COLUMNS]);
    expect(LEDGER_COLUMNS.map((column) => LEDGER_COLUMN_NAMES[column].zh)).toContain('单位名称');
    expect(isLedgerColumn('documentNumber')).toBe(true);
    expect(isLedgerColumn('password')).toBe(false);
  });

  it('keeps spreadsheets from reading cell text as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(spreadsheetText(`${start}HYPERLINK("http://x","y")`)).toBe(`'${start}HYPERLINK("http://x","y")`);
    expect(spreadsheetText('东湖村')).toBe('东湖村');
    expect(spreadsheetText('金纪〔2019〕12号')).toBe('金纪〔2019〕12号');
    expect(spreadsheetText('a=b')).toBe('a=b');
    expect(spreadsheetText('')).toBe('');
  });
});
