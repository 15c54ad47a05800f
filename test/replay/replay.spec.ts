import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { resolveWorkflowSources, workflowsEntryPath } from '#temporal';
import { CASE_WORKFLOW_PATCHES } from '../../workflows/src/patches.js';

const HISTORIES = join(process.cwd(), 'test/fixtures/histories');
// One folder per patch level of the case workflow: every level's histories must still replay.
const files = readdirSync(HISTORIES, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .sort();

describe('replay of recorded case histories against the current workflow code', () => {
  let code: string;

  beforeAll(async () => {
    ({ code } = await bundleWorkflowCode({ workflowsPath: workflowsEntryPath(), webpackConfigHook: resolveWorkflowSources }));
  });

  it('has recorded histories to replay (npm run record:histories writes them)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s carries the patch of its folder (patch level) and no later ones', (file) => {
    const level = dirname(file);
    const carried = patchesIn(historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'))));
    if (level === 'before-patches') {
      expect(carried).toEqual([]);
      return;
    }
    // A patch that applies only to some cases (reminders need a policy) may be absent below the level's own.
    const levelIndex = CASE_WORKFLOW_PATCHES.indexOf(level as never);
    expect(levelIndex).toBeGreaterThanOrEqual(0);
    expect(carried).toContain(level);
    expect(carried.filter((patch) => CASE_WORKFLOW_PATCHES.indexOf(patch as never) > levelIndex)).toEqual([]);
  });

  it('includes histories whose steps carry the free-text references of earlier releases (documentRefs, evidence)', () => {
    const carrying = files.filter((file) =>
      stepInputsOf(historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')))).some(
        (input) => (input.documentRefs?.length ?? 0) > 0 || (input.sheet?.scores ?? []).some((score) => (score.evidence?.length ?? 0) > 0),
      ),
    );
    expect(carrying).toEqual(expect.arrayContaining(['before-patches/case-enroll-submit-plan.json', 'due-dates-on-entry/lifecycle-certified-village.json']));
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: { code } }, [{ workflowId: file, history }])) {
      results.push(result);
    }
    expect(results).toHaveLength(1);
    expect(results[0]?.error).toBeUndefined();
  });
});

/** The patch ids a history recorded, in first-use order. */
function patchesIn(history: ReturnType<typeof historyFromJSON>): string[] {
  const ids = (history.events ?? []).flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    const data = marker?.markerName === 'core_patch' ? marker.details?.['patch-data']?.payloads?.[0]?.data : undefined;
    return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id] : [];
  });
  return [...new Set(ids)];
}

/** The inputs of the steps (Updates) a history accepted. */
function stepInputsOf(history: ReturnType<typeof historyFromJSON>): { documentRefs?: string[]; sheet?: { scores?: { evidence?: string[] }[] } }[] {
  return (history.events ?? []).flatMap((event) =>
    (event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? []).map(
      (payload) =>
        JSON.parse(Buffer.from(payload.data ?? new Uint8Array()).toString('utf8')) as {
          documentRefs?: string[];
          sheet?: { scores?: { evidence?: string[] }[] };
        },
    ),
  );
}
