import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { repoRoot } from '#config';

type WebpackConfig = Parameters<NonNullable<NonNullable<WorkerOptions['bundlerOptions']>['webpackConfigHook']>>[0];

/** The workflows' entry point (source); the bundler compiles it with the libraries' sources. */
export function workflowsEntryPath(): string {
  return join(repoRoot(), 'workflows/src/index.ts');
}

/** Makes webpack follow the package.json "imports" of #domain and #contracts to their TypeScript sources. */
export function resolveWorkflowSources(config: WebpackConfig): WebpackConfig {
  return { ...config, resolve: { ...config.resolve, conditionNames: ['qinglian-source', '...'] } };
}

/** Worker options for the workflow code: the prebuilt bundle when given, otherwise bundled from source at start-up. */
export function workflowCodeOptions(bundlePath: string | undefined): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  if (bundlePath !== undefined) {
    if (!existsSync(bundlePath)) {
      throw new Error(`WORKFLOW_BUNDLE_PATH=${bundlePath} does not exist; build it with npm run build:workflows`);
    }
    return { workflowBundle: { codePath: bundlePath } };
  }
  return { workflowsPath: workflowsEntryPath(), bundlerOptions: { webpackConfigHook: resolveWorkflowSources } };
}
