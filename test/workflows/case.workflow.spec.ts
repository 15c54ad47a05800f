import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure, WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AppConfig } from '#config';
import type { CaseState, SubmitPlanCommand } from '#domain';
import {
  CASE_RULE_VIOLATION,
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  CaseSearchAttributes,
  caseWorkflowId,
  enrollmentRecordedUpdate,
  type CaseRuleViolationDetails,
} from '#contracts';
import { CaseEventStore, migrateUp } from '#persistence';
import { createSqliteDatabase, type TestDatabase } from '../support/databases.js';
import { recordHistory, startDevServer } from '../support/temporal.js';
import { startWorker, testCommandSigner, type RunningWorker } from '../support/worker.js';
import { sendCaseStep } from '#temporal';

const admin = { id: 'admin-1', role: 'administrator' } as const;
const contact = { id: 'contact-1', role: 'unit_contact' } as const;
const plan: SubmitPlanCommand = { actor: contact, summary: '阳光招生、阳光食堂创建方案', documentRefs: ['方案-2019-01'] };

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let client: Client;
let store: CaseEventStore;
const workers: RunningWorker[] = [];
const signer = testCommandSigner();

async function workerOn(taskQueue: string, wrap?: Parameters<typeof startWorker>[2]): Promise<void> {
  const config = AppConfig.fromEnvironment({ DATABASE_URL: database.url, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'silent' });
  const worker = await startWorker(config, env.nativeConnection, wrap);
  workers.push(worker);
  if (workers.length === 1) {
    const orm = worker.app.get<MikroORM>(MikroORM);
    await migrateUp(orm);
    store = new CaseEventStore(orm);
  }
}

async function enroll(taskQueue: string, unitId: string): Promise<{ caseId: string; state: CaseState }> {
  const caseId = caseWorkflowId('campaign-2019', unitId);
  const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
    workflowId: caseId,
    taskQueue,
    workflowIdConflictPolicy: 'FAIL',
    args: [{ caseId, campaignId: 'campaign-2019', unitId, unitName: '大司巷小学', category: 'school', enrolledBy: admin }],
    typedSearchAttributes: [{ key: CaseSearchAttributes.stage, value: 'enrolled' }],
  });
  const state = await client.workflow.executeUpdateWithStart(enrollmentRecordedUpdate, { startWorkflowOperation: start });
  return { caseId, state };
}

function violationCode(error: unknown): string | undefined {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === CASE_RULE_VIOLATION) {
    return (error.cause.details?.[0] as CaseRuleViolationDetails).code;
  }
  return undefined;
}

beforeAll(async () => {
  env = await startDevServer();
  client = env.client;
  database = await createSqliteDatabase();
  await workerOn('cases');
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await env.teardown();
  await database.drop();
});

describe('case workflow', () => {
  it('enrollment answers once CaseEnrolled is in the audit trail, and sets the stage search attribute', async () => {
    const { caseId, state } = await enroll('cases', 'unit-enroll');
    expect(state).toMatchObject({ stage: 'cultivation', lastSequence: 1 });
    const events = await store.listForCase(caseId);
    expect(events.map((event) => [event.sequence, event.type, event.actor.id])).toEqual([[1, 'CaseEnrolled', 'admin-1']]);
    const description = await client.workflow.getHandle(caseId).describe();
    expect(description.typedSearchAttributes.get(CaseSearchAttributes.stage)).toBe('cultivation');
  });

  it('the validator rejects an illegal step before anything is written or recorded in history', async () => {
    const { caseId } = await enroll('cases', 'unit-rejected');
    const handle = client.workflow.getHandle(caseId);
    const attempt = sendCaseStep(
      client,
      signer,
      caseId,
      'submitPlan',
      { ...plan, actor: { id: 'assessor-1', role: 'assessor' } },
      { updateId: 'rejected-plan' },
    );
    const code = await attempt.then(() => 'accepted', violationCode);
    expect(code).toBe('ROLE_NOT_ALLOWED');
    expect(await store.listForCase(caseId)).toHaveLength(1);
    const history = await handle.fetchHistory();
    const acceptedUpdateIds = history.events?.map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId);
    expect(acceptedUpdateIds).not.toContain('rejected-plan');
  });

  it('an accepted step has appended its event by the time the update returns (read-your-writes)', async () => {
    const { caseId } = await enroll('cases', 'unit-plan');
    const handle = client.workflow.getHandle(caseId);
    const state = await sendCaseStep(client, signer, caseId, 'submitPlan', plan);
    expect(state).toMatchObject({ planStatus: 'submitted', lastSequence: 2 });
    const events = await store.listForCase(caseId);
    expect(events.map((event) => event.type)).toEqual(['CaseEnrolled', 'PlanSubmitted']);
    expect(events[1]).toMatchObject({ actor: contact, payload: { summary: plan.summary, documentRefs: plan.documentRefs } });
    expect(await handle.query(caseStateQuery)).toEqual(state);
    await recordHistory(client, caseId, 'case-enroll-submit-plan');
  });

  it('of two identical steps sent at once, exactly one is recorded', async () => {
    const { caseId } = await enroll('cases', 'unit-race');
    const results = await Promise.allSettled([
      sendCaseStep(client, signer, caseId, 'submitPlan', plan),
      sendCaseStep(client, signer, caseId, 'submitPlan', plan),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(violationCode(rejected?.reason)).toBe('PLAN_ALREADY_SUBMITTED');
    expect((await store.listForCase(caseId)).map((event) => event.type)).toEqual(['CaseEnrolled', 'PlanSubmitted']);
  });

  it('keeps the due date of the current stage in a search attribute', async () => {
    const { caseId } = await enroll('cases', 'unit-due');
    const handle = client.workflow.getHandle(caseId);
    await sendCaseStep(client, signer, caseId, 'extendDeadline', { actor: admin, deadline: 'cultivation', dueOn: '2019-09-30', reason: '汛期' });
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(CaseSearchAttributes.nextDueAt)?.toISOString()).toBe('2019-09-29T16:00:00.000Z');
    expect((await store.listForCase(caseId)).at(-1)).toMatchObject({ type: 'DeadlineExtended', reason: '汛期' });
  });

  it('an append whose acknowledgement is lost is retried without a duplicate event', async () => {
    let lostAcknowledgements = 0;
    await workerOn('cases-flaky', (activities) => ({
      ...activities,
      appendCaseStep: async (input) => {
        const recorded = await activities.appendCaseStep(input);
        if (input.events.some(({ event }) => event.type === 'PlanSubmitted') && lostAcknowledgements < 2) {
          lostAcknowledgements += 1;
          throw new Error('injected: connection lost after the write');
        }
        return recorded;
      },
    }));
    const { caseId } = await enroll('cases-flaky', 'unit-flaky');
    const state = await sendCaseStep(client, signer, caseId, 'submitPlan', plan);
    expect(lostAcknowledgements).toBe(2);
    expect(state.lastSequence).toBe(2);
    const events = await store.listForCase(caseId);
    expect(events.map((event) => [event.sequence, event.type])).toEqual([
      [1, 'CaseEnrolled'],
      [2, 'PlanSubmitted'],
    ]);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
  });
});
