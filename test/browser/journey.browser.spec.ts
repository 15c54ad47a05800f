import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import type { IndicatorFramework } from '#domain';
import { expectAccessible, screenshot, signIn, TEST_ADMIN, TEST_PASSWORD, useBrowser, useConsoleStack, type Viewport } from '../support/browser.js';
import type { SignedIn } from '../support/stack.js';

const UNIT = '下寮村';
const CAMPAIGN = '2019年永康市清廉细胞示范点创建';
const PLAN = '下寮村清廉村居创建方案：以“四全举措”为主线，建立小微权力清单，三务公开每月一次。';
const PLAN_REVISED = `${PLAN}（修改稿）补充监事会监督和工程建设全流程公开的具体安排。`;
const RETURN_REASON = '方案缺少监事会监督的具体安排，请补充后重新提交。';
const PROGRESS = '第一季度：巡察整改完成，小微权力清单已上墙公开。';
const ALICE_FINDING = '阿丽丝发现：村务公开栏第二季度未及时更新。';
const BOB_FINDING = '工程建设台账齐全。';
const DOCUMENT_NUMBER = '金纪〔2019〕12号';
const CERTIFIED_ON = '2019-12-20';
/** Each assessor gives every indicator this share of its weight: 95 of 100 passes (excellent from 90). */
const SHARE = 0.95;

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

/** A small file as a person would choose it: a PDF (typed by its content, as the api does). */
function pdf(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) };
}

/** The card of the steps the person may take now. */
function actionsOf(page: Page): Locator {
  return page.locator('.ant-card').filter({ has: page.getByText('可办理事项', { exact: true }) });
}

/** The case's timeline (办理记录). */
function timelineOf(page: Page): Locator {
  return page.locator('.ant-card').filter({ has: page.getByText('办理记录', { exact: true }) });
}

/** The names of the buttons the person is offered on the case. */
async function offered(page: Page): Promise<string[]> {
  const card = actionsOf(page);
  await card.waitFor();
  return (await card.getByRole('button').allInnerTexts()).map((text) => text.trim());
}

/** Opens a step by its button and answers its form (a drawer or a dialog, named as the button). */
async function openStep(page: Page, name: string): Promise<Locator> {
  await actionsOf(page).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name, exact: true });
  await dialog.waitFor();
  return dialog;
}

/** Waits for the console's short success message, and for the step's form to close. */
async function succeeded(page: Page, message: string, form?: Locator): Promise<void> {
  await page.getByText(message).first().waitFor();
  await form?.waitFor({ state: 'detached' });
}

/** Chooses files for a files field (named by its group) and waits until each is uploaded. */
async function upload(scope: Locator, group: string, files: readonly ReturnType<typeof pdf>[]): Promise<void> {
  const field = scope.getByRole('group', { name: group, exact: true });
  await field.locator('input[type=file]').setInputFiles([...files]);
  for (const file of files) await field.getByRole('listitem').filter({ hasText: file.name }).filter({ hasText: '已上传' }).waitFor();
}

/** Opens the case page as a person already signed in (or reloads it), and waits for its heading and actions. */
async function showCase(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: UNIT, exact: true }).waitFor();
  await actionsOf(page).waitFor();
}

async function reloadCase(page: Page): Promise<void> {
  await page.reload();
  await showCase(page);
}

/** Scores every indicator of the framework in a sheet form: `share` of its weight. */
async function scoreEvery(form: Locator, framework: IndicatorFramework, share: number): Promise<number> {
  let total = 0;
  for (const dimension of framework.dimensions) {
    for (const indicator of dimension.indicators) {
      const points = Math.round(indicator.weight * share * 100) / 100;
      total += points;
      await form.getByLabel(`${indicator.code} ${indicator.name.zh}`).fill(String(points));
    }
  }
  return Math.round(total * 100) / 100;
}

describe('a unit’s whole journey through the console (on SQLite)', () => {
  const running = useConsoleStack();
  const browser = useBrowser();
  let caseId: string;
  let contact: SignedIn;
  let framework: IndicatorFramework;

  beforeAll(async () => {
    const { stack } = running;
    // Setting up a campaign has no page yet (the office's campaign set-up is a later issue): it is made through the
    // api; the unit is enrolled in the console, and everything after happens there.
    await stack.createCampaign({ year: 2019, name: CAMPAIGN });
    const answer = await stack.http.get<IndicatorFramework>('/frameworks/village/2019.1');
    expect(answer.status).toBe(200);
    framework = answer.body;
  });

  /** A person (their own browser context) signed in on the case page. */
  async function personOnCase(username: string, password: string, viewport: Viewport = 'desktop'): Promise<Page> {
    const page = await browser.page(viewport);
    await signIn(page, running.stack, username, password, casePath(caseId));
    await showCase(page);
    return page;
  }

  it('takes the case from the plan to 金华市级认定, each person in their own page, and its audit trail holds', async () => {
    const { stack } = running;
    // ── 确定培育对象 (the office names the unit and enrolls it; its case opens at 培育) ─────────────
    const office = await browser.page('desktop');
    await signIn(office, stack, TEST_ADMIN.username, TEST_ADMIN.password, '/enroll');
    await office.getByLabel('创建活动', { exact: true }).click();
    // antd draws each option with its label as title (its role=option list is for screen readers only).
    await office.getByTitle(`${CAMPAIGN}（2019 年）`, { exact: true }).click();
    await office.getByLabel('单位名称', { exact: true }).fill(UNIT);
    await office.getByLabel('清廉建设领域', { exact: true }).click();
    await office.getByTitle('清廉村居', { exact: true }).click();
    await expectAccessible(office, 'enrollment (desktop)');
    await screenshot(office, 'enroll-desktop');
    await office.getByRole('button', { name: '确定为培育对象', exact: true }).click();
    await office.waitForURL((url) => url.pathname.startsWith('/cases/case'));
    caseId = decodeURIComponent(new URL(office.url()).pathname.slice('/cases/'.length));
    await showCase(office);
    // The unit's liaison gets an account (account pages are a later issue: through the api).
    contact = await stack.signUp('unit_contact', { unitId: caseId.split(':')[2] ?? '' });
    const liaison = await personOnCase(contact.username, TEST_PASSWORD);

    // ── 提交创建方案 (the unit's contact, at a desk) ──────────────────────────────────────────────
    expect(await offered(liaison)).toEqual(['提交创建方案']);
    expect(await offered(office)).not.toContain('审核创建方案');
    let form = await openStep(liaison, '提交创建方案');
    await form.getByLabel('创建方案内容').fill(PLAN);
    await upload(form, '创建方案文件', [pdf('下寮村创建方案.pdf'), pdf('小微权力清单.pdf')]);
    // A file chosen by mistake is removed before the plan is sent.
    await form.getByRole('button', { name: '移除 小微权力清单.pdf', exact: true }).click();
    await form.getByRole('listitem').filter({ hasText: '小微权力清单.pdf' }).waitFor({ state: 'detached' });
    await expectAccessible(liaison, 'plan form (desktop)');
    await screenshot(liaison, 'plan-form-desktop');
    await form.getByRole('button', { name: '提交', exact: true }).click();
    await succeeded(liaison, '创建方案已提交', form);
    await liaison.getByText('创建方案已提交，等待市纪委项目办审核。').waitFor();
    expect(await offered(liaison)).toEqual([]);

    // ── 退回创建方案 (the office, with a reason) ─────────────────────────────────────────────────
    await reloadCase(office);
    form = await openStep(office, '审核创建方案');
    await form.getByText(PLAN).waitFor();
    await form.getByRole('button', { name: '下载 下寮村创建方案.pdf', exact: true }).waitFor();
    expect(await form.getByRole('button', { name: '下载 小微权力清单.pdf', exact: true }).count()).toBe(0);
    await screenshot(office, 'plan-review-desktop');
    await form.getByRole('button', { name: '退回', exact: true }).click();
    const returning = office.getByRole('dialog', { name: '退回创建方案', exact: true });
    // The reason is required: without it nothing is sent.
    await returning.getByRole('button', { name: '确认退回', exact: true }).click();
    await returning.getByText('请填写退回理由').waitFor();
    await returning.getByLabel('退回理由').fill(RETURN_REASON);
    await returning.getByText('请填写退回理由').waitFor({ state: 'detached' });
    await expectAccessible(office, 'plan return dialog (desktop)');
    await returning.getByRole('button', { name: '确认退回', exact: true }).click();
    await succeeded(office, '创建方案已退回', form);

    // ── 重新提交创建方案: the contact sees the reason; the form holds the plan as filed ────────────
    await reloadCase(liaison);
    await liaison.getByText(`退回理由：${RETURN_REASON}`).waitFor();
    expect(await offered(liaison)).toEqual(['重新提交创建方案']);
    form = await openStep(liaison, '重新提交创建方案');
    expect(await form.getByLabel('创建方案内容').inputValue()).toBe(PLAN);
    await form.getByRole('group', { name: '创建方案文件', exact: true }).getByText('下寮村创建方案.pdf').waitFor();
    await form.getByLabel('创建方案内容').fill(PLAN_REVISED);
    await form.getByRole('button', { name: '提交', exact: true }).click();
    await succeeded(liaison, '创建方案已提交', form);

    // ── A step refused because the case moved: the office's page still shows the plan awaiting review,
    //    while the same administrator approves it in another page. ────────────────────────────────────
    await reloadCase(office);
    const stale = await openStep(office, '审核创建方案');
    await stale.getByText(PLAN_REVISED).waitFor();
    const elsewhere = await personOnCase(TEST_ADMIN.username, TEST_ADMIN.password);
    form = await openStep(elsewhere, '审核创建方案');
    await form.getByRole('button', { name: '通过', exact: true }).click();
    await succeeded(elsewhere, '创建方案已通过', form);
    await stale.getByRole('button', { name: '退回', exact: true }).click();
    const late = office.getByRole('dialog', { name: '退回创建方案', exact: true });
    await late.getByLabel('退回理由').fill('（过时页面上的退回）');
    await late.getByRole('button', { name: '确认退回', exact: true }).click();
    const refusal = late.getByRole('alert').filter({ hasText: '没有待审核的创建方案' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('案件状态可能已被他人更新');
    await refusal.getByRole('button', { name: '刷新案件', exact: true }).click();
    // The case as it is now: the plan approved, and no review to take.
    await stale.waitFor({ state: 'detached' });
    await office.getByText('已通过', { exact: true }).waitFor();
    expect(await offered(office)).not.toContain('审核创建方案');

    // ── 提交进度报告 and 申报自评 on a village liaison's phone; a reload loses nothing typed ─────────
    const phone = await personOnCase(contact.username, TEST_PASSWORD, 'phone');
    expect(await offered(phone)).toEqual(['提交进度报告']);
    form = await openStep(phone, '提交进度报告');
    await form.getByLabel('进度报告内容').fill(PROGRESS);
    await upload(form, '进度报告文件', [pdf('第一季度进度报告.pdf')]);
    await phone.reload();
    await showCase(phone);
    form = await openStep(phone, '提交进度报告');
    await form.getByText('已恢复上次未提交的内容').waitFor();
    expect(await form.getByLabel('进度报告内容').inputValue()).toBe(PROGRESS);
    await form.getByRole('group', { name: '进度报告文件', exact: true }).getByText('第一季度进度报告.pdf').waitFor();
    await expectAccessible(phone, 'progress report form (phone)');
    await screenshot(phone, 'progress-report-phone');
    await form.getByRole('button', { name: '提交', exact: true }).click();
    await succeeded(phone, '进度报告已提交', form);
    // The draft went with the step: the next report starts empty.
    form = await openStep(phone, '提交进度报告');
    expect(await form.getByLabel('进度报告内容').inputValue()).toBe('');
    await form.getByRole('button', { name: '取消', exact: true }).click();
    await form.waitFor({ state: 'detached' });

    expect(await offered(phone)).toEqual(['提交进度报告', '申报自评']);
    form = await openStep(phone, '申报自评');
    await form.getByText('已提交 1 份进度报告').waitFor();
    await form.getByRole('button', { name: '确认申报', exact: true }).click();
    await succeeded(phone, '已申报自评', form);

    // ── 提交自评 on the phone: every indicator, evidence where required, the total as it is typed ──
    expect(await offered(phone)).toEqual(['提交自评']);
    form = await openStep(phone, '提交自评');
    const total = await scoreEvery(form, framework, 0.9);
    await form.getByText(`合计：${String(total)} / 100 分`).waitFor();
    for (const item of framework.vetoItems) await form.getByText(`${item.code} ${item.name.zh}`).waitFor();
    // Sent without its evidence, the form says which indicator needs it and sends nothing.
    await form.getByRole('button', { name: '提交', exact: true }).click();
    const required = framework.dimensions.flatMap((dimension) => dimension.indicators).filter((indicator) => indicator.evidenceRequired);
    expect(required.length).toBeGreaterThan(0);
    await form.getByText(`${required[0]?.code ?? ''} 须附佐证材料`).waitFor();
    for (const indicator of required) await upload(form, `${indicator.code} 佐证材料`, [pdf(`${indicator.code} ${indicator.name.zh}台账.pdf`)]);
    await form.getByText('须附佐证材料').first().waitFor({ state: 'detached' });
    // The picture starts at the top of the form (the drawer scrolled down as the files were chosen).
    await form.getByText('逐项自评').scrollIntoViewIfNeeded();
    await expectAccessible(phone, 'self-assessment form (phone)');
    await screenshot(phone, 'self-assessment-phone');
    await form.getByRole('button', { name: '提交', exact: true }).click();
    await succeeded(phone, '自评已提交', form);
    await phone.getByText('当前无需您办理的事项').waitFor();
    await phone.getByText(String(total), { exact: true }).waitFor();

    // ── 指派检查组: two assessors, by name ────────────────────────────────────────────────────────
    await reloadCase(office);
    form = await openStep(office, '指派检查组');
    await form.getByRole('checkbox', { name: 'assessor-alice', exact: true }).check();
    await form.getByRole('button', { name: '确认指派', exact: true }).click();
    await form.getByText('请至少选择 2 名检查组成员').waitFor();
    await form.getByRole('checkbox', { name: 'assessor-bob', exact: true }).check();
    await form.getByText('请至少选择 2 名检查组成员').waitFor({ state: 'detached' });
    await expectAccessible(office, 'assessors form (desktop)');
    await screenshot(office, 'assign-assessors-desktop');
    await form.getByRole('button', { name: '确认指派', exact: true }).click();
    await succeeded(office, '检查组已指派', form);
    await office.getByText('2 人', { exact: true }).waitFor();

    // ── 提交检查评分: each assessor in their own page, never seeing the other's sheet ─────────────
    const alice = await personOnCase('assessor-alice', TEST_PASSWORD);
    expect(await offered(alice)).toEqual(['提交检查评分', '申报回避']);
    form = await openStep(alice, '提交检查评分');
    const inspected = await scoreEvery(form, framework, SHARE);
    await form.getByText(`合计：${String(inspected)} / 100 分`).waitFor();
    await form.getByLabel('检查发现 1', { exact: true }).fill(ALICE_FINDING);
    await upload(form, '检查发现材料', [pdf('检查记录（阿丽丝）.pdf')]);
    await expectAccessible(alice, 'scoring form (desktop)');
    await screenshot(alice, 'scoring-desktop');
    await form.getByRole('button', { name: '提交', exact: true }).click();
    await succeeded(alice, '第 1 轮评分已提交', form);
    await alice.getByText('您已提交第 1 轮评分').waitFor();
    expect(await offered(alice)).toEqual(['申报回避']);

    const bob = await personOnCase('assessor-bob', TEST_PASSWORD);
    // Someone has scored, and that is all Bob learns: not the findings, not the points.
    await timelineOf(bob).getByText('提交检查评分', { exact: true }).waitFor();
    expect(await bob.locator('body').innerText()).not.toContain(ALICE_FINDING);
    form = await openStep(bob, '提交检查评分');
    for (const indicator of framework.dimensions.flatMap((dimension) => dimension.indicators)) {
      expect(await form.getByLabel(`${indicator.code} ${indicator.name.zh}`).inputValue()).toBe('');
    }
    expect(await form.getByLabel('检查发现 1', { exact: true }).inputValue()).toBe('');
    await scoreEvery(form, framework, SHARE);
    await form.getByLabel('检查发现 1', { exact: true }).fill(BOB_FINDING);
    // A veto ticked asks first: 一票否决 is grave. Bob goes back and unticks it.
    const veto = framework.vetoItems[0];
    expect(veto).toBeDefined();
    const vetoBox = form.getByRole('checkbox', { name: `${veto?.code ?? ''} ${veto?.name.zh ?? ''}`, exact: true });
    await vetoBox.check();
    await form.getByRole('button', { name: '提交', exact: true }).click();
    const grave = bob.getByRole('dialog').filter({ hasText: '确认一票否决？' });
    await grave.getByText('无论得分多少，本单位本年度都将不予推荐').waitFor();
    await grave.getByRole('button', { name: '返回修改', exact: true }).click();
    await grave.waitFor({ state: 'detached' });
    await vetoBox.uncheck();
    await form.getByRole('button', { name: '提交', exact: true }).click();
    await succeeded(bob, '第 1 轮评分已提交', form);
    // The round concluded with Bob's sheet: the case passed.
    await bob.getByText('检查验收结论', { exact: true }).waitFor();

    // ── 推荐至金华 ─────────────────────────────────────────────────────────────────────────────
    await reloadCase(office);
    expect(await offered(office)).toContain('推荐至金华');
    form = await openStep(office, '推荐至金华');
    await form.getByText(`总分 ${String(inspected)}`).waitFor();
    await form.getByLabel('推荐批次（选填）').fill('2019-第一批');
    await form.getByRole('button', { name: '确认推荐', exact: true }).click();
    await succeeded(office, `已推荐${UNIT}至金华市纪委认定`, form);
    expect(await offered(office)).not.toContain('推荐至金华');

    // ── 金华市级认定: 文号 and date, confirmed ─────────────────────────────────────────────────────
    const jinhua = await personOnCase('jinhua-1', TEST_PASSWORD);
    expect(await offered(jinhua)).toEqual(['录入认定结果']);
    form = await openStep(jinhua, '录入认定结果');
    await form.getByRole('radio', { name: '认定', exact: true }).check();
    await form.getByLabel('认定文号').fill(DOCUMENT_NUMBER);
    const date = form.getByLabel('认定日期');
    await date.click();
    await date.fill(CERTIFIED_ON);
    // Leaving the field keeps the date (Enter would send the whole form: the confirmation would come at once).
    await date.press('Tab');
    await upload(form, '认定通知等文件', [pdf('关于命名2019年度清廉村居示范点的通知.pdf')]);
    await expectAccessible(jinhua, 'Jinhua decision form (desktop)');
    await screenshot(jinhua, 'jinhua-decision-desktop');
    await form.getByRole('button', { name: '提交', exact: true }).click();
    const confirmation = jinhua.getByRole('dialog').filter({ hasText: `确认认定${UNIT}？` });
    await confirmation.getByText(`认定文号：${DOCUMENT_NUMBER}；认定日期：${CERTIFIED_ON}。`).waitFor();
    await confirmation.getByRole('button', { name: '确认提交', exact: true }).click();
    await succeeded(jinhua, '认定结果已录入', form);
    await jinhua.getByText(`${DOCUMENT_NUMBER}（${CERTIFIED_ON}）`).waitFor();
    await jinhua.getByText('当前无需您办理的事项').waitFor();

    // ── The timeline holds every step, the returned plan with its reason; the hash chain holds ────
    await reloadCase(office);
    const timeline = timelineOf(office);
    await timeline.getByText('金华市级认定', { exact: true }).waitFor();
    // Each entry names its step in bold, then who and when, then any reason.
    const steps = (await timeline.locator('strong').allInnerTexts()).map((text) => text.trim());
    expect(steps).toEqual([
      '确定培育对象',
      '提交创建方案',
      '退回创建方案',
      '提交创建方案',
      '创建方案通过',
      '提交进度报告',
      '申报自评',
      '提交自评',
      '指派检查组',
      '提交检查评分',
      '提交检查评分',
      '检查验收结论',
      '推荐至金华',
      '金华市级认定',
    ]);
    expect(await timeline.innerText()).toContain(`理由：${RETURN_REASON}`);
    await expectAccessible(office, 'certified case (desktop)');
    await screenshot(office, 'case-certified-desktop');

    const audit = await stack.http.get<{ ok: boolean; eventsChecked: number }>(`/audit/verify?caseId=${encodeURIComponent(caseId)}`);
    expect(audit.status).toBe(200);
    expect(audit.body.ok).toBe(true);
    expect(audit.body.eventsChecked).toBeGreaterThanOrEqual(steps.length);
  }, 600_000);
});
