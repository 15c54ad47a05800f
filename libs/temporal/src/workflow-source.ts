import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { repoRoot } from '#config';
import { COMMAND_VERIFY_KEY_SLOT } from '#contracts';

type WebpackConfig = Parameters<NonNullable<NonNullable<WorkerOptions['bundlerOptions']>['webpackConfigHook']>>[0];

/** The workflows' entry point (source); the bundler compiles it with the libraries' sources. */
export function workflowsEntryPath(): string {
  return join(repoRoot(), 'workflows/src/index.ts');
}

/** Makes webpack follow the package.json "imports" of #domain and #contracts to their TypeScript sources. */
export function resolveWorkflowSources(config: WebpackConfig): WebpackConfig {
  return { ...config, resolve: { ...config.resolve, conditionNames: ['qinglian-source', '...'] } };
}

/**
 * The workflow code a worker runs: the prebuilt bundle when given, otherwise bundled from source at start-up; either
 * way with the public key that checks commands' signatures written into it (in memory: the bundle file keeps its slot).
 */
export async function workflowCodeOptions(bundlePath: string | undefined, verifyKey: string): Promise<Pick<WorkerOptions, 'workflowBundle'>> {
  let code: string;
  if (bundlePath !== undefined) {
    if (!existsSync(bundlePath)) {
      throw new Error(`WORKFLOW_BUNDLE_PATH=${bundlePath} does not exist; build it with npm run build:workflows`);
    }
    code = await readFile(bundlePath, 'utf8');
  } else {
    // Loaded here only: the api imports this library too and never bundles workflows.
    const { bundleWorkflowCode } = await import('@temporalio/worker');
    ({ code } = await bundleWorkflowCode({ workflowsPath: workflowsEntryPath(), webpackConfigHook: resolveWorkflowSources }));
  }
  return { workflowBundle: { code: withCommandVerifyKey(code, verifyKey) } };
}

/** Writes the command-checking public key (64 hex digits) into workflow code at its one slot; refuses anything else. */
export function withCommandVerifyKey(code: string, verifyKey: string): string {
  if (!/^[0-9a-f]{64}$/.test(verifyKey)) throw new Error('the command verify key must be 64 hex digits (an Ed25519 public key)');
  const slots = code.split(COMMAND_VERIFY_KEY_SLOT).length - 1;
  if (slots !== 1) throw new Error(`the workflow code has ${String(slots)} command-key slots, not one: rebuild it with npm run build:workflows`);
  return code.replace(COMMAND_VERIFY_KEY_SLOT, verifyKey);
}
