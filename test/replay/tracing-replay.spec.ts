import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import { bundleWorkflowCode, Worker, type InjectedSinks } from '@temporalio/worker';
import { withWorkflowTracing, workflowBundleOptions } from '#temporal';

const HISTORIES = join(process.cwd(), 'test/fixtures/histories');
const files = readdirSync(HISTORIES, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .sort();

// Switching tracing on in a worker must not change what the workflows do: cases recorded without it (every recorded
// history) replay unchanged with the tracing interceptors on, as a worker restarted with OTEL_TRACES_EXPORTER=otlp runs them.
describe('replay of recorded case histories with the workflows’ tracing on', () => {
  let code: string;
  const exported: unknown[] = [];
  const sinks: InjectedSinks<OpenTelemetrySinks> = {
    exporter: {
      export: {
        fn: (_info, spans) => {
          exported.push(...spans);
        },
      },
    },
  };

  beforeAll(async () => {
    code = withWorkflowTracing((await bundleWorkflowCode(workflowBundleOptions())).code, true);
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: { code }, sinks }, [{ workflowId: file, history }])) {
      results.push(result);
    }
    expect(results).toHaveLength(1);
    expect(results[0]?.error).toBeUndefined();
    // Spans of what is replayed are not exported again.
    expect(exported).toEqual([]);
  });
});
