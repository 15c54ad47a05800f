import { describe, expect, it } from '@jest/globals';
import { categoryFromLabel, columnLetter, enrollmentRowValues, isBlankRow, ownershipFromLabel, readEnrollmentHeader } from './enrollment-sheet.js';

describe(readEnrollmentHeader.name, () => {
  it('reads Chinese or English headers, without regard to case and spaces, and reads past a running number', () => {
    expect(readEnrollmentHeader(1, ['序号', '单位名称', ' 领 域 ', '企业性质'])).toEqual({ columns: [null, 'name', 'category', 'ownership'], problems: [] });
    expect(readEnrollmentHeader(2, ['Category', 'NAME'])).toEqual({ columns: ['category', 'name'], problems: [] });
  });

  it('names an unknown column, a column given twice and a column missing, by row and column', () => {
    const { columns, problems } = readEnrollmentHeader(1, ['单位名称', '颜色', 'name']);
    expect(columns).toEqual(['name', null, null]);
    expect(problems.map((problem) => [problem.row, problem.column, problem.header, problem.field])).toEqual([
      [1, 'B', '颜色', null],
      [1, 'C', 'name', 'name'],
      [1, null, null, 'category'],
    ]);
    expect(problems[2]).toMatchObject({ messageZh: '缺少“领域”列（或“category”）', messageEn: 'no "category" column (or "领域")' });
  });
});

describe(enrollmentRowValues.name, () => {
  const columns = [null, 'name', 'category', 'ownership'] as const;

  it('reads the unit a row names, the category and ownership by code or Chinese name', () => {
    expect(enrollmentRowValues(columns, ['1', ' 道明光学 ', '清廉企业', '民营企业'])).toEqual({
      name: '道明光学',
      category: 'enterprise',
      ownership: 'private',
    });
    expect(enrollmentRowValues(columns, ['2', '尚仁村', '村居', ''])).toEqual({ name: '尚仁村', category: 'village' });
    expect(enrollmentRowValues(columns, ['3', '胡公祠', '城堡', '国有'])).toEqual({ name: '胡公祠', category: '城堡', ownership: 'state_owned' });
    expect(enrollmentRowValues(['name', 'category'], ['短行'])).toEqual({ name: '短行', category: '' });
  });

  it('knows each category by code, by name and by name without 清廉', () => {
    expect(['agency', '清廉机关', '机关', 'School', '学校', '清廉文化'].map(categoryFromLabel)).toEqual([
      'agency',
      'agency',
      'agency',
      'school',
      'school',
      'culture',
    ]);
    expect(categoryFromLabel('清廉')).toBeNull();
    expect(['private', '民企', 'state-owned', '国企', '外企'].map(ownershipFromLabel)).toEqual(['private', 'private', 'state_owned', 'state_owned', null]);
  });
});

describe(columnLetter.name, () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect([isBlankRow(['', ' ']), isBlankRow([]), isBlankRow(['', 'x'])]).toEqual([true, true, false]);
  });
});
