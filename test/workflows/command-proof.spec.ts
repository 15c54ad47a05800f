import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure, WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
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
import { CommandSigner, sendCaseStep, workflowBundleOptions } from '#temporal';
import { activitiesFrom } from '../../apps/worker/src/activities/index.js';
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
/** The workflow code as `npm run build:workflows` writes it: its key slot still empty. */
let bundle: string;
let bundleDir: string;
const signer = testCommandSigner();
/** A signer whose key the workers do not know: what someone who can reach Temporal could make. */
const stranger = CommandSigner.fromConfig(
  AppConfig.fromEnvironment({ COMMAND_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }),
);

async function enroll(unitId: string, taskQueue = TASK_QUEUE): Promise<string> {
  const caseId = caseWorkflowId('campaign-2019', unitId);
  const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
    workflowId: caseId,
    taskQueue,
    workflowIdConflictPolicy: 'FAIL',
    args: [{ caseId, campaignId: 'campaign-2019', unitId, unitName: '大司巷小学', category: 'school', enrolledBy: admin }],
  });
  await client.workflow.executeUpdateWithStart(enrollmentRecordedUpdate, { startWorkflowOperation: start });
  return caseId;
}

/** Sends an Update straight through the Temporal client, as anyone who can reach Temporal could: its refusal code. */
async function forged(caseId: string, command: object, updateId: string, step: 'submitPlan' | 'urge' = 'submitPlan'): Promise<string> {
  const update = caseSteps[step] as unknown as typeof caseSteps.submitPlan;
  const attempt = client.workflow.getHandle(caseId).executeUpdate(update, { args: [command as SubmitPlanCommand], updateId });
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
  // The worker loads a prebuilt bundle (as in production) and writes the key into it as it loads it.
  ({ code: bundle } = await bundleWorkflowCode(workflowBundleOptions()));
  bundleDir = mkdtempSync(join(tmpdir(), 'command-proof-'));
  const bundlePath = join(bundleDir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle);
  const config = AppConfig.fromEnvironment({
    DATABASE_URL: database.url,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    WORKFLOW_BUNDLE_PATH: bundlePath,
    LOG_LEVEL: 'silent',
  });
  worker = await startWorker(config, env.nativeConnection);
  const orm = worker.app.get<MikroORM>(MikroORM);
  await migrateUp(orm);
  store = new CaseEventStore(orm);
});

afterAll(async () => {
  await worker.stop();
  await env.teardown();
  await database.drop();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('signed case commands (指令签名)', () => {
  it('refuses every forged or replayed command before anything is written or recorded in Temporal', async () => {
    const caseId = await enroll('unit-forged');
    const other = await enroll('unit-other');
    const stateBefore = await client.workflow.getHandle(caseId).query(caseStateQuery);
    const historyBefore = (await client.workflow.getHandle(caseId).fetchHistory()).events?.length;
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
    // 催办 has a handler of its own: an administrator's urge with no proof, and one whose message was changed.
    const urge = { actor: admin, message: '请尽快提交创建方案' };
    expect(await forged(caseId, urge, 'urge-unsigned', 'urge')).toBe('COMMAND_NOT_SIGNED');
    const urgeAltered = { ...signer.sign(caseId, 'urge', 'urge-altered', urge), message: '另有安排' };
    expect(await forged(caseId, urgeAltered, 'urge-altered', 'urge')).toBe('COMMAND_SIGNATURE_INVALID');

    expect((await store.listForCase(caseId)).map((event) => event.type)).toEqual(['CaseEnrolled']);
    expect(await client.workflow.getHandle(caseId).query(caseStateQuery)).toEqual(stateBefore);
    const history = await client.workflow.getHandle(caseId).fetchHistory();
    expect(history.events?.length).toBe(historyBefore);
    const accepted = history.events?.map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name).filter(Boolean);
    expect(accepted).toEqual(['enrollmentRecorded']);

    // The same step, signed by the api's key for this case and Update, is taken.
    const state = await sendCaseStep(client, signer, caseId, 'submitPlan', plan);
    expect(state).toMatchObject({ planStatus: 'submitted', lastSequence: 2 });
    expect((await store.listForCase(caseId)).at(-1)).toMatchObject({ type: 'PlanSubmitted', actor: contact });
  });

  it('fails closed: workflow code loaded without its key refuses every step, even one the api signed', async () => {
    const taskQueue = `${TASK_QUEUE}-no-key`;
    const keyless = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { code: bundle },
      activities: activitiesFrom(worker.app),
    });
    await keyless.runUntil(async () => {
      const caseId = await enroll('unit-keyless', taskQueue);
      expect(await forged(caseId, signer.sign(caseId, 'submitPlan', 'keyless', plan), 'keyless')).toBe('COMMAND_KEY_MISSING');
      expect((await store.listForCase(caseId)).map((event) => event.type)).toEqual(['CaseEnrolled']);
    });
  });
});
