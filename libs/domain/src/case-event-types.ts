import type { CaseEventType } from './case-events.js';

/** Every event type of the audit trail, each once: a type added to CaseEventPayloads fails to compile until it is listed here. */
const LISTED = {
  CaseEnrolled: true,
  PlanSubmitted: true,
  PlanApproved: true,
  PlanReturned: true,
  ProgressReportSubmitted: true,
  ReadinessDeclared: true,
  SelfAssessmentSubmitted: true,
  AssessorsAssigned: true,
  ConflictDeclared: true,
  InspectionScoresSubmitted: true,
  InspectionConcluded: true,
  RectificationSubmitted: true,
  Recommended: true,
  Certified: true,
  NotCertified: true,
  AnnualReviewRecorded: true,
  Revoked: true,
  Withdrawn: true,
  DeadlineExtended: true,
  DeadlineSet: true,
  DeadlinePending: true,
  ReminderSent: true,
  ReminderFailed: true,
  ProgressReportCalled: true,
  ProgressReportCallFailed: true,
  UrgeSent: true,
} as const satisfies Record<CaseEventType, true>;

/** The case event types (审计记录事件类型), for filters that must name one. */
export const CASE_EVENT_TYPES = Object.keys(LISTED) as readonly CaseEventType[];

export function isCaseEventType(value: string): value is CaseEventType {
  return Object.hasOwn(LISTED, value);
}
