import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { CaseSearchAttributes } from '#contracts';
import { startTemporalServer, type TemporalServer } from '../support/temporal-server.js';
import { uniqueTaskQueue } from '../support/temporal.js';

const { IndexedValueType, WorkflowExecutionStatus } = proto.temporal.api.enums.v1;

// The production build of the Temporal server on PostgreSQL (what scripts/production-shape.sh runs the tests on).
let server: TemporalServer;
let connection: Connection;
let client: Client;
const workflowId = `temporal-server-${uniqueTaskQueue('probe')}`;

beforeAll(async () => {
  server = await startTemporalServer();
  connection = await Connection.connect({ address: server.address });
  client = new Client({ connection, namespace: server.namespace });
}, 300_000);

// The probe workflow goes with the databases.
afterAll(async () => {
  await connection.close();
  await server.stop();
});

it('serves the namespace with the case search attributes', async () => {
  const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'default' });
  expect(namespaceInfo?.name).toBe('default');
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
  expect(customAttributes).toMatchObject({
    QinglianCampaign: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
    QinglianCategory: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
    QinglianStage: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
    QinglianNextDueAt: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  });
});

it('keeps a workflow with search attributes across a restart, and answers the client after it', async () => {
  // No worker needed: the workflow only has to be recorded.
  const handle = await client.workflow.start('caseWorkflow', {
    workflowId,
    taskQueue: uniqueTaskQueue('temporal-server'),
    typedSearchAttributes: [{ key: CaseSearchAttributes.stage, value: 'cultivation' }],
  });

  await server.restart();

  const description = await handle.describe();
  expect(description.runId).toBe(handle.firstExecutionRunId);
  expect(description.raw.workflowExecutionInfo?.status).toBe(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  expect(description.typedSearchAttributes.get(CaseSearchAttributes.stage)).toBe('cultivation');
  await handle.signal('nudge');
  expect((await handle.fetchHistory()).events?.some((event) => event.workflowExecutionSignaledEventAttributes?.signalName === 'nudge')).toBe(true);
});
