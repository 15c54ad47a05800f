import { describe, expect, it } from '@jest/globals';
import {
  assessorsInScope,
  caseAccess,
  caseListScope,
  HUMAN_ROLES,
  mayPerform,
  mayReadCase,
  PERMISSIONS,
  unitInScope,
  unitLinkProblem,
  unitListScope,
  type CaseScope,
  type Principal,
} from './access-policy.js';
import { CASE_STEP_ROLES, CASE_STEPS } from './case-rules.js';
import { CASE_STAGES } from './stages.js';

const admin: Principal = { id: 'a-1', role: 'administrator', unitId: null };
const auditor: Principal = { id: 'au-1', role: 'auditor', unitId: null };
const contact: Principal = { id: 'c-1', role: 'unit_contact', unitId: 'unit-1' };
const otherContact: Principal = { id: 'c-2', role: 'unit_contact', unitId: 'unit-2' };
const alice: Principal = { id: 'alice', role: 'assessor', unitId: null };
const bob: Principal = { id: 'bob', role: 'assessor', unitId: null };
const carol: Principal = { id: 'carol', role: 'assessor', unitId: null };
const jinhua: Principal = { id: 'j-1', role: 'jinhua_reviewer', unitId: null };

const scope = (over: Partial<CaseScope> = {}): CaseScope => ({
  unitId: 'unit-1',
  stage: 'inspection',
  assessorIds: ['alice', 'bob'],
  conflictedAssessorIds: ['bob'],
  ...over,
});

describe('access policy', () => {
  it('derives case-step permissions from the case rules role table, nothing more', () => {
    for (const step of CASE_STEPS) {
      for (const role of HUMAN_ROLES) {
        expect(mayPerform(role, `case:${step}`)).toBe((CASE_STEP_ROLES[step] as readonly string[]).includes(role));
      }
    }
    expect(mayPerform('administrator', 'campaigns:enroll')).toBe(true);
    expect(mayPerform('unit_contact', 'campaigns:enroll')).toBe(false);
  });

  it('gives the auditor read permissions only (an export is a read of what the list shows)', () => {
    const granted = PERMISSIONS.filter((permission) => mayPerform('auditor', permission));
    expect(granted.every((permission) => /:(read|statistics|verify|own|export)$/.test(permission))).toBe(true);
    expect(granted).toContain('audit:verify');
  });

  it('scopes unit contacts to their unit', () => {
    expect(mayReadCase(contact, scope())).toBe(true);
    expect(mayReadCase(otherContact, scope())).toBe(false);
    expect(mayReadCase({ ...contact, unitId: null }, scope())).toBe(false);
  });

  it('scopes assessors to cases assigned to them, never where they have a conflict', () => {
    expect(assessorsInScope(scope())).toEqual(['alice']);
    expect(mayReadCase(alice, scope())).toBe(true);
    expect(mayReadCase(bob, scope())).toBe(false);
    expect(mayReadCase(carol, scope())).toBe(false);
  });

  it('shows Jinhua reviewers recommended cases and what follows', () => {
    const visible = CASE_STAGES.filter((stage) => mayReadCase(jinhua, scope({ stage })));
    expect(visible).toEqual(['recommended', 'certified', 'not_certified', 'revoked']);
  });

  it('lets administrators and auditors see every case', () => {
    for (const stage of CASE_STAGES) {
      expect(mayReadCase(admin, scope({ stage, unitId: 'x' }))).toBe(true);
      expect(mayReadCase(auditor, scope({ stage, unitId: 'x' }))).toBe(true);
    }
  });

  it('hides cases outside the scope and forbids steps the role may not take', () => {
    expect(caseAccess(otherContact, scope(), 'submitPlan')).toBe('hidden');
    expect(caseAccess(contact, scope(), 'recommend')).toBe('forbidden');
    expect(caseAccess(contact, scope(), 'submitPlan')).toBe('allowed');
    expect(caseAccess(auditor, scope(), 'withdraw')).toBe('forbidden');
    expect(caseAccess(auditor, scope(), 'read')).toBe('allowed');
    expect(caseAccess(alice, scope(), 'submitInspectionScores')).toBe('allowed');
    expect(caseAccess(bob, scope(), 'submitInspectionScores')).toBe('hidden');
    expect(caseAccess(jinhua, scope({ stage: 'recommended' }), 'recordJinhuaDecision')).toBe('allowed');
    expect(caseAccess(jinhua, scope({ stage: 'passed' }), 'read')).toBe('hidden');
  });

  it('lets only those who see every case learn that a case does not exist', () => {
    expect(caseAccess(admin, null, 'read')).toBe('allowed');
    expect(caseAccess(auditor, null, 'read')).toBe('allowed');
    expect(caseAccess(contact, null, 'read')).toBe('hidden');
    expect(caseAccess(alice, null, 'read')).toBe('hidden');
  });

  it('turns the scope into a list filter', () => {
    expect(caseListScope(admin)).toEqual({ kind: 'all' });
    expect(caseListScope(auditor)).toEqual({ kind: 'all' });
    expect(caseListScope(contact)).toEqual({ kind: 'unit', unitId: 'unit-1' });
    expect(caseListScope({ ...contact, unitId: null })).toEqual({ kind: 'none' });
    expect(caseListScope(alice)).toEqual({ kind: 'assessor', assessorId: 'alice' });
    expect(caseListScope(jinhua)).toEqual({ kind: 'stages', stages: ['recommended', 'certified', 'not_certified', 'revoked'] });
  });

  it('lets administrators and a unit’s own contact manage its group chat, and no one else', () => {
    expect(HUMAN_ROLES.filter((role) => mayPerform(role, 'units:group-chat'))).toEqual(['administrator', 'unit_contact']);
    expect(unitInScope(admin, 'unit-2')).toBe(true);
    expect(unitInScope(contact, 'unit-1')).toBe(true);
    expect(unitInScope(contact, 'unit-2')).toBe(false);
    expect(unitInScope({ ...contact, unitId: null }, 'unit-1')).toBe(false);
    // Roles without the permission are refused (403) before the scope is asked.
    expect(mayPerform('auditor', 'units:group-chat')).toBe(false);
  });

  it('lists a unit contact their own unit only, and every unit to everyone else', () => {
    expect(unitListScope(contact)).toEqual({ kind: 'unit', unitId: 'unit-1' });
    expect(unitListScope({ ...contact, unitId: null })).toEqual({ kind: 'none' });
    for (const principal of [admin, auditor, alice, jinhua]) expect(unitListScope(principal)).toEqual({ kind: 'all' });
  });

  it('links unit contacts, and only them, to a unit', () => {
    expect(unitLinkProblem('unit_contact', null)?.en).toMatch(/linked to a unit/);
    expect(unitLinkProblem('unit_contact', 'unit-1')).toBeNull();
    expect(unitLinkProblem('assessor', 'unit-1')?.en).toMatch(/only a unit contact/);
    expect(unitLinkProblem('assessor', null)).toBeNull();
  });
});
