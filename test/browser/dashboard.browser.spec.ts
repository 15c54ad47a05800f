import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectStatus, recommendCase, stepsOf, completeCultivation, type AssessorSession } from '../support/case-journey.js';
import { expectAccessible, screenshot, signIn, TEST_ADMIN, useBrowser, useConsoleStack, type Viewport } from '../support/browser.js';
import type { RunningStack } from '../support/stack.js';

interface Statistics {
  readonly cases: number;
  readonly byCategory: Record<
    string,
    { readonly total: number; readonly certified: number; readonly target: number | null; readonly byStage: Record<string, number> }
  >;
  readonly dueStatus: Record<'overdue' | 'due_soon' | 'on_track' | 'no_due_date', number>;
  readonly longestWaiting: readonly { readonly unitName: string }[];
  readonly certificationsByMonth: readonly { readonly month: string; readonly count: number }[];
}

/** A campaign whose cases stand in several categories and stages: two certified schools, one in self-assessment, villages in cultivation. */
async function campaignUnderWay(stack: RunningStack, name: string): Promise<string> {
  const campaignId = await stack.createCampaign({ year: 2019, name, targets: { school: 2, village: 3 } });
  const assessors = await Promise.all([stack.signUp('assessor'), stack.signUp('assessor')]);
  const pair: [AssessorSession, AssessorSession] = [assessors[0], assessors[1]];
  const schools = await Promise.all(
    ['古山镇中心小学', '永康市第二中学', '东城街道中心幼儿园'].map((unit) => stack.enrollNewUnit(campaignId, `${unit}（${name}）`, 'school')),
  );
  await Promise.all(['石柱镇塘里村', '前仓镇大陈村'].map((unit) => stack.enrollNewUnit(campaignId, `${unit}（${name}）`, 'village')));
  for (const [index, school] of schools.slice(0, 2).entries()) {
    await recommendCase(stack, school.caseId, 'school', pair);
    await stepsOf(stack, school.caseId).certify(stack.actors.jinhua, {
      documentNumber: `金纪〔2019〕${String(40 + index)}号`,
      certifiedOn: `2019-1${String(index + 1)}-20`,
    });
  }
  const third = schools[2];
  if (third) await completeCultivation(stack, third.caseId);
  return campaignId;
}

async function figure(page: Page, label: string): Promise<string> {
  const link = page.getByRole('link', { name: new RegExp(`^${label} \\S+，在台账中查看$`) });
  await link.waitFor();
  const name = (await link.getAttribute('aria-label')) ?? '';
  return name.split(' ')[1]?.replace('，在台账中查看', '') ?? '';
}

describe('督办看板 in Chromium (on SQLite)', () => {
  const running = useConsoleStack();
  const browser = useBrowser();
  const campaigns = new Map<Viewport, string>();

  it.each<Viewport>(['desktop', 'phone'])('shows at %s the figures the statistics api gives, each word with its colour', async (viewport) => {
    const { stack } = running;
    const campaignId = await campaignUnderWay(stack, `看板 ${viewport}`);
    campaigns.set(viewport, campaignId);
    const statistics = await expectStatus(stack.http.get<Statistics>(`/campaigns/${campaignId}/statistics`));
    const page = await browser.page(viewport);
    await signIn(page, stack, TEST_ADMIN.username, TEST_ADMIN.password, `/dashboard?year=2019&campaignId=${campaignId}`);
    await page.getByRole('heading', { level: 1, name: '督办看板' }).waitFor();

    expect(await figure(page, '案件总数')).toBe(String(statistics.cases));
    expect(await figure(page, '已认定')).toBe(String(statistics.byCategory.school?.certified));
    expect(await figure(page, '逾期')).toBe(String(statistics.dueStatus.overdue));
    expect(await figure(page, '临期')).toBe(String(statistics.dueStatus.due_soon));
    for (const [word, key] of [
      ['逾期', 'overdue'],
      ['临期', 'due_soon'],
      ['正常', 'on_track'],
      ['无期限', 'no_due_date'],
    ] as const) {
      await page.getByRole('link', { name: `${word} ${String(statistics.dueStatus[key])} 件，在台账中查看` }).waitFor();
    }
    // The category × stage table: each count links to exactly those cases.
    const table = page.getByRole('table').first();
    const schoolRow = table.getByRole('row', { name: /^清廉学校/ });
    await schoolRow.waitFor();
    expect(
      await schoolRow
        .getByRole('link', { name: String(statistics.byCategory.school?.total), exact: true })
        .first()
        .isVisible(),
    ).toBe(true);
    await page.getByText(`${statistics.certificationsByMonth[0]?.month ?? ''}：1 家`).waitFor();
    await expectAccessible(page, `dashboard (${viewport})`);
    await screenshot(page, `dashboard-${viewport}`);
  });

  it('leads from a figure to the ledger filtered to exactly those cases', async () => {
    const { stack } = running;
    const campaignId = campaigns.get('desktop') ?? (await campaignUnderWay(stack, '看板 click'));
    const statistics = await expectStatus(stack.http.get<Statistics>(`/campaigns/${campaignId}/statistics`));
    const villages = statistics.byCategory.village?.byStage.cultivation ?? 0;
    expect(villages).toBe(2);
    const page = await browser.page('desktop');
    await signIn(page, stack, TEST_ADMIN.username, TEST_ADMIN.password, `/dashboard?year=2019&campaignId=${campaignId}`);
    const villageRow = page.getByRole('row', { name: /^清廉村居/ }).first();
    await villageRow.waitFor();
    await villageRow
      .getByRole('link', { name: String(villages), exact: true })
      .last()
      .click();
    await page.waitForURL((url) => url.pathname === '/ledger');
    const filter = new URL(page.url()).searchParams;
    expect(Object.fromEntries(filter)).toEqual({ campaignId, category: 'village', stage: 'cultivation' });
    const listed = await expectStatus(stack.http.get<{ total: number }>(`/cases?${filter.toString()}`));
    expect(listed.total).toBe(villages);
    await page
      .getByText(`共 ${String(villages)} 件`)
      .first()
      .waitFor();

    await page.goBack();
    await page.getByRole('link', { name: /^已认定 2，在台账中查看$/ }).click();
    await page.waitForURL((url) => url.pathname === '/ledger' && url.searchParams.get('stage') === 'certified');
    await page.getByText('共 2 件').first().waitFor();
  });
});
