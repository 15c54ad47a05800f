import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import { addWorkingDays } from '#domain';
import { expectStatus as ok, recommendCase } from '../support/case-journey.js';
import {
  expectAccessible,
  screenshot,
  signIn,
  TEST_ADMIN,
  TEST_PASSWORD,
  useBrowser,
  useConsoleStack,
  waitForCount,
  type Viewport,
} from '../support/browser.js';
import { eventually } from '../support/http.js';
import type { Enrollment } from '../support/stack.js';

const VIEWPORTS: readonly Viewport[] = ['desktop', 'phone'];
const CAMPAIGN = '2019年永康市清廉细胞示范点创建';
const OTHER_CAMPAIGN = '2020年永康市清廉细胞示范点创建';
/** More villages than one page of the ledger (20) holds. */
const VILLAGES = Array.from({ length: 24 }, (_, index) => `台账村${String(index + 1).padStart(2, '0')}`);
const SCHOOLS = ['台账学校1', '台账学校2', '台账学校3'];
const CERTIFIED = [
  { name: '认定村', category: 'village', documentNumber: '金纪〔2019〕11号', certifiedOn: '2019-12-18' },
  { name: '认定学校', category: 'school', documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20' },
] as const;
/** Every case of the 2019 campaign. */
const CAMPAIGN_TOTAL = VILLAGES.length + SCHOOLS.length + CERTIFIED.length;
const EXTENDED = ['延期村1', '延期村2', '延期村3', '延期村4', '延期村5'];
const EXTENSION_DAYS = 5;
const EXTENSION_REASON = '统一部署调整，各单位培育期限顺延一周。';

interface LedgerItem {
  caseId: string;
  unitName: string;
}

interface RecordedEvent {
  type: string;
  payload: Record<string, unknown>;
  reason: string | null;
  actor: { id: string; role: string };
}

const pathOf = (page: Page) => new URL(page.url()).pathname;
const paramOf = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function headingShown(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Picks an option of an antd Select named `label` (a sortable column's header has a name too; the option carries its text as title). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.getByTitle(option, { exact: true }).click();
  await dropdown.waitFor({ state: 'hidden' });
}

/** The ledger's total, as the title shows it. */
async function totalShown(page: Page, total: number): Promise<void> {
  await page
    .getByRole('main')
    .getByText(`共 ${String(total)} 件`, { exact: true })
    .first()
    .waitFor();
}

/** The unit names of the rows shown (table on a desktop, cards on a phone), once the ledger has settled on `count` rows. */
async function unitsShown(page: Page, count: number): Promise<string[]> {
  const links = page.getByRole('main').locator('.ant-table-tbody, .ant-list-items').getByRole('link');
  await eventually(`${String(count)} rows`, async () => ((await links.count()) === count ? true : undefined));
  return (await links.allTextContents()).map((text) => text.trim());
}

function columnHeader(page: Page, name: string): Locator {
  return page.getByRole('columnheader', { name: new RegExp(`^${name}`) });
}

async function headersShown(page: Page): Promise<string[]> {
  return (await page.locator('.ant-table-thead th').allTextContents()).map((text) => text.trim()).filter(Boolean);
}

async function download(page: Page, button: string): Promise<Download> {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  return started;
}

/** The rows of an XLSX file's first sheet, each cell's value. */
async function sheetRows(file: Download): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('台账, exports, the certification roster and bulk actions in Chromium (on SQLite)', () => {
  const running = useConsoleStack();
  const browser = useBrowser();
  let campaignId: string;
  let otherCampaignId: string;
  let extended: Enrollment[];

  beforeAll(async () => {
    const { stack } = running;
    const { ids, actors } = stack;
    campaignId = await stack.createCampaign({ year: 2019, name: CAMPAIGN });
    otherCampaignId = await stack.createCampaign({ year: 2020, name: OTHER_CAMPAIGN });
    const units = [...VILLAGES.map((name) => ({ name, category: 'village' })), ...SCHOOLS.map((name) => ({ name, category: 'school' }))];
    await ok(stack.http.post(`/campaigns/${campaignId}/enrollments/batch`, { units }));
    for (const { name, category, documentNumber, certifiedOn } of CERTIFIED) {
      const { caseId } = await stack.enrollNewUnit(campaignId, name, category);
      await recommendCase(stack, caseId, category, [
        { id: ids.alice, headers: actors.alice },
        { id: ids.carol, headers: actors.carol },
      ]);
      await ok(stack.http.post(`/cases/${caseId}/jinhua-decision`, { certified: true, documentNumber, certifiedOn }, actors.jinhua));
    }
    extended = [];
    for (const name of EXTENDED) extended.push(await stack.enrollNewUnit(otherCampaignId, name));
  });

  /** Every case the api lists for a query, in its order. */
  async function listed(query: string): Promise<LedgerItem[]> {
    const answer = await ok(running.stack.http.get<{ items: LedgerItem[]; total: number }>(`/cases?pageSize=100&${query}`));
    return answer.items;
  }

  async function events(caseId: string): Promise<RecordedEvent[]> {
    return ok(running.stack.http.get<RecordedEvent[]>(`/cases/${encodeURIComponent(caseId)}/events`));
  }

  async function office(viewport: Viewport, path: string): Promise<Page> {
    const page = await browser.page(viewport);
    await signIn(page, running.stack, TEST_ADMIN.username, TEST_ADMIN.password, path);
    return page;
  }

  it.each(VIEWPORTS)('keeps every filter in the URL, so a reload shows the same cases (%s)', async (viewport) => {
    const page = await office(viewport, '/ledger');
    await headingShown(page, '台账');
    await totalShown(page, CAMPAIGN_TOTAL + EXTENDED.length);

    await choose(page, '创建活动', `${CAMPAIGN}（2019 年）`);
    expect(paramOf(page, 'campaignId')).toBe(campaignId);
    await totalShown(page, CAMPAIGN_TOTAL);
    // The first page of a campaign larger than one page.
    expect(await unitsShown(page, 20)).toHaveLength(20);
    await expectAccessible(page, `ledger (${viewport})`);
    await screenshot(page, `ledger-${viewport}`);

    await choose(page, '领域', '清廉学校');
    await page.getByLabel('按单位名称搜索', { exact: true }).fill('台账学校');
    await page.getByLabel('按单位名称搜索', { exact: true }).press('Enter');
    await choose(page, '期限状态', '正常');
    await choose(page, '办理状态', '在办');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      campaignId,
      category: 'school',
      q: '台账学校',
      dueStatus: 'on_track',
      open: 'true',
    });
    await totalShown(page, SCHOOLS.length);
    expect((await unitsShown(page, SCHOOLS.length)).sort()).toEqual(SCHOOLS);
    // 三色预警: the word with the colour.
    expect(
      await page
        .getByRole('main')
        .locator('.ant-table-tbody .ant-tag, .ant-list-items .ant-tag')
        .filter({ hasText: /^正常$/ })
        .count(),
    ).toBe(SCHOOLS.length);

    await page.reload();
    await headingShown(page, '台账');
    await totalShown(page, SCHOOLS.length);
    expect(paramOf(page, 'q')).toBe('台账学校');
    expect(await page.getByLabel('按单位名称搜索', { exact: true }).inputValue()).toBe('台账学校');
    await page
      .locator('.ant-select')
      .filter({ has: page.getByLabel('领域', { exact: true }) })
      .getByTitle('清廉学校')
      .waitFor();
    expect((await unitsShown(page, SCHOOLS.length)).sort()).toEqual(SCHOOLS);

    // The certification dates: only the certified school.
    await page.getByRole('button', { name: '清空筛选', exact: true }).first().click();
    await totalShown(page, CAMPAIGN_TOTAL + EXTENDED.length);
    await page.getByLabel('认定日期自', { exact: true }).fill('2019-12-19');
    await page.getByLabel('认定日期自', { exact: true }).press('Enter');
    expect(paramOf(page, 'certifiedFrom')).toBe('2019-12-19');
    await totalShown(page, 1);
    expect(await unitsShown(page, 1)).toEqual(['认定学校']);
  });

  it('puts the ledger, the dashboard and bulk actions under 督办 for the office and the auditors', async () => {
    for (const [username, password] of [
      [TEST_ADMIN.username, TEST_ADMIN.password],
      ['auditor-1', TEST_PASSWORD],
    ] as const) {
      const page = await browser.page('desktop');
      await signIn(page, running.stack, username, password, '/workbench');
      const nav = page.getByRole('navigation', { name: '主菜单' });
      // The ledger is their case list: 全部案件 is not in the menu.
      await nav.getByRole('link', { name: '通知', exact: true }).waitFor();
      expect(await nav.getByRole('link', { name: '全部案件', exact: true }).count()).toBe(0);
      const group = nav.locator('[role=menuitem][aria-haspopup]').filter({ hasText: /^督办$/ });
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      const links = page.locator(`[id="${(await group.getAttribute('aria-controls')) ?? ''}"]`).getByRole('link');
      await links.first().waitFor();
      expect((await links.allTextContents()).map((text) => text.trim())).toEqual(['督办看板', '台账', '批量操作']);
      await nav.getByRole('link', { name: '台账', exact: true }).click();
      await headingShown(page, '台账');
      expect(pathOf(page)).toBe('/ledger');
    }
  });

  it('sorts on the server by a clicked column header, and shows the columns chosen (kept in the URL)', async () => {
    const page = await office('desktop', `/ledger?campaignId=${campaignId}`);
    await totalShown(page, CAMPAIGN_TOTAL);
    expect((await unitsShown(page, 20))[0]).toBe((await listed(`campaignId=${campaignId}&sort=unitName&order=asc`))[0]?.unitName);

    // Each order as the api gives it: the page shown is the api's first page (ties and cases without a date included).
    const firstPage = async (query: string) => (await listed(`campaignId=${campaignId}&${query}`)).slice(0, 20).map((item) => item.unitName);
    const ordered = async (header: string, direction: 'ascending' | 'descending', query: string) => {
      await page.locator(`th[aria-label="${header}"][aria-sort="${direction}"]`).waitFor();
      const expected = await firstPage(query);
      await eventually(`the ledger by ${query}`, async () => (JSON.stringify(await unitsShown(page, 20)) === JSON.stringify(expected) ? true : undefined));
    };
    await columnHeader(page, '单位名称').click();
    await page.waitForURL((url) => url.searchParams.get('order') === 'desc');
    expect(paramOf(page, 'sort')).toBe('unitName');
    await ordered('单位名称', 'descending', 'sort=unitName&order=desc');

    await columnHeader(page, '认定日期').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'certifiedOn');
    expect(paramOf(page, 'order')).toBe('asc');
    await ordered('认定日期', 'ascending', 'sort=certifiedOn&order=asc');
    // The two certified first, the earlier first; the others (no date) after them.
    expect((await unitsShown(page, 20)).slice(0, 2)).toEqual(['认定村', '认定学校']);

    await page.getByRole('button', { name: '选择显示的列', exact: true }).click();
    // Each choice goes to the URL, and the ledger follows it.
    await page.getByRole('checkbox', { name: '领域', exact: true }).click();
    await page.waitForURL((url) => !(url.searchParams.get('columns') ?? 'category').includes('category'));
    await page.getByRole('checkbox', { name: '文号', exact: true }).click();
    await page.waitForURL((url) => (url.searchParams.get('columns') ?? '').includes('documentNumber'));
    await page.keyboard.press('Escape');
    await columnHeader(page, '文号').waitFor();
    expect(await headersShown(page)).toEqual(['单位名称', '阶段', '当前期限', '期限状态', '剩余工作日', '进入本阶段', '认定日期', '文号']);
    expect(paramOf(page, 'columns')).toBe('unitName,stage,dueOn,dueStatus,workingDaysLeft,stageEnteredAt,certifiedOn,documentNumber');
    await page.getByRole('cell', { name: CERTIFIED[0].documentNumber, exact: true }).waitFor();

    await page.reload();
    await columnHeader(page, '文号').waitFor();
    expect(await columnHeader(page, '领域').count()).toBe(0);
    await expectAccessible(page, 'ledger sorted, columns chosen (desktop)');
  });

  it('saves a view, renames it, shares it with the auditors, who use it read-only; deletes another', async () => {
    const { stack } = running;
    const page = await office('desktop', `/ledger?campaignId=${campaignId}&category=school&columns=unitName,stage,certifiedOn,documentNumber`);
    await totalShown(page, SCHOOLS.length + 1);
    await page.getByRole('button', { name: '保存视图', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: '保存当前视图', exact: true });
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.getByText('请填写视图名称', { exact: true }).waitFor();
    await dialog.getByLabel('视图名称', { exact: true }).fill('2019年学校');
    await choose(page, '共享给角色', '审计');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('视图已保存：2019年学校', { exact: true }).waitFor();

    // A second view under the same name is refused on its field.
    await page.getByRole('button', { name: '保存视图', exact: true }).click();
    dialog = page.getByRole('dialog', { name: '保存当前视图', exact: true });
    await dialog.getByLabel('视图名称', { exact: true }).fill('2019年学校');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.getByText('已有同名视图', { exact: true }).waitFor();
    await dialog.getByLabel('视图名称', { exact: true }).fill('临时视图');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('视图已保存：临时视图', { exact: true }).waitFor();

    await page.getByRole('button', { name: '管理视图', exact: true }).click();
    const manager = page.getByRole('dialog', { name: '管理保存的视图', exact: true });
    await manager.getByRole('button', { name: '修改视图 2019年学校', exact: true }).click();
    dialog = page.getByRole('dialog', { name: '修改视图「2019年学校」', exact: true });
    await dialog.getByLabel('视图名称', { exact: true }).fill('2019年清廉学校');
    await dialog.getByRole('button', { name: '保存修改', exact: true }).click();
    await page.getByText('视图已修改：2019年清廉学校', { exact: true }).waitFor();
    await manager.getByRole('button', { name: '删除视图 临时视图', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText('已删除视图：临时视图', { exact: true }).waitFor();
    await manager.getByRole('link', { name: '临时视图', exact: true }).waitFor({ state: 'detached' });
    await expectAccessible(page, 'saved views (desktop)');
    await screenshot(page, 'ledger-views-desktop');
    await manager
      .getByRole('button', { name: 'Close' })
      .or(manager.getByRole('button', { name: '关闭' }))
      .first()
      .click();

    const saved = await ok(stack.http.get<{ name: string; query: Record<string, string>; columns: string[]; sharedWithRole: string | null }[]>('/saved-views'));
    expect(saved).toEqual([
      expect.objectContaining({
        name: '2019年清廉学校',
        query: { campaignId, category: 'school', sort: 'unitName', order: 'asc' },
        columns: ['unitName', 'stage', 'certifiedOn', 'documentNumber'],
        sharedWithRole: 'auditor',
      }),
    ]);

    // The auditor applies it: the same address, the same cases; it is marked shared, and cannot be changed.
    const auditor = await browser.page('phone');
    await signIn(auditor, stack, 'auditor-1', TEST_PASSWORD, '/ledger');
    await headingShown(auditor, '台账');
    await choose(auditor, '保存的视图', `2019年清廉学校（${TEST_ADMIN.username}共享 · 只读）`);
    await auditor.waitForURL((url) => url.searchParams.get('category') === 'school');
    expect(Object.fromEntries(new URL(auditor.url()).searchParams)).toEqual({
      campaignId,
      category: 'school',
      columns: 'unitName,stage,certifiedOn,documentNumber',
    });
    await totalShown(auditor, SCHOOLS.length + 1);
    await auditor.getByRole('button', { name: '管理视图', exact: true }).click();
    const shared = auditor.getByRole('dialog', { name: '管理保存的视图', exact: true });
    await shared.getByText('只读', { exact: true }).waitFor();
    expect(await shared.getByRole('button', { name: /修改视图|删除视图/ }).count()).toBe(0);
    await expectAccessible(auditor, 'saved views shared (phone)');
    await screenshot(auditor, 'ledger-views-phone');
  });

  it('exports the whole filtered set, not the page, as XLSX and CSV with the columns shown', async () => {
    const page = await office('desktop', `/ledger?campaignId=${campaignId}&columns=unitName,category,stage,certifiedOn`);
    await totalShown(page, CAMPAIGN_TOTAL);
    expect(await unitsShown(page, 20)).toHaveLength(20);
    const expected = (await listed(`campaignId=${campaignId}`)).map((item) => item.unitName);
    expect(expected).toHaveLength(CAMPAIGN_TOTAL);

    const xlsx = await download(page, `导出全部 ${String(CAMPAIGN_TOTAL)} 件（XLSX）`);
    expect(xlsx.suggestedFilename()).toMatch(/^台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await sheetRows(xlsx);
    expect(header).toEqual(['单位名称', '领域', '阶段', '认定日期']);
    expect(rows).toHaveLength(CAMPAIGN_TOTAL);
    expect(rows.map((row) => row[0])).toEqual(expected);

    const csv = await download(page, `导出全部 ${String(CAMPAIGN_TOTAL)} 件（CSV）`);
    const table: string[][] = parse(await readFile(await csv.path()), { bom: true });
    const [csvHeader, ...csvRows] = table;
    expect(csvHeader).toEqual(['单位名称', '领域', '阶段', '认定日期']);
    expect(csvRows.map((row) => row[0])).toEqual(expected);
  });

  it.each(VIEWPORTS)('prints the certification roster without the console around it, and downloads it as XLSX (%s)', async (viewport) => {
    const page = await office(viewport, `/ledger?campaignId=${campaignId}`);
    await totalShown(page, CAMPAIGN_TOTAL);
    await page.getByRole('link', { name: '认定名单', exact: true }).click();
    await headingShown(page, `${CAMPAIGN} 认定名单`);
    expect(pathOf(page)).toBe(`/campaigns/${campaignId}/roster`);
    const table = page.getByRole('table');
    // By category, in the domain's order; numbered across the roster as the XLSX numbers it.
    await table.getByRole('columnheader', { name: '清廉村居（1 家）', exact: true }).waitFor();
    await table.getByRole('columnheader', { name: '清廉学校（1 家）', exact: true }).waitFor();
    const rows = table.locator('tbody tr:not(.roster-group)');
    const cells: string[][] = [];
    for (const row of await rows.all()) cells.push((await row.locator('td').allTextContents()).map((text) => text.trim()));
    expect(cells).toEqual([
      ['1', '认定村', '清廉村居', CERTIFIED[0].documentNumber, CERTIFIED[0].certifiedOn],
      ['2', '认定学校', '清廉学校', CERTIFIED[1].documentNumber, CERTIFIED[1].certifiedOn],
    ]);
    await expectAccessible(page, `roster (${viewport})`);
    await screenshot(page, `roster-${viewport}`);

    if (viewport === 'desktop') {
      const file = await download(page, '下载 XLSX');
      expect(file.suggestedFilename()).toBe(`${CAMPAIGN} 认定名单.xlsx`);
      const [title, header, ...sheet] = await sheetRows(file);
      // The title spans the table (merged cells read back as the title in each).
      expect(title).toEqual(Array.from({ length: 5 }, () => `${CAMPAIGN} 认定名单`));
      expect(header).toEqual(['序号', '单位名称', '领域', '文号', '认定日期']);
      expect(sheet.map((row) => row.slice(0, 4))).toEqual(cells.map((row) => [Number(row[0]), row[1], row[2], row[3]]));

      // The print button opens the browser's print dialog (which a headless browser has not): it is asked for.
      await page.evaluate("window.print = () => { document.body.dataset.printAsked = 'yes'; }");
      await page.getByRole('button', { name: '打印', exact: true }).click();
      expect(await page.evaluate<string>('document.body.dataset.printAsked')).toBe('yes');
    }

    // On paper: the roster alone, no menu, header or buttons.
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('button', { name: '打印', exact: true }).waitFor({ state: 'hidden' });
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: '主菜单' }).isVisible()).toBe(false);
    await table.waitFor();
    await screenshot(page, `roster-print-${viewport}`);
  });

  it('extends five filtered cases’ due dates in bulk: the count confirmed first, then five results and five DeadlineExtended events', async () => {
    const { stack } = running;
    const page = await office('desktop', `/ledger?campaignId=${otherCampaignId}`);
    await page.getByLabel('按单位名称搜索', { exact: true }).fill('延期村');
    await page.getByLabel('按单位名称搜索', { exact: true }).press('Enter');
    await totalShown(page, EXTENDED.length);
    const before = (await ok(stack.http.get<{ total: number }>('/bulk-actions'))).total;

    await page.getByRole('button', { name: '对筛选结果批量操作', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '对筛选结果批量操作', exact: true });
    await dialog.getByRole('radio', { name: '各自顺延若干工作日', exact: true }).check();
    await dialog.getByLabel('顺延工作日数', { exact: true }).fill(String(EXTENSION_DAYS));
    await dialog.getByRole('button', { name: '下一步：确认范围', exact: true }).click();
    await dialog.getByText('请填写延期理由', { exact: true }).waitFor();
    await dialog.getByLabel('延期理由', { exact: true }).fill(EXTENSION_REASON);
    await dialog.getByRole('button', { name: '下一步：确认范围', exact: true }).click();

    await dialog.getByRole('heading', { name: `将对 ${String(EXTENDED.length)} 件案件执行「延长期限」`, exact: true }).waitFor();
    for (const name of EXTENDED) await dialog.getByText(name, { exact: true }).waitFor();
    await dialog.getByText(`当前期限顺延 ${String(EXTENSION_DAYS)} 个工作日；理由：${EXTENSION_REASON}`, { exact: true }).waitFor();
    await expectAccessible(page, 'bulk action confirmation (desktop)');
    await screenshot(page, 'bulk-confirm-desktop');
    // Nothing has run before the confirmation.
    expect((await ok(stack.http.get<{ total: number }>('/bulk-actions'))).total).toBe(before);
    for (const { caseId } of extended) expect((await events(caseId)).filter((event) => event.type === 'DeadlineExtended')).toEqual([]);

    await dialog.getByRole('button', { name: `确认执行（${String(EXTENDED.length)} 件）`, exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/bulk-actions/'));
    const bulkActionId = pathOf(page).split('/').at(-1) ?? '';
    await headingShown(page, '批量操作：延长期限');
    await page.getByText('已完成', { exact: true }).waitFor();
    await page.getByText(`完成 ${String(EXTENDED.length)}`, { exact: true }).waitFor();
    const results = page.locator('.ant-table-tbody tr');
    await eventually('five results', async () => ((await results.filter({ hasText: '完成' }).count()) === EXTENDED.length ? true : undefined));
    expect((await page.locator('.ant-table-tbody').getByRole('link').allTextContents()).sort()).toEqual(EXTENDED);
    const details = page.locator('.ant-descriptions');
    await details.getByText(`${TEST_ADMIN.username}（市纪委项目办）`, { exact: true }).waitFor();
    await expectAccessible(page, 'bulk action (desktop)');
    await screenshot(page, 'bulk-action-desktop');

    for (const { caseId, deadlines } of extended) {
      const recorded = (await events(caseId)).filter((event) => event.type === 'DeadlineExtended');
      expect(recorded).toHaveLength(1);
      expect(recorded[0]?.payload).toEqual({ deadline: 'cultivation', dueOn: addWorkingDays(deadlines.cultivation ?? '', EXTENSION_DAYS) });
      expect(recorded[0]?.reason).toBe(`${EXTENSION_REASON}（批量操作 / bulk action ${bulkActionId}）`);
      expect(recorded[0]?.actor).toMatchObject({ id: stack.ids.admin, role: 'administrator' });
    }

    // Each unit leads to its case.
    await page.locator('.ant-table-tbody').getByRole('link', { name: EXTENDED[0], exact: true }).click();
    await headingShown(page, EXTENDED[0] ?? '');
  });

  it('says when the selection changed before the confirmation, and shows a refused case with its reason (phone)', async () => {
    const { stack } = running;
    const owesPlan = await stack.enrollNewUnit(otherCampaignId, '催办村1');
    const submitted = await stack.enrollNewUnit(otherCampaignId, '催办村2');
    await ok(stack.http.post(`/cases/${submitted.caseId}/plan`, { summary: '创建方案' }, await stack.contactOf(submitted.unitId)));

    const page = await office('phone', `/ledger?campaignId=${otherCampaignId}&q=${encodeURIComponent('催办村')}`);
    await totalShown(page, 2);
    await page.getByRole('button', { name: '对筛选结果批量操作', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '对筛选结果批量操作', exact: true });
    await dialog.getByText('催办', { exact: true }).click();
    await dialog.getByLabel('催办附言（可不填）', { exact: true }).waitFor();
    await dialog.getByLabel('催办附言（可不填）', { exact: true }).fill('请于本周内提交');
    await dialog.getByRole('button', { name: '下一步：确认范围', exact: true }).click();
    await dialog.getByRole('heading', { name: '将对 2 件案件执行「催办」', exact: true }).waitFor();

    // Meanwhile another unit joins the selection: the count confirmed no longer holds.
    const joined = await stack.enrollNewUnit(otherCampaignId, '催办村3');
    await dialog.getByRole('button', { name: '确认执行（2 件）', exact: true }).click();
    await dialog.getByRole('alert').getByText('筛选结果已变化：现为 3 件（确认时为 2 件），请重新确认', { exact: true }).waitFor();
    await dialog.getByText('催办村3', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: '确认执行（3 件）', exact: true }).click();

    await page.waitForURL((url) => url.pathname.startsWith('/bulk-actions/'));
    await headingShown(page, '批量操作：催办');
    await page.getByText('已完成', { exact: true }).waitFor();
    await page.getByText('完成 2', { exact: true }).waitFor();
    await page.getByText('被拒绝 1', { exact: true }).waitFor();
    await choose(page, '按结果筛选', '被拒绝');
    const refused = page.locator('.ant-table-tbody tr').filter({ hasText: '催办村2' });
    await refused.getByText('被拒绝', { exact: true }).waitFor();
    await refused.getByText(/没有待办理的事项，无需催办/).waitFor();
    // The refused row is there before the filter applies too: wait until the succeeded ones have gone.
    for (const unit of ['催办村1', '催办村3']) await page.locator('.ant-table-tbody tr').filter({ hasText: unit }).waitFor({ state: 'detached' });
    await waitForCount(page.locator('.ant-table-tbody tr'), 1);
    await expectAccessible(page, 'bulk action with a refusal (phone)');
    await screenshot(page, 'bulk-action-phone');
    for (const { caseId } of [owesPlan, joined]) expect((await events(caseId)).filter((event) => event.type === 'UrgeSent')).toHaveLength(1);
    expect((await events(submitted.caseId)).filter((event) => event.type === 'UrgeSent')).toEqual([]);

    // The list, newest first.
    for (const viewport of VIEWPORTS) {
      const list = viewport === 'phone' ? page : await office(viewport, '/bulk-actions');
      if (viewport === 'phone') await list.goto(new URL('/bulk-actions', list.url()).toString());
      await headingShown(list, '批量操作');
      const kinds = list.locator('.ant-table-tbody tr').getByRole('link');
      await eventually('both actions listed', async () => ((await kinds.count()) >= 2 ? true : undefined));
      expect((await kinds.allTextContents()).slice(0, 2)).toEqual(['催办', '延长期限']);
      await expectAccessible(list, `bulk actions (${viewport})`);
      await screenshot(list, `bulk-actions-${viewport}`);
    }
  });
});
