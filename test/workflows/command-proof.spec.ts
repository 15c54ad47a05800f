import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure, WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AppConfig } from '#config';
import type { SubmitPlanCommand } from '#domain';
import {
  CASE_RULE_VIOLATION,
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseSteps,
  caseWorkflowId,
  enrollmentRecordedUpdate,
  type CaseRuleViolationDetails,
} from '#contracts';
import { CaseEventStore, migrateUp } from '#persistence';
import { CommandSigner, sendCaseStep } from '#temporal';
import { createSqliteDatabase, type TestDatabase } from '../support/databases.js';
import { startDevServer } from '../support/temporal.js';
import { startWorker, testCommandSigner, type RunningWorker } from '../support/worker.js';

const admin = { id: 'admin-1', role: 'administrator' } as const;
const contact = { id: 'contact-1', role: 'unit_contact' } as const;
const plan: SubmitPlanCommand = { actor: contact, summary: '清廉学校创建方案', documentRefs: [] };
const TASK_QUEUE = 'command-proof';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let client: Client;
let store: CaseEventStore;
let worker: RunningWorker;
const signer = testCommandSigner();
/** A signer whose key the workers do not know: what someone who can reach Temporal could make. */
const stranger = CommandSigner.fromConfig(
  AppConfig.fromEnvironment({ COMMAND_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }),
);

async function enroll(unitId: string): Promise<string> {
  const caseId = caseWorkflowId('campaign-2019', unitId);
  const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
    workflowId: caseId,
    taskQueue: TASK_QUEUE,
    workflowIdConflictPolicy: 'FAIL',
    args: [{ caseId, campaignId: 'campaign-2019', unitId, unitName: '大司巷小学', category: 'school', enrolledBy: admin }],
  });
  await client.workflow.executeUpdateWithStart(enrollmentRecordedUpdate, { startWorkflowOperation: start });
  return caseId;
}

/** Sends a submitPlan Update straight through the Temporal client, as anyone who can reach Temporal could: its refusal code. */
async function forged(caseId: string, command: object, updateId: string): Promise<string> {
  const attempt = client.workflow.getHandle(caseId).executeUpdate(caseSteps.submitPlan, { args: [command as SubmitPlanCommand], updateId });
  return attempt.then(
    () => 'accepted',
    (error: unknown) => {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === CASE_RULE_VIOLATION) {
        return (error.cause.details?.[0] as CaseRuleViolationDetails).code;
      }
      throw error;
    },
  );
}

beforeAll(async () => {
  env = await startDevServer();
  client = env.client;
  database = await createSqliteDatabase();
  const config = AppConfig.fromEnvironment({ DATABASE_URL: database.url, TEMPORAL_TASK_QUEUE: TASK_QUEUE, LOG_LEVEL: 'silent' });
  worker = await startWorker(config, env.nativeConnection);
  const orm = worker.app.get<MikroORM>(MikroORM);
  await migrateUp(orm);
  store = new CaseEventStore(orm);
});

afterAll(async () => {
  await worker.stop();
  await env.teardown();
  await database.drop();
});

describe('signed case commands (指令签名)', () => {
  it('refuses every forged or replayed command before anything is written or recorded in Temporal', async () => {
    const caseId = await enroll('unit-forged');
    const other = await enroll('unit-other');
    const stateBefore = await client.workflow.getHandle(caseId).query(caseStateQuery);
    const signedFor = (id: string, updateId: string, command: SubmitPlanCommand = plan, now?: number): object =>
      signer.sign(id, 'submitPlan', updateId, command, now);

    const attempts: [string, object, string][] = [
      ['no-proof', plan, 'COMMAND_NOT_SIGNED'],
      ['another-key', stranger.sign(caseId, 'submitPlan', 'another-key', plan), 'COMMAND_SIGNATURE_INVALID'],
      ['actor-altered', { ...signedFor(caseId, 'actor-altered'), actor: { id: 'contact-9', role: 'unit_contact' } }, 'COMMAND_SIGNATURE_INVALID'],
      ['summary-altered', { ...signedFor(caseId, 'summary-altered'), summary: '另一份方案' }, 'COMMAND_SIGNATURE_INVALID'],
      ['another-case', signedFor(other, 'another-case'), 'COMMAND_SIGNATURE_INVALID'],
      ['another-update', signedFor(caseId, 'signed-for-something-else'), 'COMMAND_SIGNATURE_INVALID'],
      ['another-step', signer.sign(caseId, 'submitRectification', 'another-step', plan), 'COMMAND_SIGNATURE_INVALID'],
      ['expired', signedFor(caseId, 'expired', plan, Date.now() - 3_600_000), 'COMMAND_EXPIRED'],
    ];
    for (const [updateId, command, code] of attempts) {
      expect([updateId, await forged(caseId, command, updateId)]).toEqual([updateId, code]);
    }

    expect((await store.listForCase(caseId)).map((event) => event.type)).toEqual(['CaseEnrolled']);
    expect(await client.workflow.getHandle(caseId).query(caseStateQuery)).toEqual(stateBefore);
    const history = await client.workflow.getHandle(caseId).fetchHistory();
    const accepted = history.events?.map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name).filter(Boolean);
    expect(accepted).toEqual(['enrollmentRecorded']);

    // The same step, signed by the api's key for this case and Update, is taken.
    const state = await sendCaseStep(client, signer, caseId, 'submitPlan', plan);
    expect(state).toMatchObject({ planStatus: 'submitted', lastSequence: 2 });
    expect((await store.listForCase(caseId)).at(-1)).toMatchObject({ type: 'PlanSubmitted', actor: contact });
  });
});
