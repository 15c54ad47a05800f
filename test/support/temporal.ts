import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { CaseSearchAttributes } from '#contracts';
import { CURRENT_PATCH_LEVEL } from '../../workflows/src/patches.js';

/** The provisioned Temporal CLI (scripts/test.sh exports it; built or found by scripts/temporal-cli.sh otherwise). */
export function temporalCliPath(): string {
  return process.env.TEMPORAL_CLI_PATH ?? execFileSync('bash', ['scripts/temporal-cli.sh'], { encoding: 'utf8' }).trim();
}

let runtimeInstalled = false;

/**
 * A real Temporal dev server (in memory) with the case search attributes registered. With TEST_TEMPORAL_ADDRESS set
 * (scripts/production-shape.sh), the Temporal server already running there instead, shared (tests use task queues of
 * their own; its namespace `default` has the case search attributes): unless the caller passes dev-server flags
 * (dynamic config, say), which only a dev server of its own honours.
 */
export function startDevServer(extraArgs: string[] = []): Promise<TestWorkflowEnvironment> {
  // The SDK's runtime is installed once per process (a file may start several dev servers).
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const existing = process.env.TEST_TEMPORAL_ADDRESS;
  if (existing && extraArgs.length === 0) return TestWorkflowEnvironment.createFromExistingServer({ address: existing });
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      searchAttributes: Object.values(CaseSearchAttributes),
      extraArgs: ['--log-level', 'error', ...extraArgs],
    },
  });
}

export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** With RECORD_HISTORIES=1 (npm run record:histories), keeps a case's history for the replay tier. */
export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const folder = join(process.cwd(), 'test/fixtures/histories', CURRENT_PATCH_LEVEL);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.json`), historyToJSON(await client.workflow.getHandle(workflowId).fetchHistory()));
}
