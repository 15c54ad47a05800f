import type { CategoryCode } from './categories.js';
import type { CaseEventBody, DeadlineBasis } from './case-events.js';
import type { InspectionOutcomeKind, ScoreSheet } from './indicators/scoring.js';
import type { CaseStage, DeadlineKind, PlanStatus } from './stages.js';

/** The current inspection round: who has scored so far (scores stay hidden from the other assessors). */
export interface InspectionRound {
  readonly round: number;
  readonly sheets: Readonly<Record<string, ScoreSheet>>;
}

export interface CaseState {
  readonly caseId: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly category: CategoryCode;
  readonly stage: CaseStage;
  readonly planStatus: PlanStatus;
  readonly progressReports: number;
  readonly selfAssessmentTotal: number | null;
  readonly assessorIds: readonly string[];
  /** Assessors who may not inspect this unit (回避). */
  readonly conflictedAssessorIds: readonly string[];
  readonly inspection: InspectionRound | null;
  readonly rectificationRounds: number;
  readonly lastOutcome: { readonly kind: InspectionOutcomeKind; readonly total: number } | null;
  readonly certification: { readonly documentNumber: string; readonly certifiedOn: string } | null;
  readonly deadlines: Readonly<Partial<Record<DeadlineKind, string>>>;
  /** 期限待定: the current stage's due date waits for the working-day calendar (absent on older states). */
  readonly pendingDeadline?: DeadlineBasis | null;
  /** Sequence of the last event recorded for this case (0 before the first). */
  readonly lastSequence: number;
}

export function initialCaseState(input: { caseId: string; campaignId: string; unitId: string; unitName: string; category: CategoryCode }): CaseState {
  const { caseId, campaignId, unitId, unitName, category } = input;
  return {
    caseId,
    campaignId,
    unitId,
    unitName,
    category,
    stage: 'enrolled',
    planStatus: 'not_submitted',
    progressReports: 0,
    selfAssessmentTotal: null,
    assessorIds: [],
    conflictedAssessorIds: [],
    inspection: null,
    rectificationRounds: 0,
    lastOutcome: null,
    certification: null,
    deadlines: {},
    pendingDeadline: null,
    lastSequence: 0,
  };
}

const STAGE_AFTER_OUTCOME: Readonly<Record<InspectionOutcomeKind, CaseStage>> = {
  excellent: 'passed',
  pass: 'passed',
  rectification: 'rectification',
  fail: 'not_recommended',
};

/** Applies one recorded event to the state (the "evolve" half of the case rules). Never refuses. */
export function evolveCase(state: CaseState, event: CaseEventBody): CaseState {
  const next: CaseState = { ...state, lastSequence: state.lastSequence + 1 };
  switch (event.type) {
    case 'CaseEnrolled':
      return { ...next, stage: 'cultivation', planStatus: 'not_submitted' };
    case 'PlanSubmitted':
      return { ...next, planStatus: 'submitted' };
    case 'PlanApproved':
      return { ...next, planStatus: 'approved' };
    case 'PlanReturned':
      return { ...next, planStatus: 'returned' };
    case 'ProgressReportSubmitted':
      return { ...next, progressReports: state.progressReports + 1 };
    case 'ReadinessDeclared':
      return { ...next, stage: 'self_assessment' };
    case 'SelfAssessmentSubmitted':
      return { ...next, stage: 'inspection', selfAssessmentTotal: event.payload.total, inspection: { round: 1, sheets: {} } };
    case 'AssessorsAssigned': {
      const kept = event.payload.assessorIds;
      const sheets = state.inspection ? Object.fromEntries(Object.entries(state.inspection.sheets).filter(([id]) => kept.includes(id))) : null;
      return { ...next, assessorIds: [...kept], inspection: state.inspection && sheets ? { ...state.inspection, sheets } : state.inspection };
    }
    case 'ConflictDeclared': {
      const { assessorId } = event.payload;
      const inspection = state.inspection
        ? { ...state.inspection, sheets: Object.fromEntries(Object.entries(state.inspection.sheets).filter(([id]) => id !== assessorId)) }
        : null;
      return {
        ...next,
        conflictedAssessorIds: [...new Set([...state.conflictedAssessorIds, assessorId])],
        assessorIds: state.assessorIds.filter((id) => id !== assessorId),
        inspection,
      };
    }
    case 'InspectionScoresSubmitted': {
      const round = state.inspection ?? { round: event.payload.round, sheets: {} };
      return { ...next, inspection: { ...round, sheets: { ...round.sheets, [event.payload.assessorId]: event.payload.sheet } } };
    }
    case 'InspectionConcluded': {
      const { outcome, total } = event.payload;
      return {
        ...next,
        stage: STAGE_AFTER_OUTCOME[outcome],
        lastOutcome: { kind: outcome, total },
        rectificationRounds: outcome === 'rectification' ? state.rectificationRounds + 1 : state.rectificationRounds,
      };
    }
    case 'RectificationSubmitted':
      return { ...next, stage: 'inspection', inspection: { round: (state.inspection?.round ?? 0) + 1, sheets: {} } };
    case 'Recommended':
      return { ...next, stage: 'recommended' };
    case 'Certified':
      return { ...next, stage: 'certified', certification: { ...event.payload } };
    case 'NotCertified':
      return { ...next, stage: 'not_certified' };
    case 'AnnualReviewRecorded':
    case 'ReminderSent':
    case 'ReminderFailed':
    case 'ProgressReportCalled':
    case 'ProgressReportCallFailed':
    case 'UrgeSent':
      return next;
    case 'Revoked':
      return { ...next, stage: 'revoked' };
    case 'Withdrawn':
      return { ...next, stage: 'withdrawn' };
    case 'DeadlineExtended':
    case 'DeadlineSet': {
      const { deadline, dueOn } = event.payload;
      return {
        ...next,
        deadlines: { ...state.deadlines, [deadline]: dueOn },
        pendingDeadline: state.pendingDeadline?.deadline === deadline ? null : state.pendingDeadline,
      };
    }
    case 'DeadlinePending': {
      const { deadline, enteredOn, duration } = event.payload;
      const deadlines = Object.fromEntries(Object.entries(state.deadlines).filter(([kind]) => kind !== deadline));
      return { ...next, deadlines, pendingDeadline: { deadline, enteredOn, duration } };
    }
  }
}
