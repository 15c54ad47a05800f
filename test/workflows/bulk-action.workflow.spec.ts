import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AppConfig } from '#config';
import {
  BULK_ACTION_WORKFLOW_TYPE,
  bulkActionWorkflowId,
  CASE_WORKFLOW_TYPE,
  caseWorkflowId,
  enrollmentRecordedUpdate,
  type BulkActionWorkflowInput,
  type BulkActionTotals,
} from '#contracts';
import { BulkActionEntity, BulkActionStore, CaseEventStore, migrateUp, type SelectedCase } from '#persistence';
import { createSqliteDatabase, type TestDatabase } from '../support/databases.js';
import { startDevServer } from '../support/temporal.js';
import { startWorker, type RunningWorker } from '../support/worker.js';

const TASK_QUEUE = 'bulk-actions';
const admin = { id: 'admin-1', role: 'administrator', name: '项目办' } as const;
/** Cases of the large selection (BULK_ACTION_CASES=10000 runs the full size the api allows). */
const CASES = Number(process.env.BULK_ACTION_CASES ?? 240);

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let worker: RunningWorker;
let store: BulkActionStore;

beforeAll(async () => {
  // Temporal suggests continue-as-new after a hundred history events instead of thousands.
  env = await startDevServer(['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=100']);
  database = await createSqliteDatabase();
  worker = await startWorker(
    AppConfig.fromEnvironment({ DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: TASK_QUEUE, LOG_LEVEL: 'silent' }),
    env.nativeConnection,
  );
  await migrateUp(worker.app.get<MikroORM>(MikroORM));
  store = worker.app.get(BulkActionStore);
});

afterAll(async () => {
  await worker.stop();
  await env.teardown();
  await database.drop();
});

/** A case workflow as the api enrolls it (no reminders): its unit owes the creation plan. */
async function enrolledCase(unitName: string): Promise<SelectedCase> {
  const caseId = caseWorkflowId('campaign-bulk', randomUUID());
  const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
    workflowId: caseId,
    taskQueue: TASK_QUEUE,
    workflowIdConflictPolicy: 'FAIL',
    args: [{ caseId, campaignId: 'campaign-bulk', unitId: caseId.split(':')[2] ?? '', unitName, category: 'village', enrolledBy: admin }],
  });
  await env.client.workflow.executeUpdateWithStart(enrollmentRecordedUpdate, { startWorkflowOperation: start });
  return { caseId, unitName, stage: 'cultivation' };
}

describe('a bulk action over a large selection', () => {
  it('takes every case once, in runs that continue as new, and completes with each case’s result counted once', async () => {
    const real = await Promise.all(['上周村', '下周村', '中周村'].map(enrolledCase));
    // The rest name cases no workflow runs for: each is refused (CASE_NOT_FOUND), which is its result.
    const absent = Array.from({ length: CASES - real.length }, (_, index): SelectedCase => ({
      caseId: caseWorkflowId('campaign-bulk', randomUUID()),
      unitName: `无此村-${index}`,
      stage: 'cultivation',
    }));
    const action = new BulkActionEntity({
      id: randomUUID(),
      kind: 'urge',
      parameters: { message: '请尽快提交创建方案' },
      startedById: admin.id,
      startedByRole: admin.role,
      startedByName: admin.name,
      startedAt: new Date(),
      total: CASES,
    });
    await store.create(action, [...real, ...absent]);
    const input: BulkActionWorkflowInput = {
      kind: 'urge',
      parameters: { message: '请尽快提交创建方案' },
      bulkActionId: action.id,
      startedBy: admin,
      startedAt: action.startedAt.toISOString(),
    };
    const handle = await env.client.workflow.start<(input: BulkActionWorkflowInput) => Promise<BulkActionTotals>>(BULK_ACTION_WORKFLOW_TYPE, {
      workflowId: bulkActionWorkflowId(action.id),
      taskQueue: TASK_QUEUE,
      args: [input],
    });

    const totals = await handle.result();
    expect(totals).toEqual({ total: CASES, succeeded: 3, refused: CASES - 3, failed: 0 });
    expect((await env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe()).status.name).toBe('CONTINUED_AS_NEW');
    expect(await store.find(action.id)).toMatchObject({ status: 'completed', succeeded: 3, refused: CASES - 3, failed: 0 });
    const refused = await store.items(action.id, { status: 'refused', offset: 0, limit: 1 });
    expect(refused.total).toBe(CASES - 3);
    expect(refused.items[0]).toMatchObject({ code: 'CASE_NOT_FOUND' });

    const events = worker.app.get(CaseEventStore);
    for (const { caseId } of real) {
      const urged = (await events.listForCase(caseId)).filter((event) => event.type === 'UrgeSent');
      expect(urged).toEqual([expect.objectContaining({ actor: { id: admin.id, role: admin.role }, reason: `批量操作 / bulk action ${action.id}` })]);
    }
  });
});
