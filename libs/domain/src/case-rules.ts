import { ACTOR_ROLE_NAMES, type Actor, type ActorRole } from './actors.js';
import type {
  ActorOnlyCommand,
  AnnualReviewCommand,
  AssignAssessorsCommand,
  DeclareConflictCommand,
  ExtendDeadlineCommand,
  InspectionScoresCommand,
  JinhuaDecisionCommand,
  ReasonCommand,
  RecommendCommand,
  ReportCommand,
  ReviewPlanCommand,
  SelfAssessmentCommand,
  SubmitPlanCommand,
  UrgeCommand,
} from './case-commands.js';
import { CaseRuleViolation } from './case-rule-violation.js';
import type { CaseEventBody } from './case-events.js';
import type { CaseState } from './case-state.js';
import { currentDueOn } from './deadlines.js';
import { refsOf, type DocumentResolver } from './documents.js';
import type { IndicatorFramework } from './indicators/framework.js';
import {
  assertScoreSheet,
  combineInspections,
  decideInspectionOutcome,
  MINIMUM_ASSESSORS,
  totalOf,
  type CampaignThresholds,
  type ScoreSheet,
} from './indicators/scoring.js';
import { CASE_STAGE_NAMES, FINAL_STAGES, type CaseStage } from './stages.js';
import { unitTaskOf, type UnitTaskKind } from './unit-tasks.js';

/** What a campaign fixes for its cases: the framework version a case keeps, and the thresholds. */
export interface CaseRulesContext {
  readonly framework: IndicatorFramework;
  readonly thresholds: CampaignThresholds;
}

export type Decision = readonly CaseEventBody[];

/**
 * Who may take each step of a case (the role half of the rules; stage and scope are checked separately). The
 * access policy derives its permissions from this table, so a role is granted a step in one place only.
 */
export const CASE_STEP_ROLES = {
  enroll: ['administrator'],
  submitPlan: ['unit_contact'],
  reviewPlan: ['administrator'],
  submitProgressReport: ['unit_contact'],
  declareReady: ['unit_contact', 'administrator'],
  submitSelfAssessment: ['unit_contact'],
  assignAssessors: ['administrator'],
  declareConflict: ['administrator', 'assessor'],
  submitInspectionScores: ['assessor'],
  submitRectification: ['unit_contact'],
  recommend: ['administrator'],
  recordJinhuaDecision: ['jinhua_reviewer'],
  recordAnnualReview: ['administrator', 'jinhua_reviewer'],
  revoke: ['administrator'],
  withdraw: ['administrator'],
  extendDeadline: ['administrator'],
  urge: ['administrator'],
} as const satisfies Record<string, readonly ActorRole[]>;

export type CaseStep = keyof typeof CASE_STEP_ROLES;
export const CASE_STEPS = Object.keys(CASE_STEP_ROLES) as CaseStep[];

function refuse(code: string, zh: string, en: string): never {
  throw new CaseRuleViolation(code, zh, en);
}

function requireRole(actor: Actor, step: CaseStep, actionZh: string, actionEn: string): void {
  const roles: readonly ActorRole[] = CASE_STEP_ROLES[step];
  if (!roles.includes(actor.role)) {
    const names = roles.map((role) => ACTOR_ROLE_NAMES[role]);
    refuse(
      'ROLE_NOT_ALLOWED',
      `只有${names.map((n) => n.split(' / ')[0]).join('或')}可以${actionZh}`,
      `Only ${names.map((n) => n.split(' / ')[1]).join(' or ')} may ${actionEn}`,
    );
  }
}

function requireStage(state: CaseState, stages: readonly CaseStage[], actionZh: string, actionEn: string): void {
  if (!stages.includes(state.stage)) {
    const current = CASE_STAGE_NAMES[state.stage];
    const allowed = stages.map((stage) => CASE_STAGE_NAMES[stage]);
    refuse(
      'WRONG_STAGE',
      `当前阶段为「${current.zh}」，只有在「${allowed.map((s) => s.zh).join('」或「')}」阶段可以${actionZh}`,
      `The case is in stage "${current.en}"; ${actionEn} is possible only in ${allowed.map((s) => `"${s.en}"`).join(' or ')}`,
    );
  }
}

function requireActive(state: CaseState, actionZh: string, actionEn: string): void {
  if (FINAL_STAGES.includes(state.stage)) {
    const current = CASE_STAGE_NAMES[state.stage];
    refuse('CASE_CLOSED', `案件已结束（${current.zh}），不能${actionZh}`, `The case is closed (${current.en}); cannot ${actionEn}`);
  }
}

function requireReason(reason: string | null | undefined, actionZh: string, actionEn: string): string {
  const trimmed = reason?.trim() ?? '';
  if (!trimmed) refuse('REASON_REQUIRED', `${actionZh}须说明理由`, `A reason is required to ${actionEn}`);
  return trimmed;
}

function requireText(text: string, fieldZh: string, fieldEn: string): string {
  const trimmed = text.trim();
  if (!trimmed) refuse('TEXT_REQUIRED', `${fieldZh}不能为空`, `The ${fieldEn} must not be empty`);
  return trimmed;
}

// ── Cultivation 培育 ──────────────────────────────────────────────────────────────────────────

export function decideEnrollment(actor: Actor): void {
  requireRole(actor, 'enroll', '确定培育对象', 'enroll units');
}

/** A report's event payload: its summary, its documents (each once) and the notes of earlier releases. */
function reportPayload(summary: string, command: ReportCommand, documents: DocumentResolver) {
  return { summary, documentRefs: [...command.documentRefs], documents: refsOf('', command.documentIds, documents) };
}

/** The sheet as recorded: each score's documents in place of their ids. */
function recordedSheet(sheet: ScoreSheet, documents: DocumentResolver): ScoreSheet {
  return {
    ...sheet,
    scores: sheet.scores.map(({ documentIds, ...score }, index) =>
      documentIds?.length ? { ...score, documents: refsOf(`scores[${String(index)}].`, documentIds, documents) } : score,
    ),
  };
}

/** 提交创建方案: the unit contact, during cultivation, when no plan is pending or approved. */
export function decideSubmitPlan(state: CaseState, command: SubmitPlanCommand, documents: DocumentResolver): Decision {
  requireRole(command.actor, 'submitPlan', '提交创建方案', 'submit the creation plan');
  requireStage(state, ['cultivation'], '提交创建方案', 'submitting a creation plan');
  if (state.planStatus === 'submitted' || state.planStatus === 'approved') {
    refuse(
      'PLAN_ALREADY_SUBMITTED',
      '创建方案已提交，等待审核或已通过，不能重复提交',
      'The creation plan is already submitted or approved; it cannot be submitted again',
    );
  }
  const summary = requireText(command.summary, '创建方案内容', 'creation plan summary');
  return [{ type: 'PlanSubmitted', payload: reportPayload(summary, command, documents) }];
}

/** 审核创建方案: the office approves, or returns with a reason. */
export function decideReviewPlan(state: CaseState, command: ReviewPlanCommand): Decision {
  requireRole(command.actor, 'reviewPlan', '审核创建方案', 'review the creation plan');
  requireStage(state, ['cultivation'], '审核创建方案', 'reviewing the plan');
  if (state.planStatus !== 'submitted') refuse('NO_PLAN_PENDING', '没有待审核的创建方案', 'There is no creation plan awaiting review');
  if (command.approve) return [{ type: 'PlanApproved', payload: {} }];
  requireReason(command.reason, '退回创建方案', 'return the plan');
  return [{ type: 'PlanReturned', payload: {} }];
}

/** 进度报告: periodic reports once the plan is approved. */
export function decideProgressReport(state: CaseState, command: ReportCommand, documents: DocumentResolver): Decision {
  requireRole(command.actor, 'submitProgressReport', '提交进度报告', 'submit progress reports');
  requireStage(state, ['cultivation'], '提交进度报告', 'reporting progress');
  if (state.planStatus !== 'approved')
    refuse('PLAN_NOT_APPROVED', '创建方案通过审核后才能提交进度报告', 'Progress reports start once the creation plan is approved');
  const summary = requireText(command.summary, '进度报告内容', 'progress report summary');
  return [{ type: 'ProgressReportSubmitted', payload: reportPayload(summary, command, documents) }];
}

/** 申报自评: the unit declares itself ready (plan approved, at least one progress report). */
export function decideDeclareReady(state: CaseState, { actor }: ActorOnlyCommand): Decision {
  requireRole(actor, 'declareReady', '结束培育、进入自评', 'end cultivation');
  requireStage(state, ['cultivation'], '申报自评', 'declaring readiness');
  if (state.planStatus !== 'approved' || state.progressReports < 1) {
    refuse('NOT_READY', '须创建方案已通过且至少提交一次进度报告', 'The creation plan must be approved and at least one progress report filed');
  }
  return [{ type: 'ReadinessDeclared', payload: {} }];
}

// ── Self-assessment 自评 ─────────────────────────────────────────────────────────────────────

/** 自评: every indicator scored, with evidence where the framework requires it. */
export function decideSelfAssessment(state: CaseState, command: SelfAssessmentCommand, context: CaseRulesContext, documents: DocumentResolver): Decision {
  requireRole(command.actor, 'submitSelfAssessment', '提交自评', 'submit the self-assessment');
  requireStage(state, ['self_assessment'], '提交自评', 'self-assessment');
  assertScoreSheet(context.framework, command.sheet, { complete: true, evidence: true });
  return [{ type: 'SelfAssessmentSubmitted', payload: { sheet: recordedSheet(command.sheet, documents), total: totalOf(command.sheet) } }];
}

// ── Inspection 检查验收 ───────────────────────────────────────────────────────────────────────

/** 指派检查组: at least two different assessors, none with a conflict; replacing anyone needs a reason. */
export function decideAssignAssessors(state: CaseState, command: AssignAssessorsCommand): Decision {
  requireRole(command.actor, 'assignAssessors', '指派检查组成员', 'assign assessors');
  requireActive(state, '指派检查组成员', 'assign assessors');
  requireStage(state, ['cultivation', 'self_assessment', 'inspection', 'rectification'], '指派检查组成员', 'assigning assessors');
  const ids = [...new Set(command.assessorIds.map((id) => id.trim()).filter(Boolean))];
  if (ids.length < MINIMUM_ASSESSORS) {
    refuse('TOO_FEW_ASSESSORS', `须指派至少 ${MINIMUM_ASSESSORS} 名不同的检查组成员`, `Assign at least ${MINIMUM_ASSESSORS} different assessors`);
  }
  const conflicted = ids.filter((id) => state.conflictedAssessorIds.includes(id));
  if (conflicted.length) {
    refuse('ASSESSOR_CONFLICT', `以下检查组成员须回避：${conflicted.join('、')}`, `These assessors have a conflict with the unit: ${conflicted.join(', ')}`);
  }
  if (state.assessorIds.some((id) => !ids.includes(id))) requireReason(command.reason, '更换检查组成员', 'replace assessors');
  return [{ type: 'AssessorsAssigned', payload: { assessorIds: ids } }];
}

/** 回避: an assessor who belongs to or mentored the unit; the assessor or the office declares it. */
export function decideDeclareConflict(state: CaseState, command: DeclareConflictCommand): Decision {
  requireRole(command.actor, 'declareConflict', '申报回避', 'declare a conflict');
  requireActive(state, '申报回避', 'declare a conflict');
  if (command.actor.role === 'assessor' && command.actor.id !== command.assessorId) {
    refuse('NOT_YOUR_CONFLICT', '检查组成员只能为本人申报回避', 'An assessor declares conflicts for themself only');
  }
  if (state.conflictedAssessorIds.includes(command.assessorId)) return [];
  return [{ type: 'ConflictDeclared', payload: { assessorId: command.assessorId } }];
}

/**
 * 检查评分: each assigned assessor scores independently, once per round. When the last assigned assessor
 * has scored, the outcome is decided here and recorded with the scores.
 */
export function decideInspectionScores(state: CaseState, command: InspectionScoresCommand, context: CaseRulesContext, documents: DocumentResolver): Decision {
  const assessorId = command.actor.id;
  requireRole(command.actor, 'submitInspectionScores', '提交检查评分', 'submit inspection scores');
  requireStage(state, ['inspection'], '提交检查评分', 'inspection scoring');
  if (state.conflictedAssessorIds.includes(assessorId))
    refuse('ASSESSOR_CONFLICT', '您须回避本单位的检查', 'You have a conflict with this unit and may not inspect it');
  if (!state.assessorIds.includes(assessorId)) refuse('NOT_ASSIGNED', '您未被指派检查本单位', 'You are not assigned to inspect this unit');
  if (state.assessorIds.length < MINIMUM_ASSESSORS) {
    refuse(
      'TOO_FEW_ASSESSORS',
      `检查组不足 ${MINIMUM_ASSESSORS} 人，请先补充指派`,
      `Fewer than ${MINIMUM_ASSESSORS} assessors are assigned; assign more first`,
    );
  }
  const round = state.inspection ?? { round: 1, sheets: {} };
  if (assessorId in round.sheets) refuse('ALREADY_SCORED', `您已提交第 ${round.round} 轮评分`, `You have already scored round ${round.round}`);
  assertScoreSheet(context.framework, command.sheet, { complete: true, evidence: false });
  const findings = command.findings.map((finding) => finding.trim()).filter(Boolean);
  const submitted: CaseEventBody = {
    type: 'InspectionScoresSubmitted',
    payload: {
      assessorId,
      round: round.round,
      sheet: recordedSheet(command.sheet, documents),
      findings,
      documents: refsOf('', command.documentIds, documents),
    },
  };
  const sheets: Readonly<Record<string, ScoreSheet | undefined>> = { ...round.sheets, [assessorId]: command.sheet };
  const scored = state.assessorIds.map((id) => sheets[id]).filter((each): each is ScoreSheet => each !== undefined);
  if (scored.length < state.assessorIds.length) return [submitted];
  const combined = combineInspections(context.framework, scored);
  const outcome = decideInspectionOutcome(combined, context.thresholds, state.rectificationRounds);
  return [
    submitted,
    {
      type: 'InspectionConcluded',
      payload: {
        round: round.round,
        outcome: outcome.kind,
        total: outcome.total,
        assessorTotals: [...combined.assessorTotals],
        spread: combined.spread,
        vetoes: [...combined.vetoes],
      },
    },
  ];
}

/** 整改报告: the unit reports its rectification; a new inspection round follows. */
export function decideRectification(state: CaseState, command: ReportCommand, documents: DocumentResolver): Decision {
  requireRole(command.actor, 'submitRectification', '提交整改报告', 'submit the rectification report');
  requireStage(state, ['rectification'], '提交整改报告', 'reporting rectification');
  const summary = requireText(command.summary, '整改报告内容', 'rectification report summary');
  return [{ type: 'RectificationSubmitted', payload: reportPayload(summary, command, documents) }];
}

// ── Recommendation and certification 推荐与认定 ─────────────────────────────────────────────────

export function decideRecommend(state: CaseState, command: RecommendCommand): Decision {
  requireRole(command.actor, 'recommend', '推荐至金华', 'recommend units to Jinhua');
  requireStage(state, ['passed'], '推荐', 'recommendation');
  const batch = command.batch?.trim() ?? '';
  return [{ type: 'Recommended', payload: { batch: batch === '' ? null : batch } }];
}

/** 金华市级认定: certified with document number (文号) and date, or not, with a reason. */
export function decideJinhuaDecision(state: CaseState, command: JinhuaDecisionCommand, documents: DocumentResolver): Decision {
  requireRole(command.actor, 'recordJinhuaDecision', '录入金华市级认定结果', 'record the Jinhua decision');
  requireStage(state, ['recommended'], '录入认定结果', 'recording the Jinhua decision');
  const notices = refsOf('', command.documentIds, documents);
  if (!command.certified) {
    requireReason(command.reason, '不予认定', 'decline certification');
    return [{ type: 'NotCertified', payload: { documents: notices } }];
  }
  const documentNumber = requireText(command.documentNumber, '认定文号', 'document number');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(command.certifiedOn)) refuse('DATE_INVALID', '认定日期须为 YYYY-MM-DD', 'The certification date must be YYYY-MM-DD');
  return [{ type: 'Certified', payload: { documentNumber, certifiedOn: command.certifiedOn, documents: notices } }];
}

// ── After certification 动态管理 ────────────────────────────────────────────────────────────────

export function decideAnnualReview(state: CaseState, command: AnnualReviewCommand): Decision {
  requireRole(command.actor, 'recordAnnualReview', '录入年度复核', 'record the annual review');
  requireStage(state, ['certified'], '年度复核', 'annual review');
  const summary = requireText(command.summary, '复核意见', 'review summary');
  return [{ type: 'AnnualReviewRecorded', payload: { year: command.year, summary } }];
}

/** 一票否决: the title is revoked at any time after certification, with a reason. */
export function decideRevoke(state: CaseState, command: ReasonCommand): Decision {
  requireRole(command.actor, 'revoke', '撤销命名', 'revoke the title');
  requireStage(state, ['certified'], '撤销命名', 'revocation');
  requireReason(command.reason, '撤销命名', 'revoke the title');
  return [{ type: 'Revoked', payload: {} }];
}

// ── At any point 随时 ─────────────────────────────────────────────────────────────────────────

/** 退出创建: the office withdraws a unit that is still on its way (a certified title is revoked instead). */
export function decideWithdraw(state: CaseState, command: ReasonCommand): Decision {
  requireRole(command.actor, 'withdraw', '终止创建', 'withdraw a unit');
  requireActive(state, '终止创建', 'withdraw');
  if (state.stage === 'certified') refuse('USE_REVOCATION', '已认定的单位请使用撤销命名', 'A certified unit is revoked, not withdrawn');
  requireReason(command.reason, '终止创建', 'withdraw a unit');
  return [{ type: 'Withdrawn', payload: {} }];
}

/** 延期: a later due date for one of the case's deadlines, with a reason. */
export function decideExtendDeadline(state: CaseState, command: ExtendDeadlineCommand): Decision {
  requireRole(command.actor, 'extendDeadline', '延长期限', 'extend deadlines');
  requireActive(state, '延长期限', 'extend a deadline');
  requireReason(command.reason, '延长期限', 'extend a deadline');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(command.dueOn)) refuse('DATE_INVALID', '期限须为 YYYY-MM-DD', 'The due date must be YYYY-MM-DD');
  const current = state.deadlines[command.deadline];
  if (current !== undefined && command.dueOn <= current) {
    refuse('NOT_LATER', `新期限须晚于当前期限 ${current}`, `The new due date must be later than the current one (${current})`);
  }
  return [{ type: 'DeadlineExtended', payload: { deadline: command.deadline, dueOn: command.dueOn } }];
}

/** What an urge (催办) is about: the step the unit owes, its due date, and the office's words. */
export interface UrgeDecision {
  readonly task: UnitTaskKind;
  readonly dueOn: string | null;
  readonly message: string | null;
}

/**
 * 催办: the office reminds the unit now, of the step it owes. Refused once the case is closed, and while the unit owes
 * nothing (its plan awaits review, or the case waits on assessors, the office or Jinhua): there is nothing to urge.
 */
export function decideUrge(state: CaseState, command: UrgeCommand): UrgeDecision {
  requireRole(command.actor, 'urge', '催办', 'urge units');
  requireActive(state, '催办', 'urge the unit');
  const task = unitTaskOf(state);
  if (task === null) {
    const current = CASE_STAGE_NAMES[state.stage];
    refuse('NOTHING_TO_URGE', `单位当前（${current.zh}）没有待办理的事项，无需催办`, `The unit owes no step now (${current.en}); there is nothing to urge`);
  }
  const message = command.message?.trim() ?? '';
  return { task, dueOn: currentDueOn(state) ?? null, message: message === '' ? null : message };
}
