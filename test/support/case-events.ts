import { randomUUID } from 'node:crypto';
import type { AppendCaseEventInput } from '#contracts';

/** An enrollment event as the case workflow would append it. */
export function enrollmentEvent(caseId: string, overrides: Partial<AppendCaseEventInput> = {}): AppendCaseEventInput {
  return {
    eventId: randomUUID(),
    caseId,
    sequence: 1,
    event: { type: 'CaseEnrolled', payload: { campaignId: 'c-2019', unitId: 'u-1', unitName: '江南街道西津经济合作社', category: 'village' } },
    actor: { id: 'admin-1', role: 'administrator' },
    reason: null,
    occurredAt: '2019-03-01T01:00:00.000Z',
    frameworkVersion: null,
    ...overrides,
  };
}

/** A plan submission following the enrollment. */
export function planSubmittedEvent(caseId: string, sequence: number, overrides: Partial<AppendCaseEventInput> = {}): AppendCaseEventInput {
  return {
    eventId: randomUUID(),
    caseId,
    sequence,
    event: { type: 'PlanSubmitted', payload: { summary: '五议两公开创建方案', documentRefs: ['文件-1'] } },
    actor: { id: 'contact-1', role: 'unit_contact' },
    reason: null,
    occurredAt: '2019-03-10T02:30:00.000Z',
    frameworkVersion: null,
    ...overrides,
  };
}
