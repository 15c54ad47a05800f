import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AppConfig } from '#config';
import { CalendarOutOfRangeError, calendarCoverage, DEFAULT_REMINDER_POLICY, DEFAULT_STAGE_DURATIONS, dueOnFor } from '#domain';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  CaseSearchAttributes,
  caseWorkflowId,
  enrollmentRecordedUpdate,
  eventsOfStep,
  type CaseWorkflowInput,
} from '#contracts';
import { CaseEventStore, migrateUp } from '#persistence';
import type { WorkerActivities } from '../../apps/worker/src/activities/index.js';
import { createSqliteDatabase, type TestDatabase } from '../support/databases.js';
import { eventually } from '../support/http.js';
import { recordHistory, startDevServer } from '../support/temporal.js';
import { startWorker, testCommandSigner, type RunningWorker } from '../support/worker.js';
import { sendCaseStep } from '#temporal';

// A worker whose calendar data ends a year earlier than this release's: what was deployed before the State
// Council's notice for the year came out.
const { firstYear, lastYear } = calendarCoverage();
const olderLastYear = lastYear - 1;
function withOlderCalendar(activities: WorkerActivities): WorkerActivities {
  const planDeadline: WorkerActivities['planDeadline'] = async (input) => {
    const event = await activities.planDeadline(input);
    if (event.type !== 'DeadlineSet' || Number(event.payload.dueOn.slice(0, 4)) <= olderLastYear) return event;
    const { deadline, enteredOn, duration, dueOn } = event.payload;
    return {
      type: 'DeadlinePending',
      payload: { deadline, enteredOn, duration, reason: new CalendarOutOfRangeError(dueOn, firstYear, olderLastYear).message },
    };
  };
  return {
    ...activities,
    planDeadline,
    // A step's due date is planned within its append: as this worker's calendar has it.
    appendCaseStep: async (input) =>
      input.deadline ? store.appendAll(eventsOfStep(input, await planDeadline(input.deadline.entry))) : activities.appendCaseStep(input),
  };
}

const admin = { id: 'admin-1', role: 'administrator' } as const;
const taskQueue = 'due-dates';
let env: TestWorkflowEnvironment;
let database: TestDatabase;
let store: CaseEventStore;
const signer = testCommandSigner();
let worker: RunningWorker | undefined;

async function runWorker(wrap?: (activities: WorkerActivities) => WorkerActivities): Promise<void> {
  const config = AppConfig.fromEnvironment({ DATABASE_URL: database.url, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'silent' });
  worker = await startWorker(config, env.nativeConnection, wrap);
}

beforeAll(async () => {
  env = await startDevServer();
  database = await createSqliteDatabase();
  await runWorker(withOlderCalendar);
  const orm = worker?.app.get<MikroORM>(MikroORM);
  if (!orm) throw new Error('no worker');
  await migrateUp(orm);
  store = new CaseEventStore(orm);
});

afterAll(async () => {
  await worker?.stop();
  await env.teardown();
  await database.drop();
});

describe('a due date the calendar did not cover yet', () => {
  it('is set by the first worker that carries the newer calendar, from the day the stage was entered', async () => {
    // Enrolled on 1 December (two real seconds a day): 120 days of cultivation end in the year only the new calendar has.
    const enteredOn = `${String(olderLastYear)}-12-01`;
    const caseId = caseWorkflowId('campaign-due-dates', 'unit-late');
    const input: CaseWorkflowInput = {
      caseId,
      campaignId: 'campaign-due-dates',
      unitId: 'unit-late',
      unitName: '跨年村',
      category: 'village',
      enrolledBy: admin,
      stageDurations: DEFAULT_STAGE_DURATIONS,
      reminders: {
        policy: DEFAULT_REMINDER_POLICY,
        clock: { realAnchor: new Date().toISOString(), simulatedAnchor: new Date(`${enteredOn}T00:00:00+08:00`).toISOString(), secondsPerDay: 2 },
      },
    };
    const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
      workflowId: caseId,
      taskQueue,
      workflowIdConflictPolicy: 'FAIL',
      args: [input],
      typedSearchAttributes: [{ key: CaseSearchAttributes.stage, value: 'enrolled' }],
    });
    const enrolled = await env.client.workflow.executeUpdateWithStart(enrollmentRecordedUpdate, { startWorkflowOperation: start });
    expect(enrolled.deadlines).toEqual({});
    expect(enrolled.pendingDeadline).toEqual({ deadline: 'cultivation', enteredOn, duration: DEFAULT_STAGE_DURATIONS.cultivation });

    // The new release is deployed: the old worker stops, one with this release's calendar takes over.
    await worker?.stop();
    await runWorker();
    const handle = env.client.workflow.getHandle(caseId);
    const state = await eventually('the due date set', async () => {
      const current = await handle.query(caseStateQuery);
      return current.deadlines.cultivation === undefined ? undefined : current;
    });
    const dueOn = dueOnFor('cultivation', enteredOn, { stageDurations: DEFAULT_STAGE_DURATIONS });
    expect(state.deadlines).toEqual({ cultivation: dueOn });
    expect(state.pendingDeadline).toBeNull();
    const events = await store.listForCase(caseId);
    expect(events.map((event) => event.type)).toEqual(['CaseEnrolled', 'DeadlinePending', 'DeadlineSet']);
    expect(events.at(-1)).toMatchObject({ actor: { role: 'system' }, payload: { deadline: 'cultivation', enteredOn, dueOn } });

    await sendCaseStep(env.client, signer, caseId, 'withdraw', { actor: admin, reason: '结束' });
    await handle.result();
    await recordHistory(env.client, caseId, 'due-date-set-after-calendar-update');
  });
});
