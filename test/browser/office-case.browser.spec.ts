import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { indicatorsOf, type IndicatorFramework } from '#domain';
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
import { completeCultivation, expectStatus } from '../support/case-journey.js';
import { uploadDocument } from '../support/documents.js';
import { eventually } from '../support/http.js';
import type { SignedIn } from '../support/stack.js';

// The cases live on a compressed calendar (two real seconds a day from Monday 2026-06-01 in Shanghai), so the
// reminder case's reminders arrive while the tests run. The main case's stages last 480 days: nothing reminds it.
const SECONDS_PER_DAY = 2;
const LONG = { days: 480, unit: 'calendar' } as const;
/** Finite: the day before, the due day, and on the first working day overdue the escalation to the office; no more. */
const REMINDERS = { beforeDueWorkingDays: [1], onDueDay: true, overdueEveryWorkingDays: 0, escalateAfterWorkingDays: 1, sendAt: '09:00' };

const UNIT = '西城街道潜村';
const REMINDED_UNIT = '古山镇胡库下村';
const ALTERED_UNIT = '石柱镇塘里村';
const PDF = Buffer.from('%PDF-1.4\n% 潜村创建方案\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXTENSION_REASON = '村两委换届，创建工作顺延一个月。';
const REPLACEMENT_REASON = '检查组成员 bob 调任，改由 carol 检查。';
/** Carol gives this indicator 10 of its 15 points where Alice gives 95 %: a spread of 4.25, above a fifth of 15. */
const DIFFERING = 'VI-1.3';

interface RecordedEvent {
  sequence: number;
  type: string;
  hash: string;
  prevHash: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

function actionsOf(page: Page): Locator {
  return page.locator('.ant-card').filter({ has: page.getByText('可办理事项', { exact: true }) });
}

function timelineOf(page: Page): Locator {
  return page.locator('.ant-card').filter({ has: page.getByText('办理记录', { exact: true }) });
}

function cardOf(page: Page, title: string | RegExp): Locator {
  return page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText(title) });
}

async function openStep(page: Page, name: string): Promise<Locator> {
  await actionsOf(page).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name, exact: true });
  await dialog.waitFor();
  return dialog;
}

async function succeeded(page: Page, message: string, form: Locator): Promise<void> {
  await page.getByText(message).first().waitFor();
  await form.waitFor({ state: 'detached' });
}

/** One day later than an ISO date, `days` times. */
function daysAfter(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

describe('the case page for the program office and the auditors (on SQLite)', () => {
  const running = useConsoleStack({ CASE_CLOCK_SECONDS_PER_DAY: String(SECONDS_PER_DAY), CASE_CLOCK_STARTS_ON: '2026-06-01' });
  const browser = useBrowser();
  let campaignId: string;
  let caseId: string;
  let dueOn: string;
  let remindedCaseId: string;
  let remindedContact: SignedIn;
  let framework: IndicatorFramework;

  beforeAll(async () => {
    const { stack } = running;
    campaignId = await stack.createCampaign({
      year: 2026,
      name: '2026年清廉村居示范点创建',
      stageDurations: { cultivation: LONG, self_assessment: LONG, inspection: LONG, rectification: LONG },
    });
    const enrolled = await stack.enrollNewUnit(campaignId, UNIT);
    caseId = enrolled.caseId;
    dueOn = enrolled.deadlines.cultivation ?? '';
    framework = await expectStatus(stack.http.get<IndicatorFramework>('/frameworks/village/2019.1'));
    // The reminded unit's contact exists before its first reminder goes out (a day and nine hours after enrollment).
    const reminding = await stack.createCampaign({
      year: 2026,
      name: '提醒演示',
      reminderPolicy: REMINDERS,
      stageDurations: { cultivation: { days: 2, unit: 'calendar' } },
    });
    const unitId = await stack.createUnit(REMINDED_UNIT);
    remindedContact = await stack.signUp('unit_contact', { unitId });
    remindedCaseId = (await stack.enroll(reminding, unitId)).caseId;
  });

  async function events(id = caseId): Promise<RecordedEvent[]> {
    return expectStatus(running.stack.http.get<RecordedEvent[]>(`/cases/${encodeURIComponent(id)}/events`));
  }

  /** A person signed in on a case page, as they would arrive: the page's heading shows. */
  async function onCase(username: string, password: string, viewport: Viewport, id = caseId, unit = UNIT): Promise<Page> {
    const page = await browser.page(viewport);
    await signIn(page, running.stack, username, password, casePath(id));
    await page.getByRole('heading', { level: 1, name: unit, exact: true }).waitFor();
    return page;
  }

  it('extends a deadline: without a reason the field says so; with one the new due date shows and DeadlineExtended is recorded', async () => {
    const extended = daysAfter(dueOn, 30);
    const page = await onCase(TEST_ADMIN.username, TEST_ADMIN.password, 'desktop');
    await page.getByText(`本阶段期限：${dueOn}`).waitFor();
    const form = await openStep(page, '延长期限');
    await form.getByText(`当前期限：${dueOn}。新期限须晚于当前期限。`).waitFor();
    await form.getByRole('button', { name: '确认延期', exact: true }).click();
    await form.getByText('请选择新期限').waitFor();
    await form.getByText('请填写延期理由').waitFor();
    // The calendar opens on the current due date, marked, and offers no day up to it.
    const date = form.getByLabel('新期限', { exact: true });
    await date.click();
    await page.getByTitle(`当前期限 ${dueOn}`).waitFor();
    expect(await page.locator(`td[title="${dueOn}"]`).getAttribute('class')).toContain('ant-picker-cell-disabled');
    await screenshot(page, 'office-extend-deadline-picker-desktop');
    await date.fill(extended);
    await date.press('Tab');
    await form.getByLabel('延期理由', { exact: true }).fill(EXTENSION_REASON);
    await form.getByText('请填写延期理由').waitFor({ state: 'detached' });
    await expectAccessible(page, 'deadline extension (desktop)');
    await screenshot(page, 'office-extend-deadline-desktop');
    await form.getByRole('button', { name: '确认延期', exact: true }).click();
    await succeeded(page, `培育期限已延长至 ${extended}`, form);
    await page.getByText(`本阶段期限：${extended}`).waitFor();
    const entry = timelineOf(page).locator('.ant-timeline-item').filter({ hasText: '延长期限' });
    await entry.getByText(`理由：${EXTENSION_REASON}`).waitFor();
    const recorded = (await events()).filter((event) => event.type === 'DeadlineExtended');
    expect(recorded.map((event) => event.payload)).toEqual([{ deadline: 'cultivation', dueOn: extended }]);
    dueOn = extended;
  });

  it('replaces an assessor: those assigned are preselected, one is removed with a reason and another added', async () => {
    const { stack } = running;
    await expectStatus(stack.http.post(`/cases/${encodeURIComponent(caseId)}/assessors`, { assessorIds: [stack.ids.alice, stack.ids.bob] }));
    const page = await onCase(TEST_ADMIN.username, TEST_ADMIN.password, 'desktop');
    await page.getByText('（assessor-alice、assessor-bob）').waitFor();
    const form = await openStep(page, '更换检查组');
    expect(await form.getByRole('checkbox', { name: 'assessor-alice', exact: true }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'assessor-bob', exact: true }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'assessor-carol', exact: true }).isChecked()).toBe(false);
    await form.getByRole('checkbox', { name: 'assessor-bob', exact: true }).uncheck();
    await form.getByRole('checkbox', { name: 'assessor-carol', exact: true }).check();
    const reason = form.getByLabel('更换理由（将不再检查：assessor-bob）', { exact: true });
    await form.getByRole('button', { name: '确认更换', exact: true }).click();
    await form.getByText('更换检查组成员须说明理由').waitFor();
    await reason.fill(REPLACEMENT_REASON);
    await form.getByText('更换检查组成员须说明理由').waitFor({ state: 'detached' });
    await expectAccessible(page, 'assessor replacement (desktop)');
    await screenshot(page, 'office-replace-assessors-desktop');
    await form.getByRole('button', { name: '确认更换', exact: true }).click();
    await succeeded(page, '检查组已更换', form);
    await page.getByText('（assessor-alice、assessor-carol）').waitFor();
    const entry = timelineOf(page).locator('.ant-timeline-item').filter({ hasText: '指派检查组' }).last();
    await entry.getByText(`理由：${REPLACEMENT_REASON}`).waitFor();
    const assigned = (await events()).filter((event) => event.type === 'AssessorsAssigned').at(-1);
    expect(assigned?.payload).toEqual({ assessorIds: [stack.ids.alice, stack.ids.carol] });
  });

  it('shows the concluded round’s score sheets side by side, the indicator the assessors differ on marked in colour and word', async () => {
    const { stack } = running;
    const path = `/cases/${encodeURIComponent(caseId)}`;
    const sheet = (differing: number) => ({
      scores: indicatorsOf(framework).map((indicator) => ({
        indicatorCode: indicator.code,
        points: indicator.code === DIFFERING ? differing : indicator.weight * 0.95,
        evidence: ['台账'],
      })),
    });
    await completeCultivation(stack, caseId);
    await expectStatus(stack.http.post(`${path}/self-assessment`, sheet(15 * 0.95), await stack.contactOf(caseId)));
    await expectStatus(stack.http.post(`${path}/inspection-scores`, { ...sheet(15 * 0.95), findings: ['三务公开栏更新及时。'] }, stack.actors.alice));
    await expectStatus(stack.http.post(`${path}/inspection-scores`, { ...sheet(10), findings: ['工程建设台账缺少两项验收记录。'] }, stack.actors.carol));

    for (const viewport of ['desktop', 'phone'] as const) {
      const page =
        viewport === 'desktop' ? await onCase(TEST_ADMIN.username, TEST_ADMIN.password, viewport) : await onCase('auditor-1', TEST_PASSWORD, viewport);
      const card = cardOf(page, '评分表');
      await card.getByRole('heading', { name: /^第 1 轮检查验收：/ }).waitFor();
      await card.getByText('分歧较大的指标 1 项：VI-1.3 工程建设全规范').waitFor();
      const table = card.getByRole('table');
      await table.getByRole('columnheader', { name: 'assessor-alice', exact: true }).waitFor();
      await table.getByRole('columnheader', { name: 'assessor-carol', exact: true }).waitFor();
      const differing = table.getByRole('row').filter({ hasText: `${DIFFERING} 工程建设全规范` });
      expect((await differing.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual([
        `${DIFFERING} 工程建设全规范`,
        '15',
        '14.25',
        '10',
        '4.25',
        '分歧较大',
      ]);
      // Every other indicator agrees: no other row is marked.
      expect(await table.getByText('分歧较大', { exact: true }).count()).toBe(1);
      await card.getByText('工程建设台账缺少两项验收记录。').waitFor();
      await expectAccessible(page, `score sheets (${viewport})`);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, `office-score-sheet-${viewport}`);
    }
  });

  it('shows each record’s sequence and hashes to the office and the auditors, and verifies the case’s chain', async () => {
    const recorded = await events();
    const [first, second] = recorded;
    expect(second?.prevHash).toBe(first?.hash);
    for (const [viewport, username, password] of [
      ['desktop', TEST_ADMIN.username, TEST_ADMIN.password],
      ['phone', 'auditor-1', TEST_PASSWORD],
    ] as const) {
      const page = await onCase(username, password, viewport);
      const timeline = timelineOf(page);
      await timeline.locator('.ant-timeline-item').first().waitFor();
      expect(await timeline.getByText('序号 1', { exact: true }).count()).toBe(0);
      await page.getByRole('switch', { name: '显示每条记录的序号与哈希' }).click();
      // Every record shows, the due dates the system set too, so the chain reads without gaps.
      await timeline.getByText(`序号 ${String(recorded.length)}`, { exact: true }).waitFor();
      await waitForCount(timeline.locator('.ant-timeline-item'), recorded.length);
      const entry = timeline.locator('.ant-timeline-item').filter({ has: page.getByText('序号 2', { exact: true }) });
      const previous = entry.getByRole('button', { name: `前一哈希：${first?.hash.slice(0, 12) ?? ''}…（展开完整哈希）`, exact: true });
      await previous.click();
      await entry.getByText(first?.hash ?? '', { exact: true }).waitFor();
      await entry.getByRole('button', { name: '复制前一哈希' }).waitFor();

      await page.getByRole('button', { name: '校验本案审计链', exact: true }).click();
      const report = cardOf(page, '审计链').getByRole('alert');
      await report.getByText('完整：本案审计链未被改动').waitFor();
      expect(await report.innerText()).toContain(`已校验 ${String(recorded.length)} 条记录，哈希逐条相连`);
      await expectAccessible(page, `audit chain (${viewport})`);
      await screenshot(page, `office-audit-chain-${viewport}`);
      if (viewport === 'phone') await actionsOf(page).getByText('当前无需您办理的事项').waitFor();
    }
  });

  it('names the record and the file when a stored file no longer matches what the record holds', async () => {
    const { stack } = running;
    const altered = await stack.enrollNewUnit(campaignId, ALTERED_UNIT);
    const contact = await stack.contactOf(altered.caseId);
    const plan = await expectStatus(uploadDocument(stack.url, altered.caseId, { fileName: '潜村创建方案.pdf', bytes: PDF }, contact), 201);
    await expectStatus(stack.http.post(`/cases/${encodeURIComponent(altered.caseId)}/plan`, { summary: '创建方案', documentIds: [plan.id] }, contact));
    const filed = (await events(altered.caseId)).find((event) => event.type === 'PlanSubmitted');
    const blob = join(stack.config.dataDir, 'documents', plan.sha256.slice(0, 2), plan.sha256.slice(2, 4), plan.sha256);
    const page = await onCase('auditor-1', TEST_PASSWORD, 'desktop', altered.caseId, ALTERED_UNIT);
    await page.getByRole('button', { name: '校验本案审计链', exact: true }).click();
    await page.getByText('完整：本案审计链未被改动').waitFor();
    expect(await cardOf(page, '审计链').getByRole('alert').innerText()).toContain('记录所引用的 1 处文件（1 个文件）已重新计算哈希，均与记录一致');
    await writeFile(blob, Buffer.concat([PDF, Buffer.from('% 篡改')]));
    try {
      await page.getByRole('button', { name: '校验本案审计链', exact: true }).click();
      const report = cardOf(page, '审计链').getByRole('alert');
      await report.getByText('不完整：本案审计链有问题').waitFor();
      const text = await report.innerText();
      expect(text).toContain(`哈希链完整（已校验 ${String((await events(altered.caseId)).length)} 条记录）`);
      expect(text).toContain(`第 ${String(filed?.sequence)} 条记录引用的“潜村创建方案.pdf”：文件内容被改动（记录的 SHA-256 ${plan.sha256}`);
      await expectAccessible(page, 'audit chain with an altered file (desktop)');
      await screenshot(page, 'office-audit-altered-file-desktop');
    } finally {
      await writeFile(blob, PDF);
    }
  });

  it('shows the case as it stood at an earlier moment, marked as a past view, and goes back to the case now', async () => {
    const page = await onCase(TEST_ADMIN.username, TEST_ADMIN.password, 'desktop');
    await page.getByRole('button', { name: /^查看当时状态（第 \d+ 条：延长期限之后）$/ }).click();
    await page.getByText(/^历史状态：以下是 .+（北京时间）时的案件$/).waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await page.getByText(/^历史状态：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/).waitFor();
    const facts = cardOf(page, '当时的案件信息');
    await facts.getByText('培育', { exact: true }).waitFor();
    await facts.getByText('未指派', { exact: true }).waitFor();
    await page.getByText(`当时的阶段期限：${dueOn}`).waitFor();
    // Nothing can be done on a past view, and what came after is not in it.
    expect(await actionsOf(page).count()).toBe(0);
    const past = cardOf(page, '截至当时的办理记录');
    await past.getByText('延长期限', { exact: true }).waitFor();
    expect(await past.getByText('指派检查组', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'past state (desktop)');
    await screenshot(page, 'office-as-of-desktop');
    await page.getByRole('button', { name: '返回当前状态', exact: true }).click();
    await actionsOf(page).waitFor();
    await page.locator('.ant-tag').getByText('验收通过（待推荐）', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();

    // An auditor on a phone asks for a moment before the case began, by date and time.
    const phone = await onCase('auditor-1', TEST_PASSWORD, 'phone');
    const moment = phone.getByLabel('查看历史状态（某一时刻的案件）', { exact: true });
    await moment.click();
    await moment.fill('2020-01-01 08:00:00');
    await moment.press('Tab');
    await phone.getByRole('button', { name: '查看', exact: true }).click();
    await phone.getByText('2020-01-01 08:00:00 时本案尚未确定培育对象，没有可显示的状态').waitFor();
    await phone.getByRole('button', { name: '返回当前状态', exact: true }).waitFor();
    // A moment after the extension, before the assessors: the picker too shows the past view.
    const extension = (await events()).find((event) => event.type === 'DeadlineExtended');
    await phone.goto(`${phone.url().split('?')[0] ?? ''}?asOf=${encodeURIComponent(extension?.occurredAt ?? '')}`);
    await cardOf(phone, '当时的案件信息').getByText('培育', { exact: true }).waitFor();
    await expectAccessible(phone, 'past state (phone)');
    await screenshot(phone, 'office-as-of-phone');
  });

  it('lists the reminders sent: when, for which deadline, which reminder, to whom and what each channel did', async () => {
    const { stack } = running;
    const reminderKeys = async () =>
      (await events(remindedCaseId)).filter((event) => event.type === 'ReminderSent').map((event) => String(event.payload.reminderKey));
    const keys = await eventually('the escalation', async () => {
      const sent = await reminderKeys();
      return sent.some((key) => key.includes(':escalation:')) ? sent : undefined;
    });
    expect(keys).toEqual(['2026-06-03:before_due:-1', '2026-06-03:due_today:0', '2026-06-03:escalation:1']);
    // The monthly call for a progress report is a reminder too.
    await expectStatus(stack.http.post('/schedules/qinglian-progress-report-call/trigger', {}));
    await eventually('the progress-report call', async () =>
      (await events(remindedCaseId)).some((event) => event.type === 'ProgressReportCalled') ? true : undefined,
    );

    for (const [viewport, username, password] of [
      ['desktop', TEST_ADMIN.username, TEST_ADMIN.password],
      ['phone', 'auditor-1', TEST_PASSWORD],
    ] as const) {
      const page = await onCase(username, password, viewport, remindedCaseId, REMINDED_UNIT);
      const card = cardOf(page, '提醒记录（4）');
      await card.waitFor();
      const item = (what: string) => card.locator(viewport === 'desktop' ? '.ant-table-row' : '.ant-list-item').filter({ hasText: what });
      for (const what of ['到期前提醒（到期前 1 个工作日）', '到期当日提醒', '逾期督办（逾期 1 个工作日，报市纪委）']) {
        const row = item(what);
        await row.getByText('培育期限 2026-06-03').waitFor();
        await row.getByText(`站内通知 → ${remindedContact.username}：已送达`).waitFor();
        await row.getByText('已发送', { exact: true }).waitFor();
      }
      // The escalation goes to the program office as well.
      await item('逾期督办').getByText(`站内通知 → ${TEST_ADMIN.username}：已送达`).waitFor();
      await item('进度报告提醒').getByText(`站内通知 → ${remindedContact.username}：已送达`).waitFor();
      await expectAccessible(page, `reminders (${viewport})`);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, `office-reminders-${viewport}`);
    }
  });
});
