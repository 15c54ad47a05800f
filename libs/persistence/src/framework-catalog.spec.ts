import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { CATEGORY_CODES, FRAMEWORK_TOTAL_WEIGHT, indicatorsOf, InvalidFrameworkError } from '#domain';
import { DEFAULT_FRAMEWORKS_FOLDER, FrameworkCatalog } from './framework-catalog.js';

describe(FrameworkCatalog.name, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'qinglian-frameworks-'));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('ships a valid 2019 framework for each of the six categories, from the measures of the article', () => {
    const catalog = FrameworkCatalog.load();
    for (const category of CATEGORY_CODES) {
      expect(catalog.versions(category)).toEqual(['2019.1']);
      const framework = catalog.get(category, '2019.1');
      expect(indicatorsOf(framework).reduce((sum, indicator) => sum + indicator.weight, 0)).toBe(FRAMEWORK_TOTAL_WEIGHT);
      expect(framework.vetoItems.length).toBeGreaterThan(0);
    }
    const villageIndicators = indicatorsOf(catalog.get('village', '2019.1')).map((indicator) => indicator.name.zh);
    expect(villageIndicators).toEqual(expect.arrayContaining(['基层巡察全覆盖', '集体三资全纳管', '工程建设全规范', '小微权力清单全公开', '五议两公开']));
  });

  it('refuses an unknown version with a bilingual reason', () => {
    expect(() => FrameworkCatalog.load().get('school', '2030.1')).toThrow('There is no school indicator framework version 2030.1');
  });

  it('refuses a folder with bad files, naming every file and field', () => {
    const valid = JSON.parse(readFileSync(join(DEFAULT_FRAMEWORKS_FOLDER, 'school.2019.1.json'), 'utf8')) as {
      dimensions: { indicators: { weight: number }[] }[];
    };
    writeFileSync(join(scratch, 'school.2019.1.json'), JSON.stringify(valid));
    const heavier = structuredClone(valid);
    const first = heavier.dimensions[0]?.indicators[0];
    if (!first) throw new Error('the school framework has no indicator');
    first.weight += 5;
    writeFileSync(join(scratch, 'school.2019.2.json'), JSON.stringify({ ...heavier, version: '2019.2' }));
    writeFileSync(join(scratch, 'misnamed.json'), JSON.stringify({ ...valid, version: '2019.3' }));
    writeFileSync(join(scratch, 'broken.json'), '{ not json');
    let error: unknown;
    try {
      FrameworkCatalog.load(scratch);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidFrameworkError);
    const problems = (error as InvalidFrameworkError).problems.join('\n');
    expect(problems).toContain('school.2019.2.json: dimensions: indicator weights total 105, not 100');
    expect(problems).toContain('misnamed.json: must be named school.2019.3.json');
    expect(problems).toContain('broken.json: SyntaxError');
    expect(problems).not.toContain('school.2019.1.json');
  });
});
