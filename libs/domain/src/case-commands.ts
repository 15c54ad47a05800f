import type { Actor } from './actors.js';
import type { ScoreSheet } from './indicators/scoring.js';
import type { DeadlineKind } from './stages.js';

/**
 * 案件操作: what each human step of a case carries, named once. The workflow's updates, the rules (decide*) and
 * the api's request bodies all use these shapes and the limits below.
 */

/** How long free text and lists may be in a step (the api refuses longer ones, naming the field). */
export const CASE_COMMAND_LIMITS = {
  /** A plan, a report, an annual review (characters). */
  summary: 20_000,
  /** A reason for a refusal, a replacement, a withdrawal… */
  reason: 2_000,
  documentRefs: 50,
  documentRef: 500,
  /** Documents one step rests on (and one indicator's evidence: \`evidence\`). */
  documentIds: 50,
  scores: 200,
  indicatorCode: 40,
  /** The highest points of one indicator (a framework's weights add up to 100). */
  points: 100,
  evidence: 20,
  evidenceItem: 500,
  vetoes: 50,
  findings: 100,
  finding: 2_000,
  assessors: 10,
  assessorId: 100,
  batch: 100,
  documentNumber: 100,
  /** 催办: the office's words to the unit (characters). */
  urgeMessage: 500,
} as const;

/**
 * A step taken as part of a bulk action (批量操作): the rules judge the step's own reason, and the audit trail records
 * that reason with the bulk action named (recordedReason).
 */
export interface PartOfBulkAction {
  readonly bulkActionId?: string;
}

/** The reason a step's event records: its own, and the bulk action it was part of; null when there is neither. */
export function recordedReason(reason: string | null | undefined, bulkActionId: string | undefined): string | null {
  const own = reason?.trim() ?? '';
  if (bulkActionId === undefined) return own === '' ? null : own;
  const named = `批量操作 / bulk action ${bulkActionId}`;
  return own === '' ? named : `${own}（${named}）`;
}

/** Documents a step rests on, by id: uploaded to the case first (POST /api/cases/:caseId/documents). */
export interface WithDocuments {
  readonly documentIds?: readonly string[];
}

/** A report with its documents: the creation plan, a progress report, a rectification report. */
export interface ReportCommand extends WithDocuments {
  readonly actor: Actor;
  readonly summary: string;
  /** Free-text references of earlier releases (notes that name no stored file). */
  readonly documentRefs: readonly string[];
}

export type SubmitPlanCommand = ReportCommand;

export interface ReviewPlanCommand {
  readonly actor: Actor;
  readonly approve: boolean;
  readonly reason?: string | null;
}

export interface ActorOnlyCommand {
  readonly actor: Actor;
}

export interface SelfAssessmentCommand {
  readonly actor: Actor;
  readonly sheet: ScoreSheet;
}

export interface AssignAssessorsCommand extends PartOfBulkAction {
  readonly actor: Actor;
  readonly assessorIds: readonly string[];
  readonly reason?: string | null;
}

export interface DeclareConflictCommand {
  readonly actor: Actor;
  readonly assessorId: string;
}

/** The assessor's scores and findings, with the documents of the findings (检查发现). */
export interface InspectionScoresCommand extends WithDocuments {
  readonly actor: Actor;
  readonly sheet: ScoreSheet;
  readonly findings: readonly string[];
}

export interface RecommendCommand {
  readonly actor: Actor;
  readonly batch?: string | null;
}

/** 金华市级认定, with Jinhua's notice (认定通知) among its documents. */
export type JinhuaDecisionCommand = WithDocuments &
  (
    | { readonly actor: Actor; readonly certified: true; readonly documentNumber: string; readonly certifiedOn: string }
    | { readonly actor: Actor; readonly certified: false; readonly reason: string }
  );

export interface AnnualReviewCommand {
  readonly actor: Actor;
  readonly year: number;
  readonly summary: string;
}

/** A step that needs only its reason: revocation, withdrawal. */
export interface ReasonCommand {
  readonly actor: Actor;
  readonly reason: string;
}

export interface ExtendDeadlineCommand extends PartOfBulkAction {
  readonly actor: Actor;
  readonly deadline: DeadlineKind;
  readonly dueOn: string;
  readonly reason: string;
}

/** 催办: the office asks the unit to take the step it owes, now; with words of its own if it likes. */
export interface UrgeCommand extends PartOfBulkAction {
  readonly actor: Actor;
  readonly message?: string | null;
}

/** Each human step of a case (the enrollment aside) and what it carries. */
export interface CaseCommands {
  readonly submitPlan: SubmitPlanCommand;
  readonly reviewPlan: ReviewPlanCommand;
  readonly submitProgressReport: ReportCommand;
  readonly declareReady: ActorOnlyCommand;
  readonly submitSelfAssessment: SelfAssessmentCommand;
  readonly assignAssessors: AssignAssessorsCommand;
  readonly declareConflict: DeclareConflictCommand;
  readonly submitInspectionScores: InspectionScoresCommand;
  readonly submitRectification: ReportCommand;
  readonly recommend: RecommendCommand;
  readonly recordJinhuaDecision: JinhuaDecisionCommand;
  readonly recordAnnualReview: AnnualReviewCommand;
  readonly revoke: ReasonCommand;
  readonly withdraw: ReasonCommand;
  readonly extendDeadline: ExtendDeadlineCommand;
  readonly urge: UrgeCommand;
}

export type CaseCommandName = keyof CaseCommands;
export type CaseCommand = CaseCommands[CaseCommandName];
