import type { CategoryCode } from './categories.js';
import type { InspectionOutcomeKind, ScoreSheet } from './indicators/scoring.js';
import type { DeadlineDuration } from './deadlines.js';
import type { ReminderKind } from './reminders.js';
import type { DeadlineKind } from './stages.js';
import type { DocumentRef } from './documents.js';
import type { UnitTaskKind } from './unit-tasks.js';

/** A report's summary and what it rests on: stored files (absent on events recorded before), and free-text notes. */
interface ReportPayload {
  summary: string;
  documentRefs: string[];
  documents?: DocumentRef[];
}

/** The facts recorded in a case's audit trail, by type. */
export interface CaseEventPayloads {
  /** 确定培育对象 */
  CaseEnrolled: { campaignId: string; unitId: string; unitName: string; category: CategoryCode };
  /** 提交创建方案 */
  PlanSubmitted: ReportPayload;
  PlanApproved: Record<string, never>;
  /** 退回创建方案 (reason in the event's reason) */
  PlanReturned: Record<string, never>;
  /** 进度报告 */
  ProgressReportSubmitted: ReportPayload;
  /** 申报自评: cultivation ends */
  ReadinessDeclared: Record<string, never>;
  /** 自评 */
  SelfAssessmentSubmitted: { sheet: ScoreSheet; total: number };
  /** 指派检查组成员 */
  AssessorsAssigned: { assessorIds: string[] };
  /** 回避: the assessor belongs to or mentored the unit */
  ConflictDeclared: { assessorId: string };
  /** 检查评分 (one assessor, one round) */
  InspectionScoresSubmitted: { assessorId: string; round: number; sheet: ScoreSheet; findings: string[]; documents?: DocumentRef[] };
  /** 检查验收结论, decided by the domain once every assigned assessor has scored */
  InspectionConcluded: { round: number; outcome: InspectionOutcomeKind; total: number; assessorTotals: number[]; spread: number; vetoes: string[] };
  /** 整改报告: back to inspection for the next round */
  RectificationSubmitted: ReportPayload;
  /** 推荐至金华 */
  Recommended: { batch: string | null };
  /** 金华市级认定 */
  Certified: { documentNumber: string; certifiedOn: string; documents?: DocumentRef[] };
  NotCertified: { documents?: DocumentRef[] };
  /** 年度复核 */
  AnnualReviewRecorded: { year: number; summary: string };
  /** 撤销命名（一票否决） */
  Revoked: Record<string, never>;
  /** 退出创建 */
  Withdrawn: Record<string, never>;
  /** 延期 (also: an administrator setting a due date the calendar could not) */
  DeadlineExtended: { deadline: DeadlineKind; dueOn: string };
  /** 设定期限: the stage just entered gets its due date from the campaign's stage duration. */
  DeadlineSet: DeadlineBasis & { dueOn: string };
  /** 期限待定: the due date lies beyond the working-day calendar's years; it is set once the calendar covers it. */
  DeadlinePending: DeadlineBasis & { reason: string };
  /** 提醒已发送 / 逾期督办: a reminder went out (per channel and recipient: sent, skipped, failed). */
  ReminderSent: ReminderRecord;
  /** 提醒发送失败: every retry of the delivery failed. */
  ReminderFailed: ReminderRecord & { error: string };
  /** 进度报告提醒: the monthly call for a progress report reached the unit (per channel and recipient). */
  ProgressReportCalled: ProgressReportCallRecord;
  /** 进度报告提醒发送失败: every retry of the call's delivery failed. */
  ProgressReportCallFailed: ProgressReportCallRecord & { error: string };
  /**
   * 催办: an administrator urged the unit to take the step it owes (per channel and recipient); `error` when an outside
   * channel still failed once its retries were spent (the in-app notice is in the inbox either way).
   */
  UrgeSent: UrgeRecord;
}

/** What the audit trail keeps of one urge (催办). */
export interface UrgeRecord {
  /** Unique to this urge: its notices' dedupe key is `urge:<caseId>:<urgeKey>`. */
  readonly urgeKey: string;
  /** The step the unit owed when urged. */
  readonly task: UnitTaskKind;
  /** The current stage's due date, if it has one. */
  readonly dueOn: string | null;
  readonly message: string | null;
  readonly deliveries: ReminderRecord['deliveries'];
  readonly error?: string;
}

/** What the audit trail keeps of one monthly progress-report call. */
export interface ProgressReportCallRecord {
  /** YYYY-MM (Asia/Shanghai). */
  readonly month: string;
  readonly dueOn: string;
  readonly deliveries: ReminderRecord['deliveries'];
}

/** What a stage's due date is computed from: the day the case entered the stage and the campaign's duration. */
export interface DeadlineBasis {
  readonly deadline: DeadlineKind;
  readonly enteredOn: string;
  readonly duration: DeadlineDuration;
}

/** What the audit trail keeps of one reminder. */
export interface ReminderRecord {
  readonly reminderKey: string;
  readonly kind: ReminderKind;
  readonly deadline: DeadlineKind;
  readonly dueOn: string;
  readonly deliveries: readonly { readonly channel: string; readonly recipient: string; readonly outcome: string }[];
}

export type CaseEventType = keyof CaseEventPayloads;

export type CaseEventBody = {
  [T in CaseEventType]: { readonly type: T; readonly payload: CaseEventPayloads[T] };
}[CaseEventType];
