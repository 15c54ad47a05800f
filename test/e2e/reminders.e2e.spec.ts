import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { calendarCoverage, deadlineOnEntry, type ReminderRecord } from '#domain';
import { completeCultivation } from '../support/case-journey.js';
import { createSqliteDatabase } from '../support/databases.js';
import { eventually } from '../support/http.js';
import type { AuthHeaders } from '../support/stack.js';
import { useStack } from '../support/suite.js';
import { recordHistory } from '../support/temporal.js';

// The cases live on a compressed calendar: two real seconds a day, each case from Monday 2026-06-01 00:00 in
// Shanghai (no holiday before the 19th). Reminders go out at 09:00 on working days.
const SECONDS_PER_DAY = 2;
const POLICY = { beforeDueWorkingDays: [1], onDueDay: true, overdueEveryWorkingDays: 1, escalateAfterWorkingDays: 2, sendAt: '09:00' };
/** Cultivation of `days` calendar days: enrolled on Monday 06-01, due on 06-0(1 + days). */
const campaignSettings = (name: string, days: number) => ({
  year: 2026,
  name,
  reminderPolicy: POLICY,
  stageDurations: { cultivation: { days, unit: 'calendar' } },
});

interface RecordedEvent {
  type: string;
  payload: Record<string, unknown>;
  actor: { id: string; role: string };
}

/** The stack most tests share, and the dev server the others start theirs on. */
const main = useStack(createSqliteDatabase, { environment: { CASE_CLOCK_SECONDS_PER_DAY: String(SECONDS_PER_DAY), CASE_CLOCK_STARTS_ON: '2026-06-01' } });
let campaignId: string;
let shortCampaignId: string;

beforeAll(async () => {
  campaignId = await main.stack.createCampaign(campaignSettings('提醒测试', 4));
  shortCampaignId = await main.stack.createCampaign(campaignSettings('短期限', 2));
});

async function enroll(name: string, campaign = campaignId): Promise<{ caseId: string; contact: AuthHeaders; deadlines: Readonly<Record<string, string>> }> {
  const { caseId, unitId, deadlines } = await main.stack.enrollNewUnit(campaign, name);
  return { caseId, contact: await main.stack.contactOf(unitId), deadlines };
}

async function extendDeadline(caseId: string, dueOn: string): Promise<void> {
  const set = await main.stack.http.post(`/cases/${caseId}/deadline-extensions`, { deadline: 'cultivation', dueOn, reason: '延期' });
  expect(set.status).toBe(200);
}

async function reminders(caseId: string): Promise<(ReminderRecord & { type: string; actor: string })[]> {
  const events = await main.stack.http.get<RecordedEvent[]>(`/cases/${caseId}/events`);
  return events.body
    .filter((event) => event.type === 'ReminderSent' || event.type === 'ReminderFailed')
    .map((event) => ({ ...(event.payload as unknown as ReminderRecord), type: event.type, actor: event.actor.role }));
}

const keys = async (caseId: string): Promise<string[]> => (await reminders(caseId)).map((reminder) => reminder.reminderKey);

const endCultivation = (caseId: string): Promise<void> => completeCultivation(main.stack, caseId, { plan: '创建方案', progress: '进度' });

describe('deadline reminders on durable timers', () => {
  it('sends none for a stage completed before its first reminder', async () => {
    const { caseId, deadlines } = await enroll('提前完成村');
    expect(deadlines).toEqual({ cultivation: '2026-06-05' });
    await endCultivation(caseId);
    // Another case shows the clock has passed this one's first reminder (Thu 06-04 09:00).
    const { caseId: witness } = await enroll('对照村');
    await eventually('the witness case’s first reminder', async () => ((await keys(witness)).length > 0 ? true : undefined));
    expect(await keys(caseId)).toEqual([]);
    await main.stack.http.post(`/cases/${witness}/withdrawal`, { reason: '对照结束' });
  });

  it('moves the pending reminders when the deadline is extended', async () => {
    const { caseId, contact } = await enroll('延期村');
    await eventually('the first reminder', async () => ((await keys(caseId)).length > 0 ? true : undefined));
    await extendDeadline(caseId, '2026-06-10');
    await eventually('the new due day’s reminder', async () => ((await keys(caseId)).includes('2026-06-10:due_today:0') ? true : undefined));
    await endCultivation(caseId);
    expect(await keys(caseId)).toEqual(['2026-06-05:before_due:-1', '2026-06-10:before_due:-1', '2026-06-10:due_today:0']);
    const inbox = await main.stack.http.get<{ items: { kind: string }[] }>('/inbox?pageSize=50', contact);
    expect(inbox.body.items.map((item) => item.kind).sort()).toEqual(['reminder_before_due', 'reminder_before_due', 'reminder_due_today']);
    await recordHistory(main.env.client, caseId, 'reminders-extended');
  });

  it('keeps reminding while overdue and escalates to the program office, across a worker restart', async () => {
    const { caseId, contact } = await enroll('逾期村', shortCampaignId);
    await eventually('the due-day reminder', async () => ((await keys(caseId)).includes('2026-06-03:due_today:0') ? true : undefined));
    // Timers pending while no worker runs: the new worker picks them up, none lost, none twice.
    await main.stack.restartWorker();
    await eventually('the escalation', async () => ((await keys(caseId)).includes('2026-06-03:escalation:2') ? true : undefined));
    await main.stack.http.post(`/cases/${caseId}/withdrawal`, { reason: '逾期退出' });
    const sent = await reminders(caseId);
    expect(sent.map((reminder) => reminder.reminderKey)).toEqual([
      '2026-06-03:before_due:-1',
      '2026-06-03:due_today:0',
      '2026-06-03:overdue:1',
      '2026-06-03:escalation:2',
    ]);
    expect(sent.every((reminder) => reminder.type === 'ReminderSent' && reminder.actor === 'system')).toBe(true);
    const escalation = sent.at(-1);
    expect(
      escalation?.deliveries
        .filter((delivery) => delivery.channel === 'inbox' && delivery.recipient === main.stack.ids.admin)
        .map((delivery) => delivery.outcome),
    ).toEqual(['sent']);
    const unitInbox = await main.stack.http.get<{ items: { kind: string }[] }>('/inbox?pageSize=50', contact);
    expect(unitInbox.body.items.map((item) => item.kind).sort()).toEqual(['escalation', 'reminder_before_due', 'reminder_due_today', 'reminder_overdue']);
    const officeInbox = await main.stack.http.get<{ items: { kind: string; caseId: string | null }[] }>('/inbox?pageSize=50');
    expect(officeInbox.body.items.filter((item) => item.caseId === caseId).map((item) => item.kind)).toEqual(['escalation']);
  });
});

describe('due dates set on entering a stage', () => {
  it('gives each stage entered its due date from the campaign, recorded by the system with what it was computed from', async () => {
    const { caseId } = await enroll('期限村');
    await endCultivation(caseId);
    const events = (await main.stack.http.get<RecordedEvent[]>(`/cases/${caseId}/events`)).body;
    const set = events.filter((event) => event.type === 'DeadlineSet');
    expect(set.map((event) => [event.payload.deadline, event.actor.role])).toEqual([
      ['cultivation', 'system'],
      ['self_assessment', 'system'],
    ]);
    // Each follows the step that opened its stage.
    const types = events.map((event) => event.type);
    expect(types[types.indexOf('CaseEnrolled') + 1]).toBe('DeadlineSet');
    expect(types[types.indexOf('ReadinessDeclared') + 1]).toBe('DeadlineSet');
    const selfAssessment = set[1]?.payload as { enteredOn: string; dueOn: string };
    expect(selfAssessment.enteredOn >= '2026-06-01' && selfAssessment.enteredOn < '2026-06-19').toBe(true);
    expect(set[1]?.payload).toEqual(deadlineOnEntry('self_assessment', selfAssessment.enteredOn, { days: 15, unit: 'working' }).payload);
    const state = await main.stack.http.get<{ stage: string; deadlines: Record<string, string>; pendingDeadline: unknown }>(`/cases/${caseId}`);
    expect(state.body).toMatchObject({
      stage: 'self_assessment',
      deadlines: { cultivation: '2026-06-05', self_assessment: selfAssessment.dueOn },
      pendingDeadline: null,
    });
    await main.stack.http.post(`/cases/${caseId}/withdrawal`, { reason: '结束' });
  });
});

describe('a due date beyond the working-day calendar', () => {
  const { lastYear } = calendarCoverage();
  // Enrolled on 1 December of the calendar's last year: 120 days of cultivation end in a year it does not cover.
  const late = useStack(createSqliteDatabase, {
    devServer: main,
    environment: { CASE_CLOCK_SECONDS_PER_DAY: String(SECONDS_PER_DAY), CASE_CLOCK_STARTS_ON: `${lastYear}-12-01` },
  });

  it('is left pending with the calendar’s reason, the enrollment goes through, and an administrator can set it', async () => {
    const campaign = await late.stack.createCampaign({ year: lastYear, name: '跨年培育', reminderPolicy: POLICY });
    const unitId = await late.stack.createUnit('跨年村');
    const enrolled = await late.stack.http.post<{ caseId: string; deadlines: Record<string, string>; pendingDeadline: unknown }>(
      `/campaigns/${campaign}/enrollments`,
      { unitId },
    );
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.deadlines).toEqual({});
    expect(enrolled.body.pendingDeadline).toEqual({ deadline: 'cultivation', enteredOn: `${lastYear}-12-01`, duration: { days: 120, unit: 'calendar' } });
    const { caseId } = enrolled.body;
    const pending = (await late.stack.http.get<RecordedEvent[]>(`/cases/${caseId}/events`)).body.find((event) => event.type === 'DeadlinePending');
    expect(pending?.actor.role).toBe('system');
    expect(pending?.payload.reason).toContain(`${String(lastYear + 1)}-`);

    const dueOn = `${String(lastYear + 1)}-03-31`;
    expect((await late.stack.http.post(`/cases/${caseId}/deadline-extensions`, { deadline: 'cultivation', dueOn, reason: '按通知设定培育期限' })).status).toBe(
      200,
    );
    const state = await late.stack.http.get<{ deadlines: Record<string, string>; pendingDeadline: unknown }>(`/cases/${caseId}`);
    expect(state.body).toMatchObject({ deadlines: { cultivation: dueOn }, pendingDeadline: null });
    expect((await late.stack.http.post(`/cases/${caseId}/withdrawal`, { reason: '结束' })).status).toBe(200);
  });
});

describe('a reminder whose delivery keeps failing', () => {
  let receiver: Server;
  const posts: string[] = [];

  beforeAll(async () => {
    // The program office's group chat answers 500 to every post.
    receiver = createServer((request, response) => {
      posts.push(decodeURIComponent(String(request.headers['x-qinglian-dedupe-key'])));
      request.resume();
      response.writeHead(500).end('{"errcode":500}');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });

  const chatDown = useStack(createSqliteDatabase, {
    devServer: main,
    environment: () => ({
      CASE_CLOCK_SECONDS_PER_DAY: String(SECONDS_PER_DAY),
      CASE_CLOCK_STARTS_ON: '2026-06-01',
      NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${String((receiver.address() as AddressInfo).port)}/robot/send?access_token=t`,
      NOTIFY_WEBHOOK_SECRET: 'SECtest-secret',
    }),
  });

  // Declared after the stack's, so that the receiver closes once the stack has stopped.
  afterAll(async () => {
    await new Promise<void>((resolve) =>
      receiver.close(() => {
        resolve();
      }),
    );
  });

  it('is recorded as ReminderFailed once its retries are spent, and the case goes on', async () => {
    const { caseId } = await chatDown.stack.enrollNewUnit(await chatDown.stack.createCampaign(campaignSettings('群聊故障', 2)), '群聊故障村');
    const failed = await eventually(
      'the escalation recorded as failed',
      async () => {
        const events = await chatDown.stack.http.get<RecordedEvent[]>(`/cases/${caseId}/events`);
        return events.body.find((event) => event.type === 'ReminderFailed');
      },
      90_000,
    );
    expect(failed.payload).toMatchObject({ reminderKey: '2026-06-03:escalation:2', kind: 'escalation' });
    expect(failed.payload.deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'webhook', outcome: 'failed' })]));
    // Five attempts, each a post with the same dedupe key; then the case carries on.
    expect(posts).toEqual(Array.from({ length: 5 }, () => `reminder:${caseId}:cultivation:2026-06-03:escalation:2`));
    expect((await chatDown.stack.http.post(`/cases/${caseId}/withdrawal`, { reason: '结束' })).status).toBe(200);
  });
});
