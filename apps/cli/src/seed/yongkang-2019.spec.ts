import { describe, expect, it } from '@jest/globals';
import { ownershipProblem } from '#domain';
import { YONGKANG_2019_UNITS } from './yongkang-2019.js';

describe('the 2019 Yongkang seed', () => {
  const count = (predicate: (unit: (typeof YONGKANG_2019_UNITS)[number]) => boolean) => YONGKANG_2019_UNITS.filter(predicate).length;

  it('has the 71 key cultivation objects of the article, by category', () => {
    expect(YONGKANG_2019_UNITS).toHaveLength(71);
    expect(count((unit) => unit.category === 'agency')).toBe(3);
    expect(count((unit) => unit.category === 'school')).toBe(8);
    expect(count((unit) => unit.category === 'hospital')).toBe(3);
    expect(count((unit) => unit.category === 'village')).toBe(48);
    expect(count((unit) => unit.category === 'enterprise' && unit.ownership === 'private')).toBe(8);
    expect(count((unit) => unit.category === 'enterprise' && unit.ownership === 'state_owned')).toBe(1);
  });

  it('includes every unit the article names, marks the generated ones, and repeats no name', () => {
    const names = YONGKANG_2019_UNITS.map((unit) => unit.name);
    for (const named of ['永康市卫生健康局', '石柱镇塘里村', '古山镇胡库下村', '永康中学', '道明光学股份有限公司', '挺能胜', '永康市第一人民医院']) {
      expect(names).toContain(named);
    }
    expect(count((unit) => unit.name.startsWith('【占位 placeholder】'))).toBe(71 - 15);
    expect(new Set(names).size).toBe(71);
    expect(YONGKANG_2019_UNITS.every((unit) => ownershipProblem(unit.category, unit.ownership) === null)).toBe(true);
  });
});
