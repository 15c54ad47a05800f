import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { resolveWorkflowSources, workflowsEntryPath } from '#temporal';

const HISTORIES = join(process.cwd(), 'test/fixtures/histories');
const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

describe('replay of recorded case histories against the current workflow code', () => {
  let code: string;

  beforeAll(async () => {
    ({ code } = await bundleWorkflowCode({ workflowsPath: workflowsEntryPath(), webpackConfigHook: resolveWorkflowSources }));
  });

  it('has recorded histories to replay (npm run record:histories writes them)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    const results = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { code } },
      [{ workflowId: file, history }],
    )) {
      results.push(result);
    }
    expect(results).toHaveLength(1);
    expect(results[0]?.error).toBeUndefined();
  });
});
