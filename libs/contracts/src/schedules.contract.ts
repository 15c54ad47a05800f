import type { WeeklyDigest } from '#domain/for-workflows';
import type { DeliveryReport } from './notifications.contract.js';

/** The program's recurring jobs, run by Temporal Schedules (定时任务), created idempotently when the api starts. */
export const PROGRAM_SCHEDULES = {
  /** 每周汇总: due this week, overdue and stalled cases, to every administrator. */
  weeklyDigest: { id: 'qinglian-weekly-digest', workflowType: 'weeklyDigestWorkflow' },
  /** 每月进度报告提醒: a call for progress reports to every unit in cultivation. */
  progressReportCall: { id: 'qinglian-progress-report-call', workflowType: 'progressReportCallWorkflow' },
  /** 文件清理: uploads no step referenced within the days allowed are removed. */
  documentHousekeeping: { id: 'qinglian-document-housekeeping', workflowType: 'documentHousekeepingWorkflow' },
  /** 审计检查点: a signed checkpoint of every chain's head, kept outside the database. */
  auditCheckpoint: { id: 'qinglian-audit-checkpoint', workflowType: 'auditCheckpointWorkflow' },
} as const;

export type ProgramScheduleName = keyof typeof PROGRAM_SCHEDULES;
export type ProgramScheduleId = (typeof PROGRAM_SCHEDULES)[ProgramScheduleName]['id'];

export interface WeeklyDigestInput {
  readonly stalledAfterDays: number;
}

/** A unit whose case is in cultivation: it owes a monthly progress report. */
export interface CultivatingCase {
  readonly caseId: string;
  readonly unitId: string;
  readonly unitName: string;
}

export interface WeeklyDigestResult {
  readonly digest: WeeklyDigest;
  /** Delivery to every administrator (inbox, email by preference) and the office's group chat. */
  readonly delivery: DeliveryReport;
}

export interface ProgressReportCallResult {
  /** The month (Asia/Shanghai, YYYY-MM) the call is for. */
  readonly month: string;
  /** Reports are due by the month's last day. */
  readonly dueOn: string;
  readonly cases: readonly CultivatingCase[];
  /**
   * Runs before patch `progress-call-through-cases` delivered here, one report per unit called. Since, each case
   * delivers its own call and records it in its audit trail (ProgressReportCalled), and this is empty.
   */
  readonly deliveries: readonly DeliveryReport[];
  /** Cases the call could not reach (a case closed since the read model saw it, or a delivery that kept failing). */
  readonly failedCaseIds: readonly string[];
}

/** Read-model queries the scheduled workflows run (the digest itself is composed by the domain). */
export interface ScheduleActivities {
  composeWeeklyDigest(input: WeeklyDigestInput): Promise<WeeklyDigest>;
  casesInCultivation(): Promise<CultivatingCase[]>;
}
