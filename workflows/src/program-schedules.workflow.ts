import { getExternalWorkflowHandle, isCancellation, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { shanghaiDate } from '#domain/for-workflows';
import {
  progressReportCallSignal,
  type CultivatingCase,
  type DeliveryReport,
  type NotificationActivities,
  type ProgressReportCallResult,
  type ScheduleActivities,
  type WeeklyDigestInput,
  type WeeklyDigestResult,
} from '#contracts';

const { composeWeeklyDigest, casesInCultivation } = proxyActivities<ScheduleActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// A delivery that keeps failing gives up after about an hour; the next run (next week or month) tries again.
/** The patch ids of the scheduled workflows: each guards a change to their commands (`patched(id)`), so a run in flight replays as it ran. */
type ScheduleWorkflowPatch = 'progress-call-through-cases';

const { deliverNotification } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10 },
});

/** Units called at once in the monthly run. */
const PARALLEL_CALLS = 20;

/** 每周汇总 — run by the weekly schedule: what is due this week, overdue and stalled, to every administrator. */
export async function weeklyDigestWorkflow(input: WeeklyDigestInput): Promise<WeeklyDigestResult> {
  const digest = await composeWeeklyDigest(input);
  const delivery = await deliverNotification({
    // One digest a week: a second run in the same week (run now, catch-up) delivers nothing twice.
    dedupeKey: `weekly_digest:${digest.weekOf}`,
    kind: 'weekly_digest',
    caseId: null,
    recipients: { role: 'administrator' },
    data: {
      week: digest.weekOf,
      openCases: digest.totals.open,
      dueThisWeek: digest.totals.dueThisWeek,
      overdueCases: digest.totals.overdue,
      stalledCases: digest.totals.stalled,
      stalledAfterDays: digest.stalledAfterDays,
      dueDatePending: digest.totals.dueDatePending,
    },
  });
  return { digest, delivery };
}

/** 每月进度报告提醒 — run by the monthly schedule: each unit in cultivation is asked for its progress report. */
export async function progressReportCallWorkflow(): Promise<ProgressReportCallResult> {
  const today = shanghaiDate(workflowInfo().startTime);
  const month = today.slice(0, 7);
  const [year, monthNumber] = month.split('-').map(Number);
  const dueOn = new Date(Date.UTC(year ?? 1970, monthNumber ?? 1, 0)).toISOString().slice(0, 10);
  const cases = await casesInCultivation();
  const deliveries: DeliveryReport[] = [];
  const failedCaseIds: string[] = [];
  // Each case delivers its own call and records it in its audit trail; a case closed meanwhile cannot be reached.
  const throughCases: ScheduleWorkflowPatch = 'progress-call-through-cases';
  if (patched(throughCases)) {
    const signal = async (item: CultivatingCase): Promise<void> => {
      try {
        await getExternalWorkflowHandle(item.caseId).signal(progressReportCallSignal, { month, dueOn });
      } catch (error) {
        if (isCancellation(error)) throw error;
        failedCaseIds.push(item.caseId);
      }
    };
    for (let index = 0; index < cases.length; index += PARALLEL_CALLS) await Promise.all(cases.slice(index, index + PARALLEL_CALLS).map(signal));
    return { month, dueOn, cases, deliveries, failedCaseIds };
  }
  for (let index = 0; index < cases.length; index += PARALLEL_CALLS) {
    await Promise.all(
      cases.slice(index, index + PARALLEL_CALLS).map(async (item) => {
        try {
          deliveries.push(
            await deliverNotification({
              dedupeKey: `progress_report_call:${month}:${item.caseId}`,
              kind: 'progress_report_call',
              caseId: item.caseId,
              recipients: { unitId: item.unitId },
              data: { unitName: item.unitName, dueOn, caseId: item.caseId },
            }),
          );
        } catch (error) {
          // Retries exhausted for this unit: the others are still called; cancelling the run cancels it all.
          if (isCancellation(error)) throw error;
          failedCaseIds.push(item.caseId);
        }
      }),
    );
  }
  return { month, dueOn, cases, deliveries, failedCaseIds };
}
