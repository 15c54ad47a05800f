import { expect, it } from '@jest/globals';
import type { ProgressReportCallResult, WeeklyDigestResult } from '#contracts';
import { eventually } from '../support/http.js';
import { describeOnEachDatabase } from '../support/suite.js';

interface Schedule {
  id: string;
  cron: string;
  timezone: string;
  paused: boolean;
  note: string | null;
  nextRunsAt: string[];
  recentRuns: { workflowId: string; runId: string }[];
}

describeOnEachDatabase('the program schedules', (suite) => {
  const schedules = async (): Promise<Schedule[]> => {
    const listed = await suite.stack.http.get<Schedule[]>('/schedules');
    expect(listed.status).toBe(200);
    return listed.body;
  };

  /** Runs a schedule now and answers the result of the workflow run it started. */
  async function runNow<T>(id: string): Promise<T> {
    const before = (await schedules()).find((schedule) => schedule.id === id)?.recentRuns.length ?? 0;
    expect((await suite.stack.http.post(`/schedules/${id}/trigger`, {})).status).toBe(200);
    const run = await eventually(`a new run of ${id}`, async () => (await schedules()).find((schedule) => schedule.id === id)?.recentRuns[before]);
    return (await suite.env.client.workflow.getHandle(run.workflowId, run.runId).result()) as T;
  }

  it('exists once the api has started: weekly on Mondays and monthly on the 1st, 09:00 Asia/Shanghai; document housekeeping daily at 03:30; audit checkpoints daily at 02:00', async () => {
    const listed = await schedules();
    expect(listed.map(({ id, cron, timezone, paused }) => ({ id, cron, timezone, paused }))).toEqual([
      { id: 'qinglian-weekly-digest', cron: '0 9 * * 1', timezone: 'Asia/Shanghai', paused: false },
      { id: 'qinglian-progress-report-call', cron: '0 9 1 * *', timezone: 'Asia/Shanghai', paused: false },
      { id: 'qinglian-document-housekeeping', cron: '30 3 * * *', timezone: 'Asia/Shanghai', paused: false },
      { id: 'qinglian-audit-checkpoint', cron: '0 2 * * *', timezone: 'Asia/Shanghai', paused: false },
    ]);
    const [weekly, monthly] = listed;
    const nextWeekly = new Date(weekly?.nextRunsAt[0] ?? '');
    // 09:00 in Shanghai is 01:00 UTC, the same (Monday) date.
    expect([nextWeekly.getUTCDay(), nextWeekly.getUTCHours(), nextWeekly.getUTCMinutes()]).toEqual([1, 1, 0]);
    const nextMonthly = new Date(monthly?.nextRunsAt[0] ?? '');
    expect([nextMonthly.getUTCDate(), nextMonthly.getUTCHours()]).toEqual([1, 1]);
  });

  it('is created idempotently: starting again keeps one of each, and keeps a pause', async () => {
    expect((await suite.stack.http.post('/schedules/qinglian-weekly-digest/pause', { note: '国庆假期暂停' })).status).toBe(200);
    const again = await suite.stack.extraApi({});
    try {
      const listed = await schedules();
      expect(listed).toHaveLength(4);
      expect(listed.find((schedule) => schedule.id === 'qinglian-weekly-digest')).toMatchObject({ paused: true, note: '国庆假期暂停' });
    } finally {
      await again.close();
      await suite.stack.http.post('/schedules/qinglian-weekly-digest/resume', {});
    }
  });

  it('pauses and resumes through the api, as Temporal itself reports', async () => {
    const paused = await suite.stack.http.post<Schedule>('/schedules/qinglian-progress-report-call/pause', { note: '暂停一周' });
    expect(paused.body).toMatchObject({ paused: true, note: '暂停一周' });
    expect((await suite.env.client.schedule.getHandle('qinglian-progress-report-call').describe()).state.paused).toBe(true);
    const resumed = await suite.stack.http.post<Schedule>('/schedules/qinglian-progress-report-call/resume', {});
    expect(resumed.body.paused).toBe(false);
    expect((await suite.env.client.schedule.getHandle('qinglian-progress-report-call').describe()).state.paused).toBe(false);
  });

  it('keeps each pause, resume and run in the account records, as the administrator’s', async () => {
    const latest = async (type: string) =>
      (await suite.stack.http.get<{ items: { actorId: string; actorRole: string; detail: Record<string, unknown> }[] }>(`/account-events?type=${type}`)).body
        .items[0];
    expect((await suite.stack.http.post('/schedules/qinglian-document-housekeeping/pause', { note: '迁移存储暂停' })).status).toBe(200);
    expect((await suite.stack.http.post('/schedules/qinglian-document-housekeeping/resume', {})).status).toBe(200);
    await runNow('qinglian-document-housekeeping');
    const admin = { actorId: suite.stack.ids.admin, actorRole: 'administrator' };
    expect(await latest('SchedulePaused')).toMatchObject({ ...admin, detail: { scheduleId: 'qinglian-document-housekeeping', note: '迁移存储暂停' } });
    expect(await latest('ScheduleResumed')).toMatchObject({ ...admin, detail: { scheduleId: 'qinglian-document-housekeeping', note: null } });
    expect(await latest('ScheduleTriggered')).toMatchObject({ ...admin, detail: { scheduleId: 'qinglian-document-housekeeping' } });
    // A refused request changed nothing in Temporal, and is not recorded.
    const paused = (await suite.stack.http.get<{ total: number }>('/account-events?type=SchedulePaused')).body.total;
    expect((await suite.stack.http.post('/schedules/qinglian-weekly-digest/pause', { note: 42 })).status).toBe(400);
    expect((await suite.stack.http.get<{ total: number }>('/account-events?type=SchedulePaused')).body.total).toBe(paused);
  });

  it('refuses an unknown schedule (404) and a note that is not text (400)', async () => {
    const unknown = await suite.stack.http.post<{ code: string; message: string }>('/schedules/nightly-cleanup/pause', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('定时任务不存在');
    const bad = await suite.stack.http.post<{ errors: { field: string }[] }>('/schedules/qinglian-weekly-digest/pause', { note: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(['note']);
  });

  it('runs the monthly call over the units in cultivation, and the weekly digest over the open cases', async () => {
    const campaign = await suite.stack.createCampaign({ year: 2019, name: '定时任务测试' });
    const caseIds: string[] = [];
    for (const name of ['上畈村', '后吴村']) caseIds.push((await suite.stack.enrollNewUnit(campaign, name)).caseId);
    // The units' contacts have accounts before the call goes out.
    const contacts = await Promise.all(caseIds.map((caseId) => suite.stack.contactOf(caseId)));
    const call = await runNow<ProgressReportCallResult>('qinglian-progress-report-call');
    expect(call.month).toMatch(/^\d{4}-\d{2}$/);
    expect(call.dueOn.startsWith(call.month)).toBe(true);
    expect(
      call.cases
        .filter((item) => caseIds.includes(item.caseId))
        .map((item) => item.unitName)
        .sort(),
    ).toEqual(['上畈村', '后吴村'].sort());
    expect(call.failedCaseIds).toEqual([]);
    // Each case calls its unit and records the call in its audit trail; each contact gets it in the inbox.
    const calls = async (caseId: string) =>
      (
        await suite.stack.http.get<{ type: string; actor: { role: string }; payload: { month: string; deliveries: { channel: string; outcome: string }[] } }[]>(
          `/cases/${caseId}/events`,
        )
      ).body.filter((event) => event.type === 'ProgressReportCalled');
    for (const [index, caseId] of caseIds.entries()) {
      const [recorded] = await eventually(`the call recorded in ${caseId}`, async () => ((await calls(caseId)).length > 0 ? calls(caseId) : undefined));
      expect(recorded).toMatchObject({ actor: { role: 'system' }, payload: { month: call.month } });
      expect(recorded?.payload.deliveries.filter((delivery) => delivery.channel === 'inbox').map((delivery) => delivery.outcome)).toEqual(['sent']);
      const inbox = await suite.stack.http.get<{ items: { kind: string; title: string }[] }>('/inbox', contacts[index]);
      expect(inbox.body.items.filter((item) => item.kind === 'progress_report_call')).toHaveLength(1);
    }
    // Run again the same month: no unit is called twice, no second call recorded.
    const repeated = await runNow<ProgressReportCallResult>('qinglian-progress-report-call');
    expect(repeated.failedCaseIds).toEqual([]);
    for (const caseId of caseIds) {
      // The case has handled the second call once its second delivery (a duplicate, sent to no one) has completed.
      await eventually(`the second call handled by ${caseId}`, async () => {
        const { events } = await suite.env.client.workflow.getHandle(caseId).fetchHistory();
        const deliveries = (events ?? []).filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'deliverNotification').length;
        const completed = (events ?? []).filter((event) => event.activityTaskCompletedEventAttributes).length;
        return deliveries === 2 && completed >= 2 ? true : undefined;
      });
      expect(await calls(caseId)).toHaveLength(1);
    }

    const { digest, delivery } = await runNow<WeeklyDigestResult>('qinglian-weekly-digest');
    expect(digest.stalledAfterDays).toBe(14);
    expect(new Date(`${digest.weekOf}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(digest.totals.open).toBeGreaterThanOrEqual(2);
    // Just enrolled, without deadlines: neither due, overdue nor stalled.
    expect([...digest.dueThisWeek, ...digest.overdue, ...digest.stalled].filter((entry) => caseIds.includes(entry.caseId))).toEqual([]);
    expect(delivery.deliveries.filter((item) => item.channel === 'inbox' && item.recipient === suite.stack.ids.admin).map((item) => item.outcome)).toEqual([
      'sent',
    ]);
    const adminInbox = await suite.stack.http.get<{ items: { kind: string; body: string }[] }>('/inbox');
    expect(adminInbox.body.items.find((item) => item.kind === 'weekly_digest')?.body).toContain(`本周到期 ${String(digest.totals.dueThisWeek)} 件`);

    // Run again the same week: nothing is delivered twice.
    const again = await runNow<WeeklyDigestResult>('qinglian-weekly-digest');
    expect(
      again.delivery.deliveries.filter((item) => item.channel === 'inbox' && item.recipient === suite.stack.ids.admin).map((item) => item.outcome),
    ).toEqual(['skipped_duplicate']);
  });
});
