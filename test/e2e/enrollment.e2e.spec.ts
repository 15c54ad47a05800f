import { beforeAll, expect, it } from '@jest/globals';
import { seedYongkang2019 } from '../../apps/cli/src/seed/seed-command.js';
import { describeOnEachDatabase } from '../support/suite.js';

describeOnEachDatabase('enrollment in bulk', (suite) => {
  let campaignId: string;

  const casesOf = async (id: string) => (await suite.stack.http.get<{ total: number }>(`/cases?campaignId=${id}&pageSize=1`)).body.total;

  async function postCsv(csv: string) {
    const response = await fetch(`${suite.stack.url}/campaigns/${campaignId}/enrollments/batch.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...suite.stack.actors.admin },
      body: csv,
    });
    return { status: response.status, body: (await response.json()) as { enrolled: number; alreadyEnrolled: number; errors?: { field: string }[] } };
  }

  beforeAll(async () => {
    campaignId = await suite.stack.createCampaign({ year: 2021, name: '批量导入测试' });
  });

  it('imports nothing when any row is bad, and names each bad row and field', async () => {
    const rejected = await suite.stack.http.post<{ errors: { field: string }[] }>(
      `/campaigns/${campaignId}/enrollments/batch`,
      {
        units: [
          { name: '下寮村', category: 'village' },
          { name: '', category: 'village' },
          { name: '步阳', category: 'enterprise' },
          { name: '某局', category: 'bureau' },
        ],
      },
      suite.stack.actors.admin,
    );
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors.map((error) => error.field).sort()).toEqual(['units.1.name', 'units.2.ownership', 'units.3.category']);
    expect(await casesOf(campaignId)).toBe(0);

    const badCsv = await postCsv('name,category,ownership,colour\n下寮村,village,,red\n先行集团,enterprise,,\n');
    expect(badCsv.status).toBe(400);
    expect(badCsv.body.errors?.map((error) => error.field).sort()).toEqual(['header', 'line 3.ownership']);
    expect(await casesOf(campaignId)).toBe(0);
    expect(
      (
        await suite.stack.http.post(
          `/campaigns/${campaignId}/enrollments/batch`,
          { units: [{ name: '下寮村', category: 'village' }] },
          suite.stack.actors.alice,
        )
      ).status,
    ).toBe(403);
  });

  it('enrolls a CSV batch, and a second run enrolls nothing twice', async () => {
    const csv = 'name,category,ownership\n下寮村,village,\n先行集团,enterprise,private\n大司巷小学,school,\n';
    expect((await postCsv(csv)).body).toMatchObject({ enrolled: 3, alreadyEnrolled: 0 });
    expect((await postCsv(csv)).body).toMatchObject({ enrolled: 0, alreadyEnrolled: 3 });
    expect(await casesOf(campaignId)).toBe(3);
  });

  it('seeds the 2019 Yongkang campaign with its 71 units, and changes nothing the second time', async () => {
    const lines: string[] = [];
    const token = await suite.stack.http.post<{ token: string }>('/api-tokens', { name: '永康 2019 种子数据', role: 'administrator', expiresInDays: 1 });
    expect(token.status).toBe(201);
    const first = await seedYongkang2019(suite.stack.url.replace(/\/api$/, ''), token.body.token, (line) => lines.push(line));
    expect(first).toEqual({ enrolled: 71, alreadyEnrolled: 0 });
    expect(lines.some((line) => line.includes('71/71'))).toBe(true);
    const campaigns = (await suite.stack.http.get<{ id: string; name: string }[]>('/campaigns?year=2019')).body;
    expect(campaigns.map((campaign) => campaign.name)).toEqual(['2019年永康市清廉细胞示范点创建']);
    const seeded = campaigns[0]?.id ?? '';
    const eventsBefore = (await suite.stack.http.get<{ eventsChecked: number }>('/audit/verify')).body.eventsChecked;

    expect(await seedYongkang2019(suite.stack.url.replace(/\/api$/, ''), token.body.token, () => undefined)).toEqual({ enrolled: 0, alreadyEnrolled: 71 });
    expect(await casesOf(seeded)).toBe(71);
    expect((await suite.stack.http.get<{ total: number }>(`/cases?campaignId=${seeded}&category=village&pageSize=1`)).body.total).toBe(48);
    expect((await suite.stack.http.get<{ eventsChecked: number; ok: boolean }>('/audit/verify')).body).toMatchObject({ ok: true, eventsChecked: eventsBefore });
    const [firstCase] = (await suite.stack.http.get<{ items: { caseId: string }[] }>(`/cases?campaignId=${seeded}&pageSize=1`)).body.items;
    const enrollment = (await suite.stack.http.get<{ actor: { id: string; role: string } }[]>(`/cases/${firstCase?.caseId ?? ''}/events`)).body[0];
    expect(enrollment?.actor).toEqual({
      id: `api-token:${String((await suite.stack.http.get<{ id: string }[]>('/api-tokens')).body[0]?.id)}`,
      role: 'administrator',
      name: '永康 2019 种子数据',
    });
  });
});
