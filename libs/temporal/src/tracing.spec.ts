import { afterEach, describe, expect, it } from '@jest/globals';
import { AppConfig } from '#config';
import { WORKFLOW_TRACING_SLOT } from '#contracts';
import { processTracing, startTracing } from './tracing.js';
import { withWorkflowTracing } from './workflow-source.js';

describe('tracing (链路追踪)', () => {
  afterEach(async () => {
    await processTracing()?.shutdown();
  });

  it('is off by default: nothing is started and the process has no tracing', async () => {
    expect(await startTracing(AppConfig.fromEnvironment({}), 'qinglian-api')).toBeUndefined();
    expect(processTracing()).toBeUndefined();
  });

  it('starts once per process, under the process’s service name unless OTEL_SERVICE_NAME names another, and stops', async () => {
    const tracing = await startTracing(
      AppConfig.fromEnvironment({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }),
      'qinglian-worker',
    );
    expect(tracing?.serviceName).toBe('qinglian-worker');
    expect(processTracing()).toBe(tracing);
    expect(tracing?.clientInterceptors.workflow).toHaveLength(1);
    expect(Object.keys(tracing?.workerOptions.sinks ?? {})).toEqual(['exporter']);
    await expect(startTracing(AppConfig.fromEnvironment({ OTEL_TRACES_EXPORTER: 'console' }), 'qinglian-api')).rejects.toThrow('already started');
    await tracing?.shutdown();
    expect(processTracing()).toBeUndefined();
    const named = await startTracing(AppConfig.fromEnvironment({ OTEL_TRACES_EXPORTER: 'console', OTEL_SERVICE_NAME: 'qinglian-test' }), 'qinglian-api');
    expect(named?.serviceName).toBe('qinglian-test');
  });

  it('switches the workflows’ tracing on at exactly one slot of the workflow code, and leaves code alone when off', () => {
    const code = `const a = 1;\nconst tracing = '${WORKFLOW_TRACING_SLOT}';\n`;
    expect(withWorkflowTracing(code, true)).toBe(`const a = 1;\nconst tracing = 'on';\n`);
    expect(withWorkflowTracing(code, false)).toBe(code);
    expect(withWorkflowTracing('const a = 1;', false)).toBe('const a = 1;');
    expect(() => withWorkflowTracing('const a = 1;', true)).toThrow('0 tracing slots');
    expect(() => withWorkflowTracing(code + code, true)).toThrow('2 tracing slots');
  });
});
