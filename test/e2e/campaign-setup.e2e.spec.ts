import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectStatus as ok } from '../support/case-journey.js';
import { csvOf, gb18030, uploadEnrollmentFile, xlsxOf, type EnrollmentPreview } from '../support/enrollment-files.js';
import { contentTypes, zipOf } from '../support/documents.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface UnitPage {
  items: { id: string; name: string; category: string; createdAt: string }[];
  total: number;
  page: number;
  pageSize: number;
}

interface Campaign {
  id: string;
  name: string;
  updatedAt: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
  settings: { thresholds: Record<string, number>; stageDurations: Record<string, { days: number; unit: string }>; reminderPolicy: Record<string, unknown> };
}

interface Refusal {
  code: string;
  errors?: { field: string; messages: string[] }[];
}

/** The list of the tests below, with one bad row (row 4: a category that is none) and one enterprise without its ownership (row 6). */
const LIST_WITH_BAD_ROWS = [
  ['序号', '单位名称', '领域', '企业性质'],
  ['1', '下寮村', '村居', ''],
  ['2', '大司巷小学', '清廉学校', ''],
  ['3', '某城堡', '城堡', ''],
  ['4', '永康市第一人民医院', 'hospital', ''],
  ['5', '步阳集团', '企业', ''],
];

describeOnEachDatabase('campaign set-up', (suite) => {
  const units = (query: string, headers?: Record<string, string>) => ok(suite.stack.http.get<UnitPage>(`/units?${query}`, headers));
  const casesOf = async (campaignId: string) => (await ok(suite.stack.http.get<{ total: number }>(`/cases?campaignId=${campaignId}&pageSize=1`))).total;

  describe('units (GET /api/units)', () => {
    let campaignId: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const { stack } = suite;
      for (const [name, category] of [
        ['单位列表·东村', 'village'],
        ['单位列表·西村', 'village'],
        ['单位列表·中学', 'school'],
        ['单位列表·医院', 'hospital'],
        ['单位列表·企业', 'enterprise'],
      ] as const) {
        ids[name] = await stack.createUnit(name, category);
      }
      campaignId = await stack.createCampaign({ year: 2022, name: '单位列表测试' });
      await stack.enroll(campaignId, ids['单位列表·东村'] ?? '');
      await stack.enroll(campaignId, ids['单位列表·中学'] ?? '');
    });

    it('pages, filters and sorts the units', async () => {
      const first = await units('q=单位列表&pageSize=2');
      expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(first.items.map((unit) => unit.name)).toEqual(['单位列表·东村', '单位列表·中学']);
      const pages = [first, await units('q=单位列表&pageSize=2&page=2'), await units('q=单位列表&pageSize=2&page=3')];
      expect(pages.flatMap((page) => page.items.map((unit) => unit.name)).sort()).toEqual(Object.keys(ids).sort());

      expect((await units('q=单位列表&category=village')).items.map((unit) => unit.name)).toEqual(['单位列表·东村', '单位列表·西村']);
      const newestFirst = await units('q=单位列表&sort=createdAt&order=desc');
      expect(newestFirst.items.map((unit) => unit.name)).toEqual([...Object.keys(ids)].reverse());
      expect((await units('q=单位列表&sort=category')).items.map((unit) => unit.category)).toEqual(['enterprise', 'hospital', 'school', 'village', 'village']);
    });

    it('tells the units enrolled in a campaign from those not yet enrolled', async () => {
      expect((await units(`q=单位列表&campaignId=${campaignId}`)).items.map((unit) => unit.name)).toEqual(['单位列表·东村', '单位列表·中学']);
      expect((await units(`q=单位列表&campaignId=${campaignId}&enrolled=true`)).total).toBe(2);
      expect((await units(`q=单位列表&campaignId=${campaignId}&enrolled=false`)).items.map((unit) => unit.name)).toEqual([
        '单位列表·企业',
        '单位列表·医院',
        '单位列表·西村',
      ]);
      expect((await units(`q=单位列表&campaignId=${campaignId}&enrolled=false&category=village`)).items.map((unit) => unit.name)).toEqual(['单位列表·西村']);
    });

    it('shows a unit contact only their own unit, whatever the filters', async () => {
      const contact = await suite.stack.contactOf(ids['单位列表·西村'] ?? '');
      expect(await units('', contact)).toMatchObject({ total: 1, items: [{ id: ids['单位列表·西村'], name: '单位列表·西村' }] });
      expect(await units('category=school', contact)).toMatchObject({ total: 0, items: [] });
      expect((await units(`campaignId=${campaignId}&enrolled=false`, contact)).items.map((unit) => unit.name)).toEqual(['单位列表·西村']);
      expect((await units(`campaignId=${campaignId}`, contact)).total).toBe(0);
      // An assessor reads every unit, as GET /api/units/{unitId} lets them.
      expect((await units('q=单位列表', suite.stack.actors.alice)).total).toBe(5);
    });
  });

  describe('editing a campaign (PATCH /api/campaigns/{campaignId})', () => {
    let campaignId: string;

    beforeAll(async () => {
      campaignId = await suite.stack.createCampaign({ year: 2023, name: '设置修改测试', thresholds: { pass: 85, excellent: 92 } });
    });

    it('changes the name and the settings given, keeps the rest, and records who changed what', async () => {
      const before = await suite.stack.enrollNewUnit(campaignId, '修改前纳入村');
      const edited = await ok(
        suite.stack.http.call<Campaign>('PATCH', `/campaigns/${campaignId}`, {
          name: '设置修改测试（修订）',
          thresholds: { pass: 80 },
          stageDurations: { cultivation: { days: 30, unit: 'calendar' } },
          reminderPolicy: { beforeDueWorkingDays: [3] },
          targets: { village: 12 },
        }),
      );
      expect(edited).toMatchObject({
        name: '设置修改测试（修订）',
        updatedBy: suite.stack.ids.admin,
        updatedByName: 'office.admin',
        settings: {
          thresholds: { pass: 80, excellent: 92, rectificationFloor: 70, maxRectificationRounds: 2 },
          stageDurations: { cultivation: { days: 30, unit: 'calendar' }, self_assessment: { days: 15, unit: 'working' } },
          reminderPolicy: { beforeDueWorkingDays: [3], onDueDay: true, sendAt: '09:00' },
        },
      });
      expect(Date.parse(edited.updatedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
      expect(await ok(suite.stack.http.get<Campaign>(`/campaigns/${campaignId}`))).toEqual(edited);

      // Cases keep the settings they were enrolled with; later enrollments take the new ones.
      const after = await suite.stack.enrollNewUnit(campaignId, '修改后纳入村');
      expect(after.deadlines.cultivation ?? '').not.toBe('');
      expect((after.deadlines.cultivation ?? '') < (before.deadlines.cultivation ?? '')).toBe(true);
      const kept = await ok(suite.stack.http.get<{ deadlines: Record<string, string> }>(`/cases/${before.caseId}`));
      expect(kept.deadlines.cultivation).toBe(before.deadlines.cultivation);

      const records = await ok(
        suite.stack.http.get<{ items: { type: string; actorId: string; actorRole: string; detail: { campaignId: string; changes: unknown[] } }[] }>(
          '/account-events?type=CampaignUpdated',
        ),
      );
      const record = records.items.find((item) => item.detail.campaignId === campaignId);
      expect(record).toMatchObject({ actorId: suite.stack.ids.admin, actorRole: 'administrator' });
      expect(record?.detail.changes).toEqual(
        expect.arrayContaining([
          { field: 'name', from: '设置修改测试', to: '设置修改测试（修订）' },
          { field: 'settings.thresholds.pass', from: 85, to: 80 },
          { field: 'settings.stageDurations.cultivation.days', from: 120, to: 30 },
          { field: 'settings.reminderPolicy.beforeDueWorkingDays', from: [7, 1], to: [3] },
          { field: 'settings.targets.village', from: null, to: 12 },
        ]),
      );
      expect(record?.detail.changes).toHaveLength(5);
    });

    it('refuses settings the rules refuse, naming each field, and changes nothing', async () => {
      const before = await ok(suite.stack.http.get<Campaign>(`/campaigns/${campaignId}`));
      const refused = await suite.stack.http.call<Refusal>('PATCH', `/campaigns/${campaignId}`, {
        thresholds: { pass: 95 },
        frameworkVersions: { village: '1999.9' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((error) => error.field).sort()).toEqual(['frameworkVersions.village', 'thresholds']);
      expect(await ok(suite.stack.http.get<Campaign>(`/campaigns/${campaignId}`))).toEqual(before);
    });

    it('refuses a name another campaign of the year has (409), and an edit that changes nothing records nothing', async () => {
      await suite.stack.createCampaign({ year: 2023, name: '同年另一活动' });
      const taken = await suite.stack.http.call<Refusal>('PATCH', `/campaigns/${campaignId}`, { name: '同年另一活动' });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('CAMPAIGN_EXISTS');

      const countOf = async () => (await ok(suite.stack.http.get<{ total: number }>('/account-events?type=CampaignUpdated'))).total;
      const records = await countOf();
      const same = await ok(suite.stack.http.call<Campaign>('PATCH', `/campaigns/${campaignId}`, { thresholds: { pass: 80 } }));
      expect(same.name).toBe('设置修改测试（修订）');
      expect(await countOf()).toBe(records);
      const contact = await suite.stack.contactOf((await suite.stack.enrollNewUnit(campaignId, '联络人所在村')).unitId);
      expect((await suite.stack.http.call('PATCH', `/campaigns/${campaignId}`, { name: '联络人改名' }, contact)).status).toBe(403);
    });
  });

  describe('enrollment from a file (POST /api/campaigns/{campaignId}/enrollments/file)', () => {
    let campaignId: string;
    const upload = (file: { fileName: string; bytes: Buffer | string }, query: Record<string, string> = {}) =>
      uploadEnrollmentFile(suite.stack.url, campaignId, file, query, suite.stack.actors.admin);

    beforeAll(async () => {
      campaignId = await suite.stack.createCampaign({ year: 2024, name: '名单导入测试' });
    });

    /** The preview of LIST_WITH_BAD_ROWS, however the file was saved. */
    function expectPreviewOfBadList(preview: EnrollmentPreview | undefined, dryRun = true): void {
      expect(preview).toMatchObject({ dryRun, ok: false, problems: [], summary: { rows: 5, valid: 3, alreadyEnrolled: 0, bad: 2 } });
      expect(preview?.rows.map((row) => [row.row, row.name, row.category, row.status])).toEqual([
        [2, '下寮村', 'village', 'new'],
        [3, '大司巷小学', 'school', 'new'],
        [4, '某城堡', '城堡', 'invalid'],
        [5, '永康市第一人民医院', 'hospital', 'new'],
        [6, '步阳集团', 'enterprise', 'invalid'],
      ]);
      expect(preview?.rows[2]?.errors).toEqual([
        {
          row: 4,
          column: 'C',
          header: '领域',
          field: 'category',
          messageZh: expect.stringContaining('领域须为'),
          messageEn: expect.stringContaining('category must be one of'),
        },
      ]);
      expect(preview?.rows[4]?.errors).toEqual([
        {
          row: 6,
          column: 'D',
          header: '企业性质',
          field: 'ownership',
          messageZh: expect.stringContaining('企业须填写企业性质'),
          messageEn: expect.stringContaining('ownership is required for an enterprise'),
        },
      ]);
      expect(preview?.rows[0]?.unitId).toMatch(/^[0-9a-f-]{36}$/);
      expect(preview?.rows[0]?.caseId).toBe(`case:${campaignId}:${preview?.rows[0]?.unitId ?? ''}`);
    }

    it('previews a CSV with bad rows, naming each row, column and why, and imports nothing from it', async () => {
      const csv = `\uFEFF${csvOf(LIST_WITH_BAD_ROWS)}`;
      const preview = await upload({ fileName: '培育对象.csv', bytes: csv }, { dryRun: 'true' });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ format: 'csv', encoding: 'utf-8', fileName: '培育对象.csv', result: null });
      expectPreviewOfBadList(preview.body);
      expect(await casesOf(campaignId)).toBe(0);

      const refused = await upload({ fileName: '培育对象.csv', bytes: csv }, { dryRun: 'false' });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('ENROLLMENT_FILE_INVALID');
      expect(refused.body.errors?.map((error) => error.field)).toEqual(['row 4.category', 'row 6.ownership']);
      expectPreviewOfBadList(refused.body.preview, false);
      expect(await casesOf(campaignId)).toBe(0);
      expect((await units('q=下寮村')).total).toBe(0);
    });

    it('reads the same list saved as XLSX (its first sheet) to the same preview', async () => {
      const preview = await upload({ fileName: '培育对象.xlsx', bytes: await xlsxOf(LIST_WITH_BAD_ROWS) });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ format: 'xlsx', encoding: null, sheetName: '培育对象' });
      expectPreviewOfBadList(preview.body);
      expect(await casesOf(campaignId)).toBe(0);
    });

    it('refuses, unread, an XLSX that unpacks to more than 64 MiB and one whose headers understate what it unpacks to', async () => {
      // A few dozen kilobytes that unpack to 80 MiB of zeros: what the spreadsheet reader would otherwise hold in memory.
      const sheet = Buffer.alloc(80 * 1024 * 1024);
      const workbook = { '[Content_Types].xml': contentTypes('xl/workbook.xml'), 'xl/workbook.xml': '<workbook/>' };
      const bomb = zipOf({ ...workbook, 'xl/worksheets/sheet1.xml': sheet }, { deflated: ['xl/worksheets/sheet1.xml'] });
      expect(bomb.length).toBeLessThan(200 * 1024);
      const refused = await upload({ fileName: '培育对象.xlsx', bytes: bomb });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((error) => error.field)).toEqual(['file']);
      expect(refused.body.errors?.[0]?.messages.join(' ')).toContain('XLSX 文件解压后超过 64 MB');
      const forged = await upload({
        fileName: '培育对象.xlsx',
        bytes: zipOf({ ...workbook, 'xl/worksheets/sheet1.xml': Buffer.alloc(4 * 1024 * 1024) }, { deflated: ['xl/worksheets/sheet1.xml'], understated: true }),
      });
      expect(forged.status).toBe(400);
      expect(forged.body.errors?.[0]?.messages.join(' ')).toContain('无法读取该 XLSX 文件');
      expect(await casesOf(campaignId)).toBe(0);
    });

    it('reads a GB 18030 CSV as Excel in China saves it', async () => {
      const preview = await upload({ fileName: '培育对象（Excel）.csv', bytes: gb18030(csvOf(LIST_WITH_BAD_ROWS)) });
      expect(preview.status).toBe(200);
      expect(preview.body.encoding).toBe('gb18030');
      expectPreviewOfBadList(preview.body);
    });

    it('imports exactly what the preview showed, by the rows the sheet shows, and a second run enrolls nothing twice', async () => {
      const list = await xlsxOf([
        ['name', 'category', 'ownership'],
        ['西津经济合作社', 'village', ''],
        [],
        ['道明光学股份有限公司', '清廉企业', '民企'],
        ['永康中学', 'school', ''],
      ]);
      const preview = await ok(upload({ fileName: 'list.xlsx', bytes: list }, { dryRun: 'true' }));
      expect(preview).toMatchObject({ ok: true, summary: { rows: 3, valid: 3, alreadyEnrolled: 0, bad: 0 } });
      expect(preview.rows.map((row) => [row.row, row.name, row.category, row.ownership])).toEqual([
        [2, '西津经济合作社', 'village', null],
        [4, '道明光学股份有限公司', 'enterprise', 'private'],
        [5, '永康中学', 'school', null],
      ]);

      const changed = await upload(
        {
          fileName: 'list.xlsx',
          bytes: await xlsxOf([
            ['name', 'category'],
            ['别的村', 'village'],
          ]),
        },
        { dryRun: 'false', sha256: preview.sha256 },
      );
      expect(changed.status).toBe(409);
      expect(changed.body.code).toBe('ENROLLMENT_FILE_CHANGED');
      expect(await casesOf(campaignId)).toBe(0);

      const imported = await ok(upload({ fileName: 'list.xlsx', bytes: list }, { dryRun: 'false', sha256: preview.sha256 }));
      expect(imported).toMatchObject({ dryRun: false, ok: true, result: { enrolled: 3, alreadyEnrolled: 0 } });
      expect(imported.result?.rows.map((row) => [row.row, row.unitName, row.result])).toEqual([
        [2, '西津经济合作社', 'enrolled'],
        [4, '道明光学股份有限公司', 'enrolled'],
        [5, '永康中学', 'enrolled'],
      ]);
      expect(await casesOf(campaignId)).toBe(3);
      const [caseOfFirst] = preview.rows;
      expect((await ok(suite.stack.http.get<{ unitName: string }>(`/cases/${caseOfFirst?.caseId ?? ''}`))).unitName).toBe('西津经济合作社');

      const again = await ok(upload({ fileName: 'list.xlsx', bytes: list }, { dryRun: 'true' }));
      expect(again.summary).toEqual({ rows: 3, valid: 0, alreadyEnrolled: 3, bad: 0 });
      expect((await ok(upload({ fileName: 'list.xlsx', bytes: list }, { dryRun: 'false' }))).result).toMatchObject({ enrolled: 0, alreadyEnrolled: 3 });
      expect(await casesOf(campaignId)).toBe(3);
    });

    it('enrolls a unit registered one by one (POST /api/units) under its own id, never as a second unit of the same name', async () => {
      const unitId = await suite.stack.createUnit('单独登记的芝英镇', 'village');
      const list = csvOf([
        ['单位名称', '领域'],
        ['单独登记的芝英镇', '清廉村居'],
      ]);
      const preview = await ok(upload({ fileName: 'one.csv', bytes: list }, { dryRun: 'true' }));
      expect(preview.rows.map((row) => [row.unitId, row.status])).toEqual([[unitId, 'new']]);
      const imported = await ok(upload({ fileName: 'one.csv', bytes: list }, { dryRun: 'false' }));
      expect(imported.result?.rows.map((row) => row.unitId)).toEqual([unitId]);
      const units = await ok(suite.stack.http.get<{ total: number }>(`/units?q=${encodeURIComponent('单独登记的芝英镇')}`));
      expect(units.total).toBe(1);
    });

    it('names what is wrong with the header or the file itself', async () => {
      const header = await ok(
        upload({
          fileName: 'header.csv',
          bytes: csvOf([
            ['单位', '颜色'],
            ['尚仁村', '红'],
          ]),
        }),
      );
      expect(header).toMatchObject({ ok: false, rows: [], summary: { rows: 1, bad: 1 } });
      expect(header.problems.map((problem) => [problem.row, problem.column, problem.header, problem.field])).toEqual([
        [1, 'B', '颜色', null],
        [1, null, null, 'category'],
      ]);

      const duplicate = await ok(
        upload({
          fileName: 'twice.csv',
          bytes: csvOf([
            ['name', 'category'],
            ['尚仁村', 'village'],
            ['尚仁村', '村居'],
          ]),
        }),
      );
      expect(duplicate.rows[1]?.errors.map((error) => [error.row, error.field, error.messageEn])).toEqual([
        [3, 'name', 'the same unit as row 2 (same name and category)'],
      ]);

      const pdf = await upload({ fileName: 'list.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
      expect(pdf.status).toBe(415);
      expect(pdf.body.code).toBe('ENROLLMENT_FILE_TYPE');
      const tooMany = await upload({
        fileName: 'many.csv',
        bytes: csvOf([['name', 'category'], ...Array.from({ length: 2001 }, (_, index) => [`村${index}`, 'village'])]),
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors?.map((error) => error.field)).toEqual(['file']);
      const notMultipart = await suite.stack.http.post<Refusal>(`/campaigns/${campaignId}/enrollments/file`, { units: [] });
      expect([notMultipart.status, notMultipart.body.code]).toEqual([415, 'MULTIPART_REQUIRED']);
    });
  });
});
