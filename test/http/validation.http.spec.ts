import { describe, expect, it } from '@jest/globals';
import { CASE_OF_A, useHttpTier } from '../support/http-tier.js';

interface Refusal {
  code: string;
  errors?: { field: string; messages: string[] }[];
}

/** Every bad input answers 400 naming the field and why, and nothing behind the controller is called. */
describe('input validation', () => {
  const tier = useHttpTier();
  const fields = (answer: { body: Refusal }) => answer.body.errors?.map((error) => error.field);

  it('names missing, malformed and unknown fields of a body, all at once', async () => {
    const answer = await tier.as('admin').post<Refusal>('/campaigns', { year: 1999, name: '', isOpen: true });
    expect(answer.status).toBe(400);
    expect(fields(answer)?.sort()).toEqual(['isOpen', 'name', 'year']);
    expect(tier.services.campaigns.create).not.toHaveBeenCalled();
  });

  it('tells a refresh token given as null from one left out (the cookie), naming the field', async () => {
    const answer = await tier.as('anonymous').post<Refusal>('/auth/refresh', { refreshToken: null });
    expect(answer.status).toBe(400);
    expect(fields(answer)).toEqual(['refreshToken']);
    expect(tier.services.auth.refresh).not.toHaveBeenCalled();
  });

  it('names the path parameter that is not a UUID, and a category outside the list', async () => {
    expect(fields(await tier.as('admin').get<Refusal>('/units/not-a-uuid'))).toEqual(['unitId']);
    expect(fields(await tier.as('admin').get<Refusal>('/campaigns/1/statistics'))).toEqual(['campaignId']);
    const category = await tier.as('admin').get<Refusal>('/frameworks/castle/2019.1');
    expect(category.body.errors?.[0]).toEqual({ field: 'category', messages: [expect.stringContaining('must be one of agency')] });
    expect(tier.services.units.get).not.toHaveBeenCalled();
  });

  it('bounds arrays, text and nesting', async () => {
    const sheet = { scores: [], vetoes: Array.from({ length: 51 }, (_, index) => `V${index}`) };
    expect(fields(await tier.as('contactOfA').post<Refusal>(`/cases/${CASE_OF_A}/self-assessment`, sheet))).toEqual(['vetoes']);
    expect(fields(await tier.as('contactOfA').post<Refusal>(`/cases/${CASE_OF_A}/plan`, { summary: 'x'.repeat(20_001) }))).toEqual(['summary']);
    let deep: unknown = '方案';
    for (let level = 0; level < 12; level += 1) deep = { deeper: deep };
    const nested = await tier.as('contactOfA').post<Refusal>(`/cases/${CASE_OF_A}/plan`, { summary: deep });
    expect(nested.body.errors?.[0]?.messages[0]).toContain('nested deeper than 10 levels');
    expect(tier.services.cases.submitPlan).not.toHaveBeenCalled();
  });

  it('refuses a query of the wrong type or out of range, naming it', async () => {
    expect(fields(await tier.as('admin').get<Refusal>('/cases?pageSize=1000&stage=nowhere&sort=secret'))?.sort()).toEqual(['pageSize', 'sort', 'stage']);
    expect(fields(await tier.as('admin').get<Refusal>('/calendar/working-days?from=yesterday&to=2019-01-31'))).toEqual(['from']);
    expect(tier.services.calendar.workingDays).not.toHaveBeenCalled();
    expect(tier.services.cases.list).not.toHaveBeenCalled();
  });

  it('lists at most a hundred problems, however many a body has', async () => {
    const answer = await tier
      .as('admin')
      .post<Refusal>('/campaigns/00000000-0000-4000-8000-000000000000/enrollments/batch', { units: Array.from({ length: 5000 }, () => 0) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.flatMap((error) => error.messages)).toHaveLength(101);
    expect(answer.body.errors?.at(-1)?.field).toBe('…');
    expect(answer.body.errors?.at(-1)?.messages[0]).toMatch(/^另有 \d+ 处问题未列出 \/ \d+ more problems not listed$/);
  });
});
