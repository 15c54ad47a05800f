import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AppConfig } from '#config';
import { CASE_WORKFLOW_TYPE, caseStateQuery, caseWorkflowId, enrollmentRecordedUpdate } from '#contracts';
import { AuditVerifier, CaseEventStore, migrateUp } from '#persistence';
import { createSqliteDatabase, type TestDatabase } from '../support/databases.js';
import { eventually } from '../support/http.js';
import { startDevServer } from '../support/temporal.js';
import { startWorker, testCommandSigner, type RunningWorker } from '../support/worker.js';
import { sendCaseStep } from '#temporal';

const admin = { id: 'admin-1', role: 'administrator' } as const;
const contact = { id: 'contact-1', role: 'unit_contact' } as const;

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let worker: RunningWorker;
let orm: MikroORM;
const signer = testCommandSigner();

beforeAll(async () => {
  // Temporal suggests continue-as-new after a few dozen history events instead of thousands.
  env = await startDevServer(['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=25']);
  database = await createSqliteDatabase();
  worker = await startWorker(
    AppConfig.fromEnvironment({ DATABASE_URL: database.url, TEMPORAL_TASK_QUEUE: 'cases-can', LOG_LEVEL: 'silent' }),
    env.nativeConnection,
  );
  orm = worker.app.get<MikroORM>(MikroORM);
  await migrateUp(orm);
});

afterAll(async () => {
  await worker.stop();
  await env.teardown();
  await database.drop();
});

describe('a long-lived case', () => {
  it('continues as a new run when Temporal suggests it, keeping its state and an unbroken audit trail', async () => {
    const caseId = caseWorkflowId('campaign-2019', 'unit-long-lived');
    const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
      workflowId: caseId,
      taskQueue: 'cases-can',
      workflowIdConflictPolicy: 'FAIL',
      args: [{ caseId, campaignId: 'campaign-2019', unitId: 'unit-long-lived', unitName: '尚仁村', category: 'village', enrolledBy: admin }],
    });
    await env.client.workflow.executeUpdateWithStart(enrollmentRecordedUpdate, { startWorkflowOperation: start });
    const firstRunId = (await env.client.workflow.getHandle(caseId).describe()).runId;
    const handle = env.client.workflow.getHandle(caseId);
    const plan = { actor: contact, summary: '创建方案', documentRefs: [] };
    await sendCaseStep(env.client, signer, caseId, 'submitPlan', plan, { updateId: 'plan-submitted-once' });
    await sendCaseStep(env.client, signer, caseId, 'reviewPlan', { actor: admin, approve: true });
    const reports = 12;
    for (let month = 1; month <= reports; month += 1) {
      await sendCaseStep(
        env.client,
        signer,
        caseId,
        'submitProgressReport',
        { actor: contact, summary: `${month}月进度`, documentRefs: [] },
        {
          updateId: `report-${month}`,
        },
      );
    }

    const first = await env.client.workflow.getHandle(caseId, firstRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    const latest = await eventually('the latest run to be running', async () => {
      const description = await handle.describe();
      return description.status.name === 'RUNNING' ? description : undefined;
    });
    expect(latest.runId).not.toBe(firstRunId);
    expect(await handle.query(caseStateQuery)).toMatchObject({
      stage: 'cultivation',
      planStatus: 'approved',
      progressReports: reports,
      lastSequence: 3 + reports,
    });

    const events = await new CaseEventStore(orm).listForCase(caseId);
    expect(events.map((event) => event.sequence)).toEqual(Array.from({ length: 3 + reports }, (_, index) => index + 1));
    expect(events.filter((event) => event.type === 'CaseEnrolled')).toHaveLength(1);
    expect(await new AuditVerifier(orm).verifyCase(caseId)).toMatchObject({ ok: true, eventsChecked: 3 + reports });
  });

  it('answers a step retried after the case continued as a new run from its state, recording nothing again', async () => {
    const caseId = caseWorkflowId('campaign-2019', 'unit-long-lived');
    const handle = env.client.workflow.getHandle(caseId);
    const before = await handle.query(caseStateQuery);
    // The plan and the first report were recorded in the first run; their callers retry them with the same update ids.
    const plan = { actor: contact, summary: '创建方案', documentRefs: [] };
    const retriedPlan = await sendCaseStep(env.client, signer, caseId, 'submitPlan', plan, { updateId: 'plan-submitted-once' });
    const report = { actor: contact, summary: '1月进度', documentRefs: [] };
    const retriedReport = await sendCaseStep(env.client, signer, caseId, 'submitProgressReport', report, { updateId: 'report-1' });

    expect(retriedPlan).toEqual(before);
    expect(retriedReport).toEqual(before);
    expect(await handle.query(caseStateQuery)).toEqual(before);
    expect(await new CaseEventStore(orm).listForCase(caseId)).toHaveLength(before.lastSequence);
    // A new update id is a new step, as always.
    const next = await sendCaseStep(env.client, signer, caseId, 'submitProgressReport', { ...report, summary: '13月进度' });
    expect(next.progressReports).toBe(before.progressReports + 1);
  });
});
