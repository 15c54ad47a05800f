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

  it('streams a batch’s progress while it enrolls, then its result; a batch that fails its checks answers as usual', async () => {
    type Line =
      | { type: 'progress'; done: number; total: number; enrolled: number; alreadyEnrolled: number }
      | { type: 'result'; result: { enrolled: number; alreadyEnrolled: number; rows: unknown[] } };
    const streamed = await suite.stack.createCampaign({ year: 2022, name: '流式导入测试' });
    const stream = async (units: unknown[]) => {
      const response = await fetch(`${suite.stack.url}/campaigns/${streamed}/enrollments/batch/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...suite.stack.actors.admin },
        body: JSON.stringify({ units }),
      });
      const text = await response.text();
      return { status: response.status, contentType: response.headers.get('content-type'), text };
    };
    const linesOf = (text: string): Line[] =>
      text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Line);
    const units = Array.from({ length: 40 }, (_, index) => ({ name: `流式导入村${String(index)}`, category: 'village' }));

    const first = await stream(units);
    expect(first.status).toBe(200);
    expect(first.contentType).toContain('application/x-ndjson');
    const lines = linesOf(first.text);
    const progress = lines.filter((line) => line.type === 'progress');
    expect(progress[0]).toEqual({ type: 'progress', done: 0, total: 40, enrolled: 0, alreadyEnrolled: 0 });
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 40, total: 40, enrolled: 40, alreadyEnrolled: 0 });
    expect(progress.map((line) => line.done)).toEqual([...progress.map((line) => line.done)].sort((a, b) => a - b));
    expect(lines.at(-1)).toMatchObject({ type: 'result', result: { enrolled: 40, alreadyEnrolled: 0 } });
    expect(lines.filter((line) => line.type === 'result')).toHaveLength(1);
    expect(await casesOf(streamed)).toBe(40);

    const again = linesOf((await stream(units)).text);
    expect(again.at(-1)).toMatchObject({ type: 'result', result: { enrolled: 0, alreadyEnrolled: 40 } });

    const repeated = await stream([units[0], { name: '流式新村', category: 'village' }, units[0]]);
    expect(repeated.status).toBe(400);
    expect(repeated.contentType).toContain('application/json');
    expect((JSON.parse(repeated.text) as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual(['units.2.name']);
    expect(await casesOf(streamed)).toBe(40);
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
