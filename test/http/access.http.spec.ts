import { describe, expect, it } from '@jest/globals';
import { CASE_OF_A, CASE_OF_B, PRINCIPALS, UNIT_A, UNIT_B, type Caller, useHttpTier } from '../support/http-tier.js';

/** The guard in front of every route, without a database or Temporal: who passes, and what the others are answered. */
describe('access checks', () => {
  const tier = useHttpTier();

  it('answers 401 without a token or with an unknown one, and 403 to a role the route is not for', async () => {
    expect((await tier.as('anonymous').get('/cases')).status).toBe(401);
    expect((await tier.as('anonymous').get('/cases', { authorization: 'Bearer not-a-known-token' })).body).toMatchObject({ code: 'TOKEN_INVALID' });
    const refused = await tier.as('contactOfA').post('/units', { name: '新单位', category: 'village' });
    expect(refused).toMatchObject({ status: 403, body: { code: 'ROLE_NOT_ALLOWED', messageZh: '您的角色无此权限' } });
    expect(tier.services.units.create).not.toHaveBeenCalled();
  });

  it('hides another unit from a unit contact as if it did not exist, and lets its own contact through', async () => {
    for (const path of [`/units/${UNIT_B}`, `/units/${UNIT_B}/group-chat`]) {
      expect(await tier.as('contactOfA').get(path)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', messageEn: `Unit not found: ${UNIT_B}` } });
    }
    expect(tier.services.units.get).not.toHaveBeenCalled();
    expect((await tier.as('contactOfA').get(`/units/${UNIT_A}`)).status).toBe(200);
    expect(tier.services.units.get).toHaveBeenCalledWith(UNIT_A);
    expect((await tier.as('assessor').get(`/units/${UNIT_B}`)).status).toBe(200);
  });

  it('hides a case outside the caller’s scope (404) and refuses a step the role may not take (403)', async () => {
    const outside: [Caller, string][] = [
      ['contactOfA', CASE_OF_B],
      ['assessor', CASE_OF_B],
      ['jinhua', CASE_OF_A],
    ];
    for (const [caller, caseId] of outside) {
      expect(await tier.as(caller).get(`/cases/${caseId}`)).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
    }
    expect((await tier.as('contactOfA').post(`/cases/${CASE_OF_A}/plan/review`, { approve: true })).body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(tier.services.cases.step).not.toHaveBeenCalled();
    expect((await tier.as('contactOfA').post(`/cases/${CASE_OF_A}/plan`, { summary: '方案' })).status).toBe(200);
    expect(tier.services.cases.step).toHaveBeenCalledWith(
      { caseId: CASE_OF_A, retry: null },
      'submitPlan',
      expect.objectContaining({ actor: { id: PRINCIPALS.contactOfA.id, role: 'unit_contact' }, summary: '方案' }),
    );
  });

  it('refuses a malformed case id with 400 before looking the case up', async () => {
    for (const caseId of ['case:x', `${CASE_OF_A}%00`, `${CASE_OF_A}%0A`, encodeURIComponent(`${CASE_OF_A}' or 1=1`)]) {
      const answer = await tier.as('contactOfA').get(`/cases/${caseId}/events`);
      expect({ caseId, status: answer.status, field: (answer.body.errors as { field: string }[] | undefined)?.[0]?.field }).toEqual({
        caseId,
        status: 400,
        field: 'caseId',
      });
    }
    expect(tier.services.caseRecords.scopeOf).not.toHaveBeenCalled();
  });
});
