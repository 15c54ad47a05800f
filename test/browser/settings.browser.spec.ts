import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { consoleUrl, expectAccessible, screenshot, signIn, TEST_ADMIN, TEST_PASSWORD, useBrowser, useConsoleStack, type Viewport } from '../support/browser.js';
import { eventually } from '../support/http.js';
import type { RunningStack } from '../support/stack.js';

const VIEWPORTS: readonly Viewport[] = ['desktop', 'phone'];
const UNIT = '下寮村';
const CAMPAIGN = '2019年永康市清廉细胞示范点创建';
const CONTACT_PASSWORD = '下寮村联络人的初始口令 2019';
/** The lockout after three failures in a row, without the growing wait between them (the e2e tier tests the waits). */
const MAX_FAILURES = 3;

const pathOf = (page: Page) => new URL(page.url()).pathname;

async function headingShown(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The administrator on a page of the console. */
async function office(page: Page, stack: RunningStack, path: string): Promise<void> {
  await signIn(page, stack, TEST_ADMIN.username, TEST_ADMIN.password, path);
}

/** A confirmation (Popconfirm) the person answers with its button. */
async function confirm(page: Page, button: string): Promise<void> {
  const popup = page.locator('.ant-popconfirm').filter({ has: page.getByRole('button', { name: button, exact: true }) });
  await popup.getByRole('button', { name: button, exact: true }).click();
  await popup.waitFor({ state: 'hidden' });
}

/** Waits for the console's short success message. */
async function succeeded(page: Page, message: string): Promise<void> {
  await page.getByText(message, { exact: true }).first().waitFor();
}

/** The links of the 设置 group in the main menu, once opened (on a phone, behind 打开菜单). */
async function settingsMenu(page: Page, viewport: Viewport): Promise<string[]> {
  if (viewport === 'phone') await page.getByRole('button', { name: '打开菜单', exact: true }).click();
  const nav = page.getByRole('navigation', { name: '主菜单' });
  // The group's title (its icon's name comes first in its accessible name).
  const group = nav.locator('[role=menuitem][aria-haspopup]').filter({ hasText: /^设置$/ });
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  // The group's own list, named by the group's aria-controls.
  const links = page.locator(`[id="${(await group.getAttribute('aria-controls')) ?? ''}"]`).getByRole('link');
  await links.first().waitFor();
  return (await links.allTextContents()).map((text) => text.trim());
}

async function loginStatus(stack: RunningStack, username: string, password: string): Promise<number> {
  return (await stack.anonymous.post('/auth/login', { username, password })).status;
}

describe('the office’s set-up pages in Chromium (on SQLite)', () => {
  const running = useConsoleStack({ AUTH_LOGIN_MAX_FAILURES: String(MAX_FAILURES), AUTH_LOGIN_BACKOFF_BASE_MS: '0' });
  const browser = useBrowser();
  let unitId: string;

  beforeAll(async () => {
    const { stack } = running;
    const campaignId = await stack.createCampaign({ year: 2019, name: CAMPAIGN });
    ({ unitId } = await stack.enrollNewUnit(campaignId, UNIT));
  });

  it.each(VIEWPORTS)('shows the 设置 group to the office, and to auditors only what they may read (%s)', async (viewport) => {
    const { stack } = running;
    const admin = await browser.page(viewport);
    await office(admin, stack, '/cases');
    expect(await settingsMenu(admin, viewport)).toEqual(['活动设置', '单位', '账户', '接口令牌', '定时任务']);
    await admin.getByRole('link', { name: '定时任务', exact: true }).click();
    await headingShown(admin, '定时任务');
    expect(pathOf(admin)).toBe('/settings/schedules');

    const auditor = await browser.page(viewport);
    await signIn(auditor, stack, 'auditor-1', TEST_PASSWORD, '/settings/schedules');
    await headingShown(auditor, '定时任务');
    await auditor.getByRole('heading', { level: 2, name: '周报', exact: true }).waitFor();
    // Read-only: the state of each schedule, and nothing to press.
    expect(await auditor.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await settingsMenu(auditor, viewport)).toEqual(['活动设置', '单位', '账户', '定时任务']);
    // A campaign's settings, read-only.
    await auditor.getByRole('link', { name: '活动设置', exact: true }).click();
    await auditor.getByRole('link', { name: CAMPAIGN, exact: true }).click();
    await headingShown(auditor, CAMPAIGN);
    await auditor.getByText('逾期满 3 个工作日报市纪委', { exact: true }).waitFor();
    expect(await auditor.getByRole('main').getByRole('button').count()).toBe(0);
  });

  it.each(VIEWPORTS)('creates a campaign from the domain’s defaults: a bad field is refused on the field, then the good one is kept (%s)', async (viewport) => {
    const { stack } = running;
    const name = `2020年永康市清廉细胞示范点创建（${viewport}）`;
    const page = await browser.page(viewport);
    await office(page, stack, '/settings/campaigns');
    await headingShown(page, '活动设置');
    await page.getByRole('link', { name: CAMPAIGN, exact: true }).waitFor();
    await page.getByRole('button', { name: '新建创建活动', exact: true }).click();
    await headingShown(page, '新建创建活动');

    // Every setting starts at the domain's default, explained.
    expect(await page.getByLabel('合格线', { exact: true }).inputValue()).toBe('85');
    expect(await page.getByLabel('优秀线', { exact: true }).inputValue()).toBe('90');
    expect(await page.getByLabel('培育期限天数', { exact: true }).inputValue()).toBe('120');
    expect(await page.getByLabel('自评期限天数', { exact: true }).inputValue()).toBe('15');
    expect(await page.getByLabel('到期前提醒第 1 次（工作日）', { exact: true }).inputValue()).toBe('7');
    expect(await page.getByLabel('到期前提醒第 2 次（工作日）', { exact: true }).inputValue()).toBe('1');
    await page.getByText('达到此分即通过验收（缺省 85 分）', { exact: true }).waitFor();
    await expectAccessible(page, `new campaign (${viewport})`);
    await screenshot(page, `settings-campaign-new-${viewport}`);

    await page.getByLabel('年度', { exact: true }).fill('2020');
    await page.getByLabel('活动名称', { exact: true }).fill(name);
    await page.getByLabel('清廉村居', { exact: true }).fill('48');
    // Two reminders on the same working day before the due date: the api refuses it, on that field.
    await page.getByLabel('到期前提醒第 2 次（工作日）', { exact: true }).fill('7');
    await page.getByRole('button', { name: '创建活动', exact: true }).click();
    await page.getByText('须为至多 10 个互不相同的 1–60 整数', { exact: true }).waitFor();
    expect(pathOf(page)).toBe('/settings/campaigns/new');
    expect((await stack.http.get<unknown[]>('/campaigns?year=2020')).body.filter((campaign) => (campaign as { name: string }).name === name)).toEqual([]);

    await page.getByLabel('到期前提醒第 2 次（工作日）', { exact: true }).fill('2');
    await page.getByRole('button', { name: '创建活动', exact: true }).click();
    await headingShown(page, name);
    const campaignId = pathOf(page).split('/').at(-1) ?? '';
    const stored = await stack.http.get<{ year: number; settings: Record<string, unknown> }>(`/campaigns/${campaignId}`);
    expect(stored.status).toBe(200);
    expect(stored.body.year).toBe(2020);
    expect(stored.body.settings).toMatchObject({
      thresholds: { pass: 85, excellent: 90, rectificationFloor: 70, maxRectificationRounds: 2 },
      targets: { village: 48 },
      stageDurations: { cultivation: { days: 120, unit: 'calendar' }, self_assessment: { days: 15, unit: 'working' } },
      reminderPolicy: { beforeDueWorkingDays: [7, 2], onDueDay: true, overdueEveryWorkingDays: 1, escalateAfterWorkingDays: 3, sendAt: '09:00' },
    });

    // Edited in the same form: the pass mark lowered; the settings shown are the new ones.
    await page.getByRole('button', { name: '修改设置', exact: true }).click();
    await page.getByText('修改只影响此后确定的培育对象', { exact: true }).waitFor();
    expect(await page.getByLabel('到期前提醒第 2 次（工作日）', { exact: true }).inputValue()).toBe('2');
    await page.getByLabel('合格线', { exact: true }).fill('80');
    await expectAccessible(page, `campaign edit (${viewport})`);
    await page.getByRole('button', { name: '保存修改', exact: true }).click();
    await succeeded(page, '活动设置已保存');
    await page.getByText('80 分', { exact: true }).waitFor();
    const edited = await stack.http.get<{ settings: { thresholds: { pass: number } }; updatedAt: string | null }>(`/campaigns/${campaignId}`);
    expect(edited.body.settings.thresholds.pass).toBe(80);
    expect(edited.body.updatedAt).not.toBeNull();

    // The list by year.
    await page.getByRole('link', { name: '活动设置', exact: true }).first().click();
    await headingShown(page, '活动设置');
    await page.getByLabel('按年度筛选', { exact: true }).click();
    await page.getByTitle('2020 年', { exact: true }).click();
    await page.getByRole('link', { name, exact: true }).waitFor();
    await page.getByRole('link', { name: CAMPAIGN, exact: true }).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('year')).toBe('2020');
  });

  it('manages a unit contact’s account: created, disabled (no login), enabled, unlocked after failed logins, sessions revoked', async () => {
    const { stack } = running;
    const username = 'xialiao.contact';
    const page = await browser.page('desktop');
    await office(page, stack, '/settings/accounts');
    await headingShown(page, '账户');
    await page.getByRole('button', { name: '新建账户', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '新建账户', exact: true });
    await dialog.waitFor();
    await dialog.getByText('至少 12 个字符', { exact: false }).waitFor();
    await dialog.getByLabel('用户名', { exact: true }).fill(username);
    await dialog.getByLabel('姓名', { exact: true }).fill('下寮村联络人');
    // 单位联络人 is the default role; the unit is found by typing part of its name.
    await dialog.getByLabel('所属单位', { exact: true }).fill('下寮');
    await page.getByTitle(`${UNIT}（清廉村居）`, { exact: true }).click();
    // A password holding the username: the api's rule, on the field.
    await dialog.getByLabel('初始口令', { exact: true }).fill(`${username} 2019 password`);
    await dialog.getByRole('button', { name: '创建账户', exact: true }).click();
    await dialog.getByText('口令不能包含用户名', { exact: true }).waitFor();
    await dialog.getByLabel('初始口令', { exact: true }).fill(CONTACT_PASSWORD);
    await dialog.getByRole('button', { name: '创建账户', exact: true }).click();
    await headingShown(page, `下寮村联络人（${username}）`);
    const accountId = pathOf(page).split('/').at(-1) ?? '';
    const account = await stack.http.get<{ role: string; unitId: string; status: string }>(`/accounts/${accountId}`);
    expect(account.body).toMatchObject({ role: 'unit_contact', unitId, status: 'active' });
    await page.getByRole('main').getByText(UNIT, { exact: true }).waitFor();

    // Sessions revoked: the contact's signed-in session ends at once.
    const contact = await stack.login(username, CONTACT_PASSWORD);
    expect((await stack.anonymous.get('/auth/me', contact.headers)).status).toBe(200);
    await page.getByRole('button', { name: '撤销全部会话', exact: true }).click();
    await confirm(page, '撤销会话');
    await succeeded(page, '已撤销 1 个会话');
    expect((await stack.anonymous.get('/auth/me', contact.headers)).status).toBe(401);

    // Disabled: the login fails (as a wrong password would); the reason goes into the account's records.
    await page.getByRole('button', { name: '停用账户', exact: true }).click();
    const disabling = page.getByRole('dialog', { name: `停用账户 ${username}`, exact: true });
    await disabling.getByLabel('理由', { exact: true }).fill('调岗，由新联络人接替');
    await disabling.getByRole('button', { name: '确认停用', exact: true }).click();
    await succeeded(page, '账户已停用');
    await page.getByRole('main').getByText('已停用', { exact: true }).waitFor();
    expect(await loginStatus(stack, username, CONTACT_PASSWORD)).toBe(401);
    const records = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '账户记录', exact: true }) });
    await records.getByText('理由：调岗，由新联络人接替', { exact: true }).waitFor();

    // Enabled: the same password signs in again.
    await page.getByRole('button', { name: '恢复账户', exact: true }).click();
    const enabling = page.getByRole('dialog', { name: `恢复账户 ${username}`, exact: true });
    await enabling.getByLabel('理由', { exact: true }).fill('回到原岗位');
    await enabling.getByRole('button', { name: '确认恢复', exact: true }).click();
    await succeeded(page, '账户已恢复');
    await page.getByRole('main').getByText('正常', { exact: true }).waitFor();
    expect(await loginStatus(stack, username, CONTACT_PASSWORD)).toBe(200);

    // Locked after failed logins in the contact's own browser; the office unlocks; the contact signs in.
    const liaison = await browser.page('phone');
    await liaison.goto(consoleUrl(stack, '/login'));
    const failedLogins = async () => (await stack.http.get<{ failedLogins: number }>(`/accounts/${accountId}`)).body.failedLogins;
    for (let attempt = 1; attempt <= MAX_FAILURES + 1; attempt += 1) {
      await liaison.getByLabel('用户名', { exact: true }).fill(username);
      await liaison.getByLabel('口令', { exact: true }).fill(`not the password, try ${String(attempt)}`);
      await liaison.getByRole('button', { name: '登录', exact: true }).click();
      if (attempt > MAX_FAILURES) await liaison.getByRole('alert').filter({ hasText: '账户已锁定' }).waitFor();
      else await eventually(`failed login ${String(attempt)}`, async () => ((await failedLogins()) === attempt ? true : undefined));
    }
    expect(await loginStatus(stack, username, CONTACT_PASSWORD)).toBe(423);
    await page.reload();
    await page.getByText('登录失败次数过多，已锁定至', { exact: false }).waitFor();
    await records.getByText('账户锁定', { exact: true }).waitFor();
    await page.getByRole('button', { name: '解除锁定', exact: true }).click();
    await confirm(page, '解除锁定');
    await succeeded(page, '已解除登录锁定');
    await page.getByText('登录失败次数过多，已锁定至', { exact: false }).waitFor({ state: 'detached' });
    await liaison.getByLabel('口令', { exact: true }).fill(CONTACT_PASSWORD);
    await liaison.getByRole('button', { name: '登录', exact: true }).click();
    await liaison.waitForURL((url) => url.pathname === '/workbench');

    // Every step is in the account's records, with who took it.
    await page.reload();
    for (const record of ['创建账户', '撤销会话', '停用账户', '恢复账户', '登录失败', '账户锁定', '解除锁定', '登录成功']) {
      await records.getByText(record, { exact: true }).first().waitFor();
    }
    expect(await records.innerText()).toContain(`${TEST_ADMIN.username}（市纪委项目办）`);
  });

  it('shows a new api token once, with a warning and a copy button; it works until it is revoked', async () => {
    const { stack } = running;
    const page = await browser.page('phone');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: consoleUrl(stack, '/').replace(/\/$/, '') });
    await office(page, stack, '/settings/api-tokens');
    await headingShown(page, '接口令牌');
    await page.getByRole('button', { name: '新建令牌', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '新建接口令牌', exact: true });
    await dialog.getByLabel('名称', { exact: true }).fill('省平台数据同步');
    // The role starts as administrator, whose tokens must name their expiry (at most the api's 180 days).
    await dialog.getByText('1–180 天；管理员角色的令牌必须设定', { exact: true }).waitFor();
    await dialog.getByLabel('有效天数', { exact: true }).fill('');
    await dialog.getByRole('button', { name: '创建令牌', exact: true }).click();
    await dialog.getByText('管理员角色的令牌须设定有效天数', { exact: true }).waitFor();
    await dialog.getByLabel('角色', { exact: true }).click();
    await page.getByTitle('审计', { exact: true }).click();
    await dialog.getByLabel('有效天数', { exact: true }).fill('30');
    await dialog.getByRole('button', { name: '创建令牌', exact: true }).click();

    const issued = page.getByRole('dialog', { name: '接口令牌「省平台数据同步」已创建', exact: true });
    await issued.getByText('令牌只显示这一次', { exact: true }).waitFor();
    const token = await issued.getByLabel('接口令牌', { exact: true }).inputValue();
    expect(token).toMatch(/^qlt_/);
    await issued.getByRole('button', { name: '复制令牌', exact: true }).click();
    await succeeded(page, '令牌已复制');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
    await expectAccessible(page, 'issued api token (phone)');
    await screenshot(page, 'settings-api-token-issued-phone');

    // As an integration would call the api with it.
    const asIntegration = () => fetch(`${stack.url}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    const me = await asIntegration();
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'auditor', authenticatedBy: 'api-token' });

    await issued.getByRole('button', { name: '我已复制并妥善保存', exact: true }).click();
    await issued.waitFor({ state: 'detached' });
    await page.getByText('省平台数据同步', { exact: true }).waitFor();
    // Never shown again: not on the page, not in the list the api gives.
    expect(await page.locator('body').innerText()).not.toContain(token);
    expect(JSON.stringify((await stack.http.get('/api-tokens')).body)).not.toContain(token);

    await page.getByRole('button', { name: '撤销「省平台数据同步」', exact: true }).click();
    await confirm(page, '撤销令牌');
    await succeeded(page, '已撤销接口令牌「省平台数据同步」');
    await page.getByText('已撤销', { exact: true }).waitFor();
    expect((await asIntegration()).status).toBe(401);
  });

  it('pauses a schedule with a note, resumes it, and runs one now', async () => {
    const { stack } = running;
    const page = await browser.page('desktop');
    await office(page, stack, '/settings/schedules');
    await headingShown(page, '定时任务');
    const card = (name: string): Locator => page.locator('.ant-card').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
    const digest = card('周报');
    await digest.getByText('每周一 09:00（北京时间）', { exact: false }).waitFor();
    await card('进度报告催报').getByText('每月 1 日 09:00（北京时间）', { exact: false }).waitFor();
    await card('文件清理').getByText('每天 03:30（北京时间）', { exact: false }).waitFor();

    await digest.getByRole('button', { name: '暂停', exact: true }).click();
    const pausing = page.getByRole('dialog', { name: '暂停「周报」', exact: true });
    await pausing.getByLabel('暂停说明', { exact: true }).fill('春节放假期间暂停，节后恢复');
    await pausing.getByRole('button', { name: '确认暂停', exact: true }).click();
    await succeeded(page, '已暂停「周报」');
    await digest.getByText('已暂停', { exact: true }).waitFor();
    await digest.getByText('春节放假期间暂停，节后恢复', { exact: true }).waitFor();
    const paused = await stack.http.get<{ id: string; paused: boolean; note: string }[]>('/schedules');
    expect(paused.body.find((schedule) => schedule.id === 'qinglian-weekly-digest')).toMatchObject({ paused: true, note: '春节放假期间暂停，节后恢复' });

    await digest.getByRole('button', { name: '恢复', exact: true }).click();
    await confirm(page, '恢复');
    await succeeded(page, '已恢复「周报」');
    await digest.getByText('运行中', { exact: true }).waitFor();
    const resumed = await stack.http.get<{ id: string; paused: boolean }[]>('/schedules');
    expect(resumed.body.find((schedule) => schedule.id === 'qinglian-weekly-digest')?.paused).toBe(false);

    const housekeeping = card('文件清理');
    await housekeeping.getByText('0 次', { exact: true }).waitFor();
    await housekeeping.getByRole('button', { name: '立即运行', exact: true }).click();
    await confirm(page, '立即运行');
    await succeeded(page, '「文件清理」已开始运行');
    // The page looks again until Temporal shows the run.
    await housekeeping.getByText('1 次', { exact: true }).waitFor();
    expect(await housekeeping.getByText('尚未运行', { exact: true }).count()).toBe(0);
  });

  it.each(VIEWPORTS)('has no serious or critical accessibility violation on the set-up pages, pictured in docs/screenshots (%s)', async (viewport) => {
    const { stack } = running;
    const page = await browser.page(viewport);
    await office(page, stack, '/settings/campaigns');
    await page.getByRole('link', { name: CAMPAIGN, exact: true }).waitFor();
    await expectAccessible(page, `campaigns (${viewport})`);
    await screenshot(page, `settings-campaigns-${viewport}`);

    await page.getByRole('link', { name: CAMPAIGN, exact: true }).click();
    await headingShown(page, CAMPAIGN);
    await page.getByText('逾期满 3 个工作日报市纪委', { exact: true }).waitFor();
    await expectAccessible(page, `campaign (${viewport})`);
    await screenshot(page, `settings-campaign-${viewport}`);

    await page.goto(consoleUrl(stack, '/settings/accounts'));
    await page.getByRole('link', { name: 'assessor-alice', exact: true }).waitFor();
    await expectAccessible(page, `accounts (${viewport})`);
    await screenshot(page, `settings-accounts-${viewport}`);

    await page.getByRole('link', { name: TEST_ADMIN.username, exact: true }).click();
    await headingShown(page, `${TEST_ADMIN.username}（${TEST_ADMIN.username}）`);
    await page.getByText('登录成功', { exact: true }).first().waitFor();
    await expectAccessible(page, `account (${viewport})`);
    await screenshot(page, `settings-account-${viewport}`);

    await page.goto(consoleUrl(stack, '/settings/api-tokens'));
    await headingShown(page, '接口令牌');
    await page.locator('.ant-table').waitFor();
    await expectAccessible(page, `api tokens (${viewport})`);
    await screenshot(page, `settings-api-tokens-${viewport}`);

    await page.goto(consoleUrl(stack, '/settings/schedules'));
    await page.getByRole('heading', { level: 2, name: '文件清理', exact: true }).waitFor();
    await expectAccessible(page, `schedules (${viewport})`);
    await screenshot(page, `settings-schedules-${viewport}`);
  });
});
