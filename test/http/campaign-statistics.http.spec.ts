import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { useHttpTier } from '../support/http-tier.js';

interface Refusal {
  code: string;
  errors?: { field: string; messages: string[] }[];
}

/** 督办看板: the statistics' day to count from is checked as 我的待办's is, and passed on as given. */
describe('campaign statistics input', () => {
  const tier = useHttpTier();
  const campaignId = randomUUID();

  it('refuses an asOf that is not a date, or lies outside the working-day calendar, naming it in Chinese and English', async () => {
    for (const asOf of ['tomorrow', '2019-02-30', '1899-01-01']) {
      const answer = await tier.as('admin').get<Refusal>(`/campaigns/${campaignId}/statistics?asOf=${asOf}`);
      expect([asOf, answer.status, answer.body.errors?.map((error) => error.field)]).toEqual([asOf, 400, ['asOf']]);
    }
    const answer = await tier.as('admin').get<Refusal>(`/campaigns/${campaignId}/statistics?asOf=2019-13-01`);
    expect(answer.body.errors?.[0]?.messages).toEqual(['asOf 须为 YYYY-MM-DD 格式的日期 / asOf must be a date such as 2019-10-08 (YYYY-MM-DD)']);
    expect(tier.services.statistics.statistics).not.toHaveBeenCalled();
  });

  it('counts from the asOf given, or from the office’s today when there is none', async () => {
    expect((await tier.as('auditor').get(`/campaigns/${campaignId}/statistics?asOf=2019-10-08`)).status).toBe(200);
    expect(tier.services.statistics.statistics).toHaveBeenLastCalledWith(campaignId, '2019-10-08');
    expect((await tier.as('auditor').get(`/campaigns/${campaignId}/statistics`)).status).toBe(200);
    expect(tier.services.statistics.statistics).toHaveBeenLastCalledWith(campaignId, undefined);
  });
});
