import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { addCalendarDays, dueStanding, DUE_STATUSES, initialCaseState, type CaseState, type CategoryCode } from '#domain';
import { CaseRecordEntity } from '#persistence';
import { expectStatus as ok, recommendCase } from '../support/case-journey.js';
import type { AuthHeaders } from '../support/stack.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface LedgerItem {
  caseId: string;
  unitName: string;
  category: string;
  stage: string;
  dueOn: string | null;
  workingDaysLeft: number | null;
  dueStatus: string;
  dueStatusName: string;
  stageEnteredAt: string | null;
  certifiedOn: string | null;
  documentNumber: string | null;
}

interface Ledger {
  items: LedgerItem[];
  total: number;
  asOf: string;
}

interface SavedView {
  id: string;
  name: string;
  query: Record<string, string>;
  columns: string[];
  sharedWithRole: string | null;
  ownerId: string;
  ownerName: string | null;
  editable: boolean;
}

const FORMULA_UNIT = '=HYPERLINK("http://example.com/steal","点我")';

/**
 * Rows written straight into the read model (as the projection writes them, no events), for what would take
 * thousands of workflows: every due date from 3 days before to 14 days after the National Day week of 2019, one case
 * without a due date, and a large campaign with many ties in every order.
 */
function recordOf(campaignId: string, unitName: string, dueOn: string | null, stageEnteredAt: Date, category: CategoryCode = 'village'): CaseRecordEntity {
  const unitId = randomUUID();
  const state: CaseState = {
    ...initialCaseState({ caseId: `case:${campaignId}:${unitId}`, campaignId, unitId, unitName, category }),
    stage: 'cultivation',
    deadlines: dueOn === null ? {} : { cultivation: dueOn },
  };
  return new CaseRecordEntity(state, new Date('2019-09-01T02:00:00Z'), stageEnteredAt);
}

// Cases enrolled through the api enter their stages on 1 March 2019 (the case clock).
describeOnEachDatabase(
  '台账 (ledger): filters, sorting, exports, the certification roster, saved views',
  { environment: { CASE_CLOCK_SECONDS_PER_DAY: '86400', CASE_CLOCK_STARTS_ON: '2019-03-01' } },
  (suite) => {
    let campaignId: string;
    const caseOf: Record<string, string> = {};
    /** A campaign of read-model rows due around the National Day holidays of 2019. */
    const dueCampaign = randomUUID();
    /** A campaign of 5,000 read-model rows. */
    const largeCampaign = randomUUID();
    const LARGE = 5000;

    beforeAll(async () => {
      const { stack } = suite;
      const { ids, actors } = stack;
      campaignId = await stack.createCampaign({ year: 2019, name: '台账 2019' });
      const enroll = async (name: string, category: CategoryCode) => (caseOf[name] = (await stack.enrollNewUnit(campaignId, name, category)).caseId);
      await enroll('东湖村', 'village');
      await enroll(FORMULA_UNIT, 'agency');
      await enroll('南溪学校', 'school');
      await ok(stack.http.post(`/cases/${caseOf['南溪学校'] ?? ''}/withdrawal`, { reason: '学校合并' }));
      const assessors = [
        { id: ids.alice, headers: actors.alice },
        { id: ids.carol, headers: actors.carol },
      ] as const;
      for (const [name, category, certifiedOn, documentNumber] of [
        ['西山医院', 'hospital', '2019-12-20', '金纪〔2019〕12号'],
        ['北岭村', 'village', '2019-12-18', '金纪〔2019〕11号'],
        ['东岭村', 'village', '2019-12-18', '金纪〔2019〕10号'],
      ] as const) {
        const caseId = await enroll(name, category);
        await recommendCase(stack, caseId, category, assessors);
        await ok(stack.http.post(`/cases/${caseId}/jinhua-decision`, { certified: true, documentNumber, certifiedOn }, actors.jinhua));
      }
      await ok(stack.http.post(`/cases/${caseOf['东岭村'] ?? ''}/revocation`, { reason: '发生严重违纪问题，一票否决' }));

      const em = stack.worker.app.get<MikroORM>(MikroORM).em.fork();
      const dueRows = Array.from({ length: 18 }, (_, index) => {
        const dueOn = addCalendarDays('2019-09-27', index);
        return recordOf(dueCampaign, `期限单位 ${dueOn}`, dueOn, new Date(Date.UTC(2019, 5, 1 + ((index * 7) % 18))));
      });
      await em.insertMany(CaseRecordEntity, [...dueRows, recordOf(dueCampaign, '期限单位 无', null, new Date('2019-05-01T00:00:00Z'))]);
      for (let from = 0; from < LARGE; from += 1000) {
        await em.insertMany(
          CaseRecordEntity,
          Array.from({ length: 1000 }, (_, offset) => {
            const index = from + offset;
            // A third without a due date, the rest on one of five days; three days of entry: ties in every order.
            const dueOn = index % 3 === 0 ? null : addCalendarDays('2019-10-08', index % 5);
            return recordOf(largeCampaign, `大批单位 ${String(index).padStart(5, '0')}`, dueOn, new Date(Date.UTC(2019, 2, 1 + (index % 3))), 'enterprise');
          }),
        );
      }
    });

    const ledger = (query: string, headers?: AuthHeaders) =>
      ok(suite.stack.http.get<Ledger>(`/cases?${query.includes('pageSize=') ? '' : 'pageSize=100&'}${query}`, headers));
    const namesOf = async (query: string, headers?: AuthHeaders) => (await ledger(query, headers)).items.map((item) => item.unitName);
    /** Every page of a ledger query, in order. */
    async function allOf(query: string, headers?: AuthHeaders): Promise<LedgerItem[]> {
      const items: LedgerItem[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await ledger(`${query}&page=${page}`, headers);
        items.push(...answer.items);
        if (items.length >= answer.total || answer.items.length === 0) return items;
      }
    }
    async function download(path: string, headers: AuthHeaders = suite.stack.actors.admin) {
      const response = await fetch(`${suite.stack.url}${path}`, { headers });
      return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
    }
    /** The rows of an XLSX file's first sheet, each cell's value (1-based columns dropped). */
    async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    }
    const csvRows = (bytes: Buffer): string[][] => parse(bytes, { bom: true });

    it('tells each case’s due standing, from today or asOf, exactly as 我的待办 does, and filters by it on every side of a holiday', async () => {
      for (const asOf of ['2019-09-27', '2019-09-30', '2019-10-01', '2019-10-08']) {
        const all = await allOf(`campaignId=${dueCampaign}&asOf=${asOf}`);
        expect(all).toHaveLength(19);
        for (const item of all) {
          const standing = dueStanding(item.dueOn, asOf);
          expect([item.workingDaysLeft, item.dueStatus]).toEqual([standing.workingDaysLeft, standing.status]);
        }
        const counts: Record<string, number> = {};
        for (const status of DUE_STATUSES) {
          const filtered = await ledger(`campaignId=${dueCampaign}&asOf=${asOf}&dueStatus=${status}`);
          const expected = all.filter((item) => dueStanding(item.dueOn, asOf).status === status).map((item) => item.caseId);
          expect(filtered.items.map((item) => item.caseId)).toEqual(expected);
          expect(filtered.total).toBe(expected.length);
          counts[status] = filtered.total;
        }
        expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(19);
        expect(counts.no_due_date).toBe(1);
      }
      // Before the holiday week, 1 October is a week of days off away: a case due on 8 October is only 临期.
      const before = await ledger(`campaignId=${dueCampaign}&asOf=2019-09-30&dueStatus=due_soon`);
      expect(before.items.map((item) => item.dueOn)).toContain('2019-10-08');
      expect(before.items.find((item) => item.dueOn === '2019-10-08')).toMatchObject({ dueStatusName: '临期 / Due soon', workingDaysLeft: 1 });
    });

    it('sorts by due date and by stage entry with the cases lacking one last in either order, and pages without repeating a case', async () => {
      for (const order of ['asc', 'desc'] as const) {
        const byDue = await allOf(`campaignId=${dueCampaign}&sort=dueOn&order=${order}&pageSize=7`);
        const dates = byDue.map((item) => item.dueOn);
        const dated = dates.slice(0, -1) as string[];
        expect(dates.at(-1)).toBeNull();
        expect(dated).toEqual([...dated].sort((a, b) => (order === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
        const byEntry = (await allOf(`campaignId=${dueCampaign}&sort=stageEnteredAt&order=${order}&pageSize=7`)).map((item) => item.stageEnteredAt ?? '');
        expect(byEntry).toEqual([...byEntry].sort((a, b) => (order === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
        expect(new Set(byDue.map((item) => item.caseId)).size).toBe(19);
      }
    });

    it('filters by open or closed and by certification day, and shows each certification with its document number', async () => {
      const where = `campaignId=${campaignId}`;
      expect((await namesOf(`${where}&open=false`)).sort()).toEqual(['东岭村', '南溪学校'].sort());
      expect((await namesOf(`${where}&open=true`)).sort()).toEqual(['东湖村', '北岭村', '西山医院', FORMULA_UNIT].sort());
      expect(await namesOf(`${where}&certifiedFrom=2019-12-19`)).toEqual(['西山医院']);
      expect((await namesOf(`${where}&certifiedTo=2019-12-18`)).sort()).toEqual(['东岭村', '北岭村'].sort());
      expect(await namesOf(`${where}&certifiedFrom=2019-12-18&certifiedTo=2019-12-20&stage=certified&sort=certifiedOn&order=desc`)).toEqual([
        '西山医院',
        '北岭村',
      ]);
      const west = (await ledger(`${where}&q=西山`)).items[0];
      expect(west).toMatchObject({ stage: 'certified', certifiedOn: '2019-12-20', documentNumber: '金纪〔2019〕12号', dueOn: null, dueStatus: 'no_due_date' });
      expect(west?.stageEnteredAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    });

    it('exports the whole filtered set, not a page: as XLSX with Chinese headers, dates as dates and the chosen columns in order', async () => {
      const query = `campaignId=${largeCampaign}&dueStatus=on_track&asOf=2019-09-30`;
      const expected = await allOf(query);
      expect(expected.length).toBeGreaterThan(100);
      const file = await download(`/cases/export?${query}&format=xlsx&columns=unitName,dueOn,dueStatus,workingDaysLeft,category`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      // RFC 5987: the Chinese name in UTF-8, and a plain fallback for clients that know only `filename`.
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="??-2019-09-30.xlsx"; filename*=UTF-8''${encodeURIComponent('台账')}-2019-09-30.xlsx`,
      );
      const [header, ...rows] = await sheetRows(file.bytes);
      expect(header).toEqual(['单位名称', '当前期限', '期限状态', '剩余工作日', '领域']);
      expect(rows).toHaveLength(expected.length);
      expect(rows.map((row) => row[0])).toEqual(expected.map((item) => item.unitName));
      expect(rows[0]).toEqual([expected[0]?.unitName, new Date(`${expected[0]?.dueOn ?? ''}T00:00:00Z`), '正常', expected[0]?.workingDaysLeft, '清廉企业']);
    });

    it('exports CSV in UTF-8 with a byte-order mark, the same rows as the ledger', async () => {
      const query = `campaignId=${campaignId}&sort=unitName&order=desc`;
      const expected = await allOf(query);
      const file = await download(`/cases/export?${query}&format=csv`);
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = csvRows(file.bytes);
      expect(header).toEqual([
        '单位名称',
        '领域',
        '阶段',
        '方案状态',
        '当前期限',
        '期限状态',
        '剩余工作日',
        '进入本阶段',
        '认定日期',
        '文号',
        '最后更新',
        '案件编号',
      ]);
      expect(rows.map((row) => row[11])).toEqual(expected.map((item) => item.caseId));
      expect(rows.find((row) => row[0] === '西山医院')).toEqual([
        '西山医院',
        '清廉医院',
        '金华市级认定',
        '已通过',
        '',
        '无期限',
        '',
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
        '2019-12-20',
        '金纪〔2019〕12号',
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
        caseOf['西山医院'],
      ]);
    });

    it('neutralises a cell that a spreadsheet would read as a formula, in both formats, while the list keeps the name as it is', async () => {
      expect(await namesOf(`campaignId=${campaignId}&q=HYPERLINK`)).toEqual([FORMULA_UNIT]);
      const query = `campaignId=${campaignId}&q=HYPERLINK&columns=unitName,stage`;
      const xlsx = await sheetRows((await download(`/cases/export?${query}&format=xlsx`)).bytes);
      expect(xlsx).toEqual([
        ['单位名称', '阶段'],
        [`'${FORMULA_UNIT}`, '培育'],
      ]);
      const csv = csvRows((await download(`/cases/export?${query}&format=csv`)).bytes);
      expect(csv).toEqual([
        ['单位名称', '阶段'],
        [`'${FORMULA_UNIT}`, '培育'],
      ]);
    });

    it('exports and lists only a unit contact’s own unit, whatever they filter by', async () => {
      const contact = await suite.stack.contactOf(caseOf['东湖村'] ?? '');
      expect((await ledger('', contact)).items.map((item) => item.caseId)).toEqual([caseOf['东湖村']]);
      const file = await download('/cases/export?format=csv&columns=caseId,unitName', contact);
      expect(csvRows(file.bytes)).toEqual([
        ['案件编号', '单位名称'],
        [caseOf['东湖村'], '东湖村'],
      ]);
      expect(csvRows((await download(`/cases/export?format=csv&campaignId=${largeCampaign}`, contact)).bytes)).toHaveLength(1);
      const roster = await ok(suite.stack.http.get<{ items: unknown[] }>(`/campaigns/${campaignId}/certification-roster`, contact));
      expect(roster.items).toEqual([]);
    });

    it(`streams a large export (${LARGE.toLocaleString('en')} cases) in the ledger’s order, every case once, in either format`, async () => {
      const xlsx = await download(`/cases/export?campaignId=${largeCampaign}&columns=caseId,unitName`);
      const [, ...xlsxRows] = await sheetRows(xlsx.bytes);
      expect(xlsxRows).toHaveLength(LARGE);
      expect(xlsxRows.slice(0, 100).map((row) => row[0])).toEqual((await ledger(`campaignId=${largeCampaign}`)).items.map((item) => item.caseId));
      expect(new Set(xlsxRows.map((row) => row[0])).size).toBe(LARGE);
      // Orders with thousands of ties and of missing values: read batch after batch, still every case exactly once.
      for (const order of ['sort=dueOn&order=desc', 'sort=updatedAt&order=asc', 'sort=stageEnteredAt&order=desc']) {
        const [, ...rows] = csvRows((await download(`/cases/export?campaignId=${largeCampaign}&format=csv&columns=caseId,dueOn&${order}`)).bytes);
        expect(rows).toHaveLength(LARGE);
        expect(new Set(rows.map((row) => row[0])).size).toBe(LARGE);
        if (order.startsWith('sort=dueOn')) {
          const dates = rows.map((row) => row[1] ?? '');
          const firstBlank = dates.indexOf('');
          expect(dates.slice(firstBlank).every((date) => date === '')).toBe(true);
          expect(dates.slice(0, firstBlank)).toEqual([...dates.slice(0, firstBlank)].sort().reverse());
        }
      }
    });

    it('answers the certification roster of the units certified and not revoked, by category, then date, then name; as XLSX with the campaign as title', async () => {
      const roster = await ok(
        suite.stack.http.get<{
          campaignName: string;
          year: number;
          total: number;
          items: { unitName: string; category: string; documentNumber: string; certifiedOn: string }[];
        }>(`/campaigns/${campaignId}/certification-roster`, suite.stack.actors.jinhua),
      );
      expect(roster).toMatchObject({ campaignName: '台账 2019', year: 2019, total: 2 });
      expect(roster.items.map(({ unitName, category, documentNumber, certifiedOn }) => [unitName, category, documentNumber, certifiedOn])).toEqual([
        ['北岭村', 'village', '金纪〔2019〕11号', '2019-12-18'],
        ['西山医院', 'hospital', '金纪〔2019〕12号', '2019-12-20'],
      ]);
      const file = await download(`/campaigns/${campaignId}/certification-roster?format=xlsx`, suite.stack.actors.auditor);
      expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('台账 2019 认定名单')}.xlsx`);
      expect(await sheetRows(file.bytes)).toEqual([
        // The title spans the table (merged cells read back as the title in each).
        Array.from({ length: 5 }, () => '台账 2019 认定名单'),
        ['序号', '单位名称', '领域', '文号', '认定日期'],
        [1, '北岭村', '清廉村居', '金纪〔2019〕11号', new Date('2019-12-18T00:00:00Z')],
        [2, '西山医院', '清廉医院', '金纪〔2019〕12号', new Date('2019-12-20T00:00:00Z')],
      ]);
      expect((await suite.stack.http.get(`/campaigns/${randomUUID()}/certification-roster`)).status).toBe(404);
    });

    it('keeps saved views per account, shows those shared with a role to every account of it read-only, and to no one else', async () => {
      const { stack } = suite;
      const { admin, auditor, jinhua } = stack.actors;
      const views = (headers: AuthHeaders) => ok(stack.http.get<SavedView[]>('/saved-views', headers));
      const body = {
        name: '逾期的清廉村居',
        query: { campaignId, category: 'village', dueStatus: 'overdue', open: 'true', sort: 'dueOn', order: 'asc' },
        columns: ['unitName', 'dueOn', 'dueStatus', 'workingDaysLeft'],
        sharedWithRole: 'auditor',
      };
      const created = await ok(stack.http.post<SavedView>('/saved-views', body), 201);
      expect(created).toMatchObject({ ...body, ownerId: stack.ids.admin, editable: true });
      // The stored query is the ledger's own: it reads back as a list query.
      expect((await stack.http.get(`/cases?${new URLSearchParams(created.query).toString()}`)).status).toBe(200);

      const duplicate = await stack.http.post<{ code: string; errors: { field: string }[] }>('/saved-views', { ...body, sharedWithRole: null });
      expect([duplicate.status, duplicate.body.code, duplicate.body.errors.map((error) => error.field)]).toEqual([409, 'SAVED_VIEW_NAME_TAKEN', ['name']]);
      const invalid = await stack.http.post<{ errors: { field: string }[] }>('/saved-views', { ...body, name: '错误', query: { stage: 'nowhere' } });
      expect([invalid.status, invalid.body.errors.map((error) => error.field)]).toEqual([400, ['query.stage']]);

      const secondAuditor = (await stack.signUp('auditor')).headers;
      for (const headers of [auditor, secondAuditor])
        expect((await views(headers)).find((view) => view.id === created.id)).toMatchObject({ name: body.name, editable: false, ownerId: stack.ids.admin });
      expect((await views(jinhua)).map((view) => view.id)).not.toContain(created.id);

      const change = { ...body, name: '逾期村居' };
      const refused = async (headers: AuthHeaders) => [
        (await stack.http.call<{ code: string }>('PUT', `/saved-views/${created.id}`, change, headers)).body.code,
        (await stack.http.call<{ code: string }>('DELETE', `/saved-views/${created.id}`, undefined, headers)).body.code,
      ];
      expect(await refused(auditor)).toEqual(['SAVED_VIEW_READ_ONLY', 'SAVED_VIEW_READ_ONLY']);
      expect(await refused(jinhua)).toEqual(['SAVED_VIEW_NOT_FOUND', 'SAVED_VIEW_NOT_FOUND']);

      // The auditor's own view is theirs alone.
      const own = await ok(stack.http.post<SavedView>('/saved-views', { name: '我的视图', query: {}, columns: ['caseId'] }, auditor), 201);
      expect((await views(auditor)).map((view) => [view.name, view.editable])).toEqual(
        expect.arrayContaining([
          ['我的视图', true],
          ['逾期的清廉村居', false],
        ]),
      );
      expect((await views(admin)).map((view) => view.id)).not.toContain(own.id);

      const replaced = await ok(stack.http.call<SavedView>('PUT', `/saved-views/${created.id}`, { ...change, sharedWithRole: null }));
      expect(replaced).toMatchObject({ name: '逾期村居', sharedWithRole: null, editable: true });
      expect((await views(auditor)).map((view) => view.id)).not.toContain(created.id);
      expect((await stack.http.call('DELETE', `/saved-views/${created.id}`)).status).toBe(204);
      expect((await views(admin)).map((view) => view.id)).not.toContain(created.id);
      expect((await stack.http.call('DELETE', `/saved-views/${created.id}`)).status).toBe(404);
    });
  },
);
