import { describe, expect, it } from '@jest/globals';
import { CaseRuleViolation } from './case-rule-violation.js';
import { decideEnrollment, decideSubmitPlan, type SubmitPlanCommand } from './case-rules.js';
import { evolveCase, initialCaseState, type CaseState } from './case-state.js';

const enrolled = initialCaseState({ caseId: 'case:c:u', campaignId: 'c', unitId: 'u', unitName: '石柱镇塘里村', category: 'village' });
const inCultivation: CaseState = evolveCase(enrolled, {
  type: 'CaseEnrolled',
  payload: { campaignId: 'c', unitId: 'u', unitName: '石柱镇塘里村', category: 'village' },
});
const contact = { id: 'contact-1', role: 'unit_contact' } as const;
const plan: SubmitPlanCommand = { actor: contact, summary: '  四全举措创建方案  ', documentRefs: ['doc-1'] };

function violationOf(decide: () => unknown): string {
  try {
    decide();
  } catch (error) {
    if (error instanceof CaseRuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a CaseRuleViolation');
}

describe('case rules', () => {
  it('enrollment moves the case into cultivation with no plan yet', () => {
    expect(inCultivation).toMatchObject({ stage: 'cultivation', planStatus: 'not_submitted', lastSequence: 1 });
  });

  it('the unit contact submits the plan during cultivation, trimmed', () => {
    const event = decideSubmitPlan(inCultivation, plan);
    expect(event).toEqual({ type: 'PlanSubmitted', payload: { summary: '四全举措创建方案', documentRefs: ['doc-1'] } });
    expect(evolveCase(inCultivation, event)).toMatchObject({ planStatus: 'submitted', lastSequence: 2 });
  });

  it('refuses the plan from anyone but the unit contact', () => {
    expect(violationOf(() => decideSubmitPlan(inCultivation, { ...plan, actor: { id: 'a-1', role: 'assessor' } }))).toBe('ROLE_NOT_ALLOWED');
  });

  it('refuses the plan outside cultivation', () => {
    expect(violationOf(() => decideSubmitPlan(enrolled, plan))).toBe('WRONG_STAGE');
  });

  it('refuses a second submission while the first is pending', () => {
    const submitted = evolveCase(inCultivation, decideSubmitPlan(inCultivation, plan));
    expect(violationOf(() => decideSubmitPlan(submitted, plan))).toBe('PLAN_ALREADY_SUBMITTED');
  });

  it('refuses an empty plan', () => {
    expect(violationOf(() => decideSubmitPlan(inCultivation, { ...plan, summary: '   ' }))).toBe('PLAN_SUMMARY_EMPTY');
  });

  it('gives every refusal in Chinese and English', () => {
    try {
      decideSubmitPlan(enrolled, plan);
    } catch (error) {
      expect(error).toBeInstanceOf(CaseRuleViolation);
      const violation = error as CaseRuleViolation;
      expect(violation.messageZh).toContain('培育');
      expect(violation.messageEn).toContain('cultivation');
    }
    expect.assertions(3);
  });

  it('only administrators enroll units', () => {
    expect(() => { decideEnrollment({ id: 'admin', role: 'administrator' }); }).not.toThrow();
    expect(violationOf(() => { decideEnrollment(contact); })).toBe('ROLE_NOT_ALLOWED');
  });
});
