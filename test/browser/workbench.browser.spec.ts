import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { consoleUrl, expectAccessible, screenshot, signIn, TEST_PASSWORD, useBrowser, useConsoleStack, type Viewport } from '../support/browser.js';

const VIEWPORTS: readonly Viewport[] = ['desktop', 'phone'];

/** Milliseconds from the start of the page's navigation until `ready` shows, read from the page's Performance API. */
async function usableAfter(page: Page, ready: () => Promise<void>): Promise<number> {
  await ready();
  return page.evaluate(() => Math.round(performance.now()));
}

describe('我的待办, the inbox and one’s account in Chromium (on SQLite)', () => {
  // Lockout after three failures, without the growing wait between them (the e2e tier tests the waits).
  const running = useConsoleStack({ AUTH_LOGIN_MAX_FAILURES: '3', AUTH_LOGIN_BACKOFF_BASE_MS: '0' });
  const browser = useBrowser();

  it.each(VIEWPORTS)('lists at %s what waits on a unit contact, the due status in word and colour, and leads to the case', async (viewport) => {
    const { stack } = running;
    const campaignId = await stack.createCampaign({ year: 2019, name: `待办 ${viewport}` });
    const unit = `石柱镇塘里村（${viewport}）`;
    const { caseId, unitId } = await stack.enrollNewUnit(campaignId, unit);
    const contact = await stack.signUp('unit_contact', { unitId });
    const page = await browser.page(viewport);
    await signIn(page, stack, contact.username, TEST_PASSWORD, '/workbench');
    const task = page.getByRole('link', { name: '提交创建方案', exact: true });
    const millis = await usableAfter(page, () => task.waitFor());
    console.info(`workbench usable ${String(millis)} ms after navigation (${viewport}, Performance API)`);
    const row = page.getByText(unit).first();
    await row.waitFor();
    // The word always goes with the colour: 正常, 临期 or 逾期 (here by the campaign's own calendar, whatever today is).
    const statuses = await page.locator('.ant-tag').allInnerTexts();
    expect(statuses.some((text) => ['正常', '临期', '逾期', '无期限'].includes(text.trim()))).toBe(true);
    await expectAccessible(page, `workbench (${viewport})`);
    await screenshot(page, `workbench-${viewport}`);
    await task.click();
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: unit }).waitFor();
  });

  it('rings the bell with the unread count, and marks a notice read from the inbox', async () => {
    const { stack } = running;
    const person = await stack.signUp('assessor');
    await stack.deliverNotification({
      dedupeKey: `escalation:${randomUUID()}`,
      kind: 'escalation',
      caseId: null,
      recipients: { accountIds: [person.id] },
      data: { unitName: '古山镇中心小学', stage: 'cultivation', dueOn: '2019-09-30', daysLeft: 0, daysOverdue: 2 },
    });
    const page = await browser.page();
    await signIn(page, stack, person.username, TEST_PASSWORD, '/workbench');
    await page.getByRole('link', { name: '通知，1 条未读' }).click();
    await page.getByRole('heading', { level: 1, name: '通知' }).waitFor();
    await page.getByText('未读', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '标为已读', exact: true }).click();
    // The notice is read once its button goes, and the bell counts none (each list is read again on its own).
    await page.getByRole('button', { name: '标为已读', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '通知，0 条未读' }).waitFor();
    expect(await page.getByRole('button', { name: '全部标为已读', exact: true }).isVisible()).toBe(true);
  });

  it('changes one’s password from the account page: the new one signs in, the old one no longer', async () => {
    const { stack } = running;
    const person = await stack.signUp('jinhua_reviewer');
    const page = await browser.page('phone');
    await signIn(page, stack, person.username, TEST_PASSWORD, '/account');
    const renewed = '金华市纪委审核人的新口令 2019';
    await page.getByLabel('当前口令', { exact: true }).fill('not my password at all');
    await page.getByLabel('新口令', { exact: true }).fill(renewed);
    await page.getByLabel('再次输入新口令', { exact: true }).fill(renewed);
    await page.getByRole('button', { name: '修改口令', exact: true }).click();
    // The wrong current password is refused in Chinese on its field, and nothing changes.
    await page.getByText('当前口令不正确', { exact: true }).waitFor();
    await page.getByLabel('当前口令', { exact: true }).fill(TEST_PASSWORD);
    await page.locator('button.ant-btn-loading').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '修改口令', exact: true }).click();
    await page.getByText('口令已修改').waitFor();
    expect((await stack.anonymous.post('/auth/login', { username: person.username, password: TEST_PASSWORD })).status).toBe(401);
    expect((await stack.anonymous.post('/auth/login', { username: person.username, password: renewed })).status).toBe(200);
  });

  it('tells a person whose account is locked after failed logins, in Chinese, when to try again', async () => {
    const { stack } = running;
    const person = await stack.signUp('assessor');
    const page = await browser.page();
    await page.goto(consoleUrl(stack, '/login'));
    let status = 0;
    for (let attempt = 0; attempt < 5 && status !== 423; attempt += 1) {
      await page.getByLabel('用户名', { exact: true }).fill(person.username);
      await page.getByLabel('口令', { exact: true }).fill(`wrong password ${String(attempt)}`);
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/auth/login')),
        page.getByRole('button', { name: '登录', exact: true }).click(),
      ]);
      status = answer.status();
      // The button ignores clicks until the page has handled the answer (the form says so with aria-busy).
      await page.locator('form[aria-busy="false"]').waitFor();
    }
    const alert = page.getByRole('alert').filter({ hasText: '账户已锁定' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/请于 (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} 后再试/);
  });
});
