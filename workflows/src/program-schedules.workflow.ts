import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { shanghaiDate, type WeeklyDigest } from '#domain/case';
import type { ProgressReportCallResult, ScheduleActivities, WeeklyDigestInput } from '#contracts';

const { composeWeeklyDigest, casesInCultivation } = proxyActivities<ScheduleActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** 每周汇总 — run by the weekly schedule: what is due this week, overdue and stalled. */
export async function weeklyDigestWorkflow(input: WeeklyDigestInput): Promise<WeeklyDigest> {
  return composeWeeklyDigest(input);
}

/** 每月进度报告提醒 — run by the monthly schedule: the units in cultivation that owe a progress report. */
export async function progressReportCallWorkflow(): Promise<ProgressReportCallResult> {
  const month = shanghaiDate(workflowInfo().startTime).slice(0, 7);
  return { month, cases: await casesInCultivation() };
}
