import { randomUUID } from 'node:crypto';
import { addCalendarDays, shanghaiDate, type Actor, type CaseEventBody, type CategoryCode, type DeadlineKind } from '#domain';
import type { AppendCaseEventInput } from '#contracts';

/**
 * The ways a case goes in a mixed run, as the case workflow records them (`open_*`: it is still there): for the
 * statistics benchmark and for the test that the stage projection answers what folding the events gave.
 */
export const CASE_PATHS = [
  'certified',
  'revoked',
  'not_certified',
  'not_recommended',
  'withdrawn',
  'rectified_then_recommended',
  'open_rectification',
  'open_inspection',
  'open_self_assessment',
  'open_cultivation',
  'open_cultivation_no_due_date',
  'open_passed',
] as const;
export type CasePath = (typeof CASE_PATHS)[number];

const OFFICE: Actor = { id: 'admin-1', role: 'administrator' };
const SYSTEM: Actor = { id: 'system', role: 'system' };
const CONTACT: Actor = { id: 'contact-1', role: 'unit_contact' };
const JINHUA: Actor = { id: 'jinhua-1', role: 'jinhua_reviewer' };
const sheet = { scores: [], vetoes: [] };
const REASONED: ReadonlySet<CaseEventBody['type']> = new Set(['Withdrawn', 'Revoked', 'NotCertified']);

function concluded(round: number, outcome: 'pass' | 'rectification' | 'fail', total: number): CaseEventBody {
  return { type: 'InspectionConcluded', payload: { round, outcome, total, assessorTotals: [total, total], spread: 0, vetoes: [] } };
}

export interface CasePathInput {
  readonly campaignId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly category: CategoryCode;
  readonly path: CasePath;
  readonly enrolledAt: Date;
  /** Milliseconds from the previous step to the nth. */
  readonly step: (index: number) => number;
  /** Each stage's due date, this many days after entry. */
  readonly dueInDays: number;
  /** Progress reports filed during cultivation (events that leave the stage as it is). */
  readonly progressReports?: number;
}

/** The events of one case along `path`, numbered from 1, with the enrollment at `enrolledAt`. */
export function casePathEvents(input: CasePathInput): AppendCaseEventInput[] {
  const caseId = `case:${input.campaignId}:${input.unitId}`;
  const events: AppendCaseEventInput[] = [];
  let at = input.enrolledAt.getTime();
  const add = (event: CaseEventBody, actor: Actor = OFFICE, sameMoment = false): void => {
    if (events.length && !sameMoment) at += input.step(events.length);
    events.push({
      eventId: randomUUID(),
      caseId,
      sequence: events.length + 1,
      event,
      actor,
      reason: REASONED.has(event.type) ? '原因' : null,
      occurredAt: new Date(at).toISOString(),
      frameworkVersion: null,
    });
  };
  const due = (deadline: DeadlineKind): void => {
    const enteredOn = shanghaiDate(new Date(at));
    const duration = { days: input.dueInDays, unit: 'calendar' as const };
    add({ type: 'DeadlineSet', payload: { deadline, enteredOn, duration, dueOn: addCalendarDays(enteredOn, input.dueInDays) } }, SYSTEM, true);
  };
  add({ type: 'CaseEnrolled', payload: { campaignId: input.campaignId, unitId: input.unitId, unitName: input.unitName, category: input.category } });
  if (input.path !== 'open_cultivation_no_due_date') due('cultivation');
  add({ type: 'PlanSubmitted', payload: { summary: '创建方案', documentRefs: [] } }, CONTACT);
  if (input.path === 'withdrawn') {
    add({ type: 'Withdrawn', payload: {} });
    return events;
  }
  add({ type: 'PlanApproved', payload: {} });
  for (let report = 0; report < (input.progressReports ?? 0); report += 1) {
    add({ type: 'ProgressReportSubmitted', payload: { summary: `进度报告 ${String(report + 1)}`, documentRefs: [] } }, CONTACT);
  }
  if (input.path === 'open_cultivation' || input.path === 'open_cultivation_no_due_date') return events;
  add({ type: 'ReadinessDeclared', payload: {} }, CONTACT);
  due('self_assessment');
  if (input.path === 'open_self_assessment') return events;
  add({ type: 'SelfAssessmentSubmitted', payload: { sheet, total: 90 } }, CONTACT);
  due('inspection');
  add({ type: 'AssessorsAssigned', payload: { assessorIds: ['assessor-1', 'assessor-2'] } });
  if (input.path === 'open_inspection') return events;
  if (input.path === 'not_recommended') {
    add(concluded(1, 'fail', 60), SYSTEM);
    return events;
  }
  if (input.path === 'open_rectification' || input.path === 'rectified_then_recommended') {
    add(concluded(1, 'rectification', 80), SYSTEM);
    due('rectification');
    if (input.path === 'open_rectification') return events;
    add({ type: 'RectificationSubmitted', payload: { summary: '整改报告', documentRefs: [] } }, CONTACT);
    due('inspection');
  }
  add(concluded(input.path === 'rectified_then_recommended' ? 2 : 1, 'pass', 88), SYSTEM);
  if (input.path === 'open_passed') return events;
  add({ type: 'Recommended', payload: { batch: null } });
  if (input.path === 'rectified_then_recommended') return events;
  if (input.path === 'not_certified') {
    add({ type: 'NotCertified', payload: {} }, JINHUA);
    return events;
  }
  const certifiedOn = shanghaiDate(new Date(at + input.step(events.length)));
  add({ type: 'Certified', payload: { documentNumber: `金廉〔2019〕${String(events.length)}号`, certifiedOn } }, JINHUA);
  if (input.path === 'revoked') add({ type: 'Revoked', payload: {} });
  return events;
}

/** A small deterministic generator of numbers in [0, 1), so that every run builds the same cases. */
export function randomNumbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}
