import { describe, expect, it } from '@jest/globals';
import { CASE_EVENT_TYPES, isCaseEventType } from './case-event-types.js';

describe('CASE_EVENT_TYPES', () => {
  it('lists each type once and knows no other', () => {
    expect(new Set(CASE_EVENT_TYPES).size).toBe(CASE_EVENT_TYPES.length);
    expect(CASE_EVENT_TYPES).toEqual(expect.arrayContaining(['CaseEnrolled', 'PlanReturned', 'DeadlineSet', 'Certified', 'Revoked']));
    expect(CASE_EVENT_TYPES.every(isCaseEventType)).toBe(true);
    expect(['toString', 'constructor', 'PlanRejected'].some(isCaseEventType)).toBe(false);
  });
});
