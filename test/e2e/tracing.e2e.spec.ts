import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '#temporal';
import { startApiProcess } from '../support/api-process.js';
import { createSqliteDatabase } from '../support/databases.js';
import { eventually, httpClient } from '../support/http.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { useStack } from '../support/suite.js';
import { startWorkerProcess } from '../support/worker-process.js';

const SERVER = 2;

/** The spans of one trace, and the one named `name` among them (exactly one). */
function only(spans: readonly ReceivedSpan[], name: string): ReceivedSpan {
  const [span, ...more] = spans.filter((candidate) => candidate.name === name);
  if (span === undefined || more.length > 0) {
    throw new Error(`expected one span ${name} among ${spans.map((candidate) => candidate.name).join(', ')}`);
  }
  return span;
}

// The api and the worker run as built (`dist/`), each a process of its own as in production (the OpenTelemetry SDK is one
// per process), on the stack's database and cluster; the stack's own worker is stopped so that theirs take the steps.
describe('链路追踪 / tracing: one step is one trace from the HTTP request to the append', () => {
  const suite = useStack(createSqliteDatabase);
  let receiver: OtlpReceiver;
  let bundleDir: string;
  let shared: Record<string, string>;
  const cases: { caseId: string; contact: Record<string, string> }[] = [];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // A prebuilt bundle, as production workers load: tracing is switched on in it by the worker that loads it, or not.
    const { code } = await bundleWorkflowCode(workflowBundleOptions());
    bundleDir = mkdtempSync(join(tmpdir(), 'qinglian-tracing-'));
    writeFileSync(join(bundleDir, 'workflow-bundle.js'), code);
    const { stack } = suite;
    const key = stack.config.commandSigning.key;
    shared = {
      WORKFLOW_BUNDLE_PATH: join(bundleDir, 'workflow-bundle.js'),
      COMMAND_SIGNING_KEY: key !== undefined && 'pem' in key ? key.pem : '',
      SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      // Where spans would go: the receiver; whether they do is OTEL_TRACES_EXPORTER's to say.
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    };
    const campaignId = await stack.createCampaign({ year: 2019, name: '2019年链路追踪' });
    for (const name of ['永康市链路追踪一村', '永康市链路追踪二村']) {
      const { caseId, unitId } = await stack.enrollNewUnit(campaignId, name);
      cases.push({ caseId, contact: await stack.contactOf(unitId) });
    }
    await stack.stopWorker();
  }, 300_000);

  afterAll(async () => {
    await receiver.stop();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('sends the server span, the update’s spans and the append’s spans of one step as one trace, continuing the caller’s', async () => {
    const { caseId, contact } = cases[0] ?? { caseId: '', contact: {} };
    const worker = await startWorkerProcess(suite.stack.config, { ...shared, OTEL_TRACES_EXPORTER: 'otlp' });
    const api = await startApiProcess(suite.stack.config, { ...shared, OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
    try {
      // The caller's own trace (W3C trace context): the step continues it.
      const traceId = randomBytes(16).toString('hex');
      const callerSpanId = randomBytes(8).toString('hex');
      const http = httpClient(api.url);
      const step = await http.post(`/cases/${caseId}/plan`, { summary: '链路追踪方案' }, { ...contact, traceparent: `00-${traceId}-${callerSpanId}-01` });
      expect(step.status).toBe(200);
      // A request without a traceparent starts a trace of its own.
      expect((await http.get('/health')).status).toBe(200);

      const trace = await eventually('the step’s spans from the api and the worker', () => {
        const spans = receiver.spans.filter((span) => span.traceId === traceId);
        return Promise.resolve(
          spans.some((span) => span.name === 'RunActivity:appendCaseStep') && spans.some((span) => span.kind === SERVER) ? spans : undefined,
        );
      });
      const server = only(trace, 'POST /api/cases/:caseId/plan');
      const startUpdate = only(trace, 'StartWorkflowUpdate:submitPlan');
      const validate = only(trace, 'ValidateUpdate:submitPlan');
      const handle = only(trace, 'HandleUpdate:submitPlan');
      const scheduleAppend = only(trace, 'StartActivity:appendCaseStep');
      const append = only(trace, 'RunActivity:appendCaseStep');

      expect(server).toMatchObject({
        kind: SERVER,
        service: 'qinglian-api',
        parentSpanId: callerSpanId,
        attributes: { 'http.request.method': 'POST', 'http.route': '/api/cases/:caseId/plan', 'http.response.status_code': 200 },
      });
      expect(startUpdate).toMatchObject({ service: 'qinglian-api', parentSpanId: server.spanId, attributes: { temporalWorkflowId: caseId } });
      expect(validate).toMatchObject({ service: 'qinglian-worker', parentSpanId: startUpdate.spanId });
      expect(handle).toMatchObject({ service: 'qinglian-worker', parentSpanId: startUpdate.spanId });
      expect(scheduleAppend).toMatchObject({ service: 'qinglian-worker', parentSpanId: handle.spanId });
      expect(append).toMatchObject({ service: 'qinglian-worker', parentSpanId: scheduleAppend.spanId, attributes: { temporalWorkflowId: caseId } });
      // One tree: every span of the trace hangs from another of it, but the server span from the caller's.
      const ids = new Set(trace.map((span) => span.spanId));
      expect(trace.filter((span) => span !== server && !ids.has(span.parentSpanId ?? ''))).toEqual([]);
      expect(trace.every((span) => span.statusCode !== 2)).toBe(true);

      const health = await eventually('the health check’s span', () =>
        Promise.resolve(receiver.spans.find((span) => span.name === 'GET /api/health' && span.service === 'qinglian-api')),
      );
      expect(health.parentSpanId).toBeUndefined();
      expect(health.traceId).not.toBe(traceId);
    } finally {
      await api.stop();
      await worker.stop();
    }
    // The api posted OTLP/JSON as told, the worker protobuf (the default).
    expect(new Set(receiver.requests)).toEqual(new Set(['application/json', 'application/x-protobuf']));
  }, 300_000);

  it('sends nothing when tracing is off, the default, even with an endpoint configured', async () => {
    const { caseId, contact } = cases[1] ?? { caseId: '', contact: {} };
    const before = { requests: receiver.requests.length, spans: receiver.spans.length };
    const worker = await startWorkerProcess(suite.stack.config, shared);
    const api = await startApiProcess(suite.stack.config, shared);
    try {
      const traceId = randomBytes(16).toString('hex');
      const step = await httpClient(api.url).post(
        `/cases/${caseId}/plan`,
        { summary: '无追踪方案' },
        { ...contact, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      );
      expect(step.status).toBe(200);
    } finally {
      // Stopped as on SIGTERM: a process that traced would export what it had before exiting.
      await api.stop();
      await worker.stop();
    }
    expect({ requests: receiver.requests.length, spans: receiver.spans.length }).toEqual(before);
  }, 300_000);

  it('loads none of the OpenTelemetry SDK, its exporters or the Temporal interceptors when off', async () => {
    const dist = (path: string): string => JSON.stringify(new URL(`../../dist/${path}`, import.meta.url).href);
    const script = `
      import { createRequire } from 'node:module';
      const { AppConfig } = await import(${dist('libs/config/src/index.js')});
      const { startTracing } = await import(${dist('libs/temporal/src/index.js')});
      await import(${dist('apps/api/src/api-app.js')});
      await import(${dist('apps/worker/src/case-worker.js')});
      const tracing = await startTracing(AppConfig.fromEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }), 'qinglian-api');
      const loaded = Object.keys(createRequire(${dist('apps/api/src/main.js')}).cache).filter((path) => path.includes('opentelemetry'));
      console.log(JSON.stringify({ started: tracing !== undefined, loaded }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    const { started, loaded } = JSON.parse(stdout) as { started: boolean; loaded: string[] };
    expect(started).toBe(false);
    // The OpenTelemetry API alone, which prom-client (the api's metrics) loads for its exemplars.
    expect(loaded.filter((path) => !path.includes('/node_modules/@opentelemetry/api/'))).toEqual([]);
  });
});
