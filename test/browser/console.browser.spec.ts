import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { consoleUrl, expectAccessible, screenshot, signIn, TEST_ADMIN, TEST_PASSWORD, useBrowser, useConsoleStack, type Viewport } from '../support/browser.js';
import type { Enrollment, SignedIn } from '../support/stack.js';

const HOME = '下寮村';
const OTHER = '潜村清廉文化阵地';
const VIEWPORTS: readonly Viewport[] = ['desktop', 'phone'];
const REFRESH_COOKIE = 'qinglian_refresh';

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;
const nextOf = (page: Page) => new URL(page.url()).searchParams.get('next');

/** The links of the main menu, as the person sees them (on a phone, behind 打开菜单 in a drawer). */
async function menuOf(page: Page, viewport: Viewport): Promise<string[]> {
  if (viewport === 'phone') await page.getByRole('button', { name: '打开菜单', exact: true }).click();
  const links = page.getByRole('navigation', { name: '主菜单' }).getByRole('link');
  await links.first().waitFor();
  return (await links.allTextContents()).map((text) => text.trim());
}

/** The console's first heading, once it shows `name`. */
async function headingShown(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

// The browser tier runs on SQLite only: it tests the console in a real browser, and the api it calls answers alike on
// both databases (the e2e tier runs every route on each), so a second database would double the time and test nothing new.
describe('the console in Chromium (on SQLite)', () => {
  const running = useConsoleStack();
  const browser = useBrowser();
  let campaignId: string;
  let home: Enrollment;
  let other: Enrollment;
  let people: Readonly<Record<'unit_contact' | 'assessor' | 'jinhua_reviewer' | 'auditor', SignedIn>>;

  beforeAll(async () => {
    const { stack } = running;
    campaignId = await stack.createCampaign({ year: 2019, name: '2019年永康市清廉细胞示范点创建' });
    home = await stack.enrollNewUnit(campaignId, HOME);
    other = await stack.enrollNewUnit(campaignId, OTHER, 'culture');
    const [contact, assessor, jinhua, auditor] = await Promise.all([
      stack.signUp('unit_contact', { unitId: home.unitId }),
      stack.signUp('assessor'),
      stack.signUp('jinhua_reviewer'),
      stack.signUp('auditor'),
    ]);
    people = { unit_contact: contact, assessor, jinhua_reviewer: jinhua, auditor };
    // Something in the administrator's inbox, for the inbox page and its picture.
    await stack.deliverNotification({
      dedupeKey: `reminder_before_due:${randomUUID()}`,
      kind: 'reminder_before_due',
      caseId: home.caseId,
      recipients: { accountIds: [stack.ids.admin] },
      data: { unitName: HOME, stage: 'cultivation', dueOn: home.deadlines.cultivation ?? '2019-09-30', daysLeft: 7 },
    });
  });

  it('says 用户名或口令错误 on the login page when the password is wrong, and stays there', async () => {
    const { stack } = running;
    const person = await stack.signUp('assessor');
    const page = await browser.page();
    await page.goto(consoleUrl(stack, '/login'));
    await page.getByLabel('用户名', { exact: true }).fill(person.username);
    await page.getByLabel('口令', { exact: true }).fill('not the password of this account');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: '用户名或口令错误' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('用户名或口令错误');
    expect(pathOf(page)).toBe('/login');
  });

  it('sends a person who asked for a page to the login page, and there after signing in', async () => {
    const { stack } = running;
    const page = await browser.page('phone');
    await page.goto(consoleUrl(stack, '/cases'));
    await page.waitForURL((url) => url.pathname === '/login');
    expect(nextOf(page)).toBe('/cases');
    await signIn(page, stack, TEST_ADMIN.username, TEST_ADMIN.password, `/login?next=${encodeURIComponent('/cases')}`);
    expect(pathOf(page)).toBe('/cases');
    await headingShown(page, '案件');
    await page.getByRole('link', { name: HOME }).waitFor();
    expect(await page.getByRole('link', { name: OTHER }).count()).toBe(1);
  });

  it.each(VIEWPORTS)('shows each role its own menu (%s)', async (viewport) => {
    const { stack } = running;
    const expected: readonly [string, string, readonly string[]][] = [
      ['administrator', TEST_ADMIN.username, ['我的待办', '确定培育对象', '督办看板', '台账', '批量操作', '通知', '账户与口令']],
      ['unit_contact', people.unit_contact.username, ['我的待办', '本单位案件', '通知', '账户与口令']],
      ['assessor', people.assessor.username, ['我的待办', '我的检查', '通知', '账户与口令']],
      ['jinhua_reviewer', people.jinhua_reviewer.username, ['我的待办', '推荐与认定', '通知', '账户与口令']],
      ['auditor', people.auditor.username, ['督办看板', '台账', '批量操作', '通知', '账户与口令']],
    ];
    const seen: Record<string, string[]> = {};
    for (const [role, username] of expected) {
      const page = await browser.page(viewport);
      await signIn(page, stack, username, username === TEST_ADMIN.username ? TEST_ADMIN.password : TEST_PASSWORD, '/cases');
      seen[role] = await menuOf(page, viewport);
    }
    expect(seen).toEqual(Object.fromEntries(expected.map(([role, , menu]) => [role, menu])));
  });

  it('keeps the person signed in across a reload, with the refresh token in an HttpOnly cookie the page cannot read', async () => {
    const { stack } = running;
    const page = await browser.page();
    await signIn(page, stack, people.unit_contact.username, TEST_PASSWORD, '/cases');
    await page.getByRole('link', { name: HOME }).waitFor();

    await page.reload();
    await page.getByRole('link', { name: HOME }).waitFor();
    expect(pathOf(page)).toBe('/cases');
    expect(await menuOf(page, 'desktop')).toContain('本单位案件');

    expect(await page.evaluate<string>('document.cookie')).not.toContain(REFRESH_COOKIE);
    const cookies = await page.context().cookies(consoleUrl(stack, '/api/auth/refresh'));
    expect(cookies.filter((cookie) => cookie.name === REFRESH_COOKIE)).toEqual([
      expect.objectContaining({ name: REFRESH_COOKIE, httpOnly: true, sameSite: 'Strict', path: '/api/auth' }),
    ]);
    // Sent to /api/auth only: the pages and the rest of the api never see it.
    expect((await page.context().cookies(consoleUrl(stack, '/cases'))).map((cookie) => cookie.name)).not.toContain(REFRESH_COOKIE);
  });

  it('returns a person whose session was revoked to the login page, and to where they were going after signing in again', async () => {
    const { stack } = running;
    const person = await stack.signUp('unit_contact', { unitId: home.unitId });
    const page = await browser.page();
    await signIn(page, stack, person.username, TEST_PASSWORD, casePath(home.caseId));
    await headingShown(page, HOME);

    const revoked = await stack.http.post<{ revoked: number }>(`/accounts/${person.id}/session-revocation`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(1);

    // The next call to the api finds the session ended (the refresh is refused too).
    await page.getByRole('link', { name: '通知', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(nextOf(page)).toBe('/inbox');
    const notice = page.getByRole('alert').filter({ hasText: '会话已过期' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('请重新登录');

    await page.getByLabel('用户名', { exact: true }).fill(person.username);
    await page.getByLabel('口令', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/inbox');
    await headingShown(page, '通知');
    expect(pathOf(page)).toBe('/inbox');
  });

  it('brings a person whose session ended back to the page they reloaded, after signing in again', async () => {
    const { stack } = running;
    const person = await stack.signUp('unit_contact', { unitId: home.unitId });
    const page = await browser.page('phone');
    await signIn(page, stack, person.username, TEST_PASSWORD, casePath(home.caseId));
    await headingShown(page, HOME);

    expect((await stack.http.post(`/accounts/${person.id}/session-revocation`, {})).status).toBe(200);
    await page.reload();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(nextOf(page)).toBe(casePath(home.caseId));

    await page.getByLabel('用户名', { exact: true }).fill(person.username);
    await page.getByLabel('口令', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await headingShown(page, HOME);
    expect(pathOf(page)).toBe(casePath(home.caseId));
  });

  it('shows a unit contact who types another unit’s case address 无权访问 / 不存在, and nothing of that unit', async () => {
    const { stack } = running;
    const page = await browser.page();
    await signIn(page, stack, people.unit_contact.username, TEST_PASSWORD, casePath(other.caseId));
    const refusal = page.getByText('无权访问 / 不存在', { exact: true });
    await refusal.waitFor();
    expect(pathOf(page)).toBe(casePath(other.caseId));
    expect(await page.locator('body').innerText()).not.toContain(OTHER);

    // Their own list holds their unit only.
    await page.goto(consoleUrl(stack, '/cases'));
    await page.getByRole('link', { name: HOME }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(OTHER);
  });

  it('shows a freshly enrolled case at 培育 on the stepper, with 确定培育对象 on its timeline', async () => {
    const { stack } = running;
    const fresh = await stack.enrollNewUnit(campaignId, '胡库下村');
    const page = await browser.page();
    await signIn(page, stack, TEST_ADMIN.username, TEST_ADMIN.password, casePath(fresh.caseId));
    await headingShown(page, '胡库下村');

    const steps = page.getByLabel('案件进度');
    await steps.waitFor();
    expect(await steps.innerText()).toMatch(/培育[\s\S]*自评[\s\S]*检查验收[\s\S]*整改[\s\S]*推荐[\s\S]*金华认定/);
    // The step in progress (antd marks it by its class only: the stepper sets no aria-current).
    const current = steps.locator('.ant-steps-item-process');
    expect(await current.count()).toBe(1);
    expect(await current.innerText()).toContain('培育');

    const timeline = page.locator('.ant-card').filter({ hasText: '办理记录' });
    await timeline.getByText('确定培育对象', { exact: true }).waitFor();
    expect(await timeline.innerText()).toContain('确定培育对象');
  });

  it.each(VIEWPORTS)('logs out to the login page, which a reload keeps (%s)', async (viewport) => {
    const { stack } = running;
    const page = await browser.page(viewport);
    await signIn(page, stack, people.assessor.username, TEST_PASSWORD, '/cases');
    await headingShown(page, '案件');

    await page.getByRole('button', { name: '退出', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect((await page.context().cookies(consoleUrl(stack, '/api/auth/refresh'))).map((cookie) => cookie.name)).not.toContain(REFRESH_COOKIE);

    await page.reload();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    expect(pathOf(page)).toBe('/login');
    // No session to restore: a page of the console leads back to the login page.
    await page.goto(consoleUrl(stack, '/cases'));
    await page.waitForURL((url) => url.pathname === '/login');
    expect(nextOf(page)).toBe('/cases');
  });

  it.each(VIEWPORTS)('has no serious or critical accessibility violation on its pages, pictured in docs/screenshots (%s)', async (viewport) => {
    const { stack } = running;
    const page = await browser.page(viewport);

    await page.goto(consoleUrl(stack, '/login'));
    await headingShown(page, '清廉细胞示范点创建管理');
    await expectAccessible(page, `login (${viewport})`);
    await screenshot(page, `login-${viewport}`);

    await signIn(page, stack, TEST_ADMIN.username, TEST_ADMIN.password);
    expect(pathOf(page)).toBe('/workbench');
    await headingShown(page, '我的待办');
    await expectAccessible(page, `workbench (${viewport})`);
    if (viewport === 'phone') {
      await page.getByRole('button', { name: '打开菜单', exact: true }).click();
      await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '通知', exact: true }).waitFor();
      await expectAccessible(page, 'menu drawer (phone)');
      await screenshot(page, 'menu-phone');
      await page.keyboard.press('Escape');
      await page.getByRole('navigation', { name: '主菜单' }).waitFor({ state: 'hidden' });
    }

    await page.goto(consoleUrl(stack, '/cases'));
    await page.getByRole('link', { name: HOME }).waitFor();
    await expectAccessible(page, `cases (${viewport})`);
    await screenshot(page, `cases-${viewport}`);

    await page.goto(consoleUrl(stack, casePath(home.caseId)));
    await headingShown(page, HOME);
    await page.getByRole('main').getByText('确定培育对象', { exact: true }).waitFor();
    await expectAccessible(page, `case (${viewport})`);
    await screenshot(page, `case-${viewport}`);

    await page.goto(consoleUrl(stack, '/inbox'));
    await page.getByText(`${HOME}的「培育」环节还有 7 个工作日到期`, { exact: false }).waitFor();
    // The notice in Chinese, its case a link (查看案件) rather than an id.
    expect(await page.getByRole('main').innerText()).not.toContain(home.caseId);
    await page.getByRole('link', { name: '查看案件' }).waitFor();
    await expectAccessible(page, `inbox (${viewport})`);
    await screenshot(page, `inbox-${viewport}`);

    await page.goto(consoleUrl(stack, '/account'));
    await page.getByLabel('邮箱地址', { exact: true }).waitFor();
    await expectAccessible(page, `account (${viewport})`);
    await screenshot(page, `account-${viewport}`);
  });
});
