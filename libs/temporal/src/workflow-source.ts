import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import { repoRoot } from '#config';
import { COMMAND_VERIFY_KEY_SLOT, WORKFLOW_TRACING_ON, WORKFLOW_TRACING_SLOT } from '#contracts';

type WebpackConfig = Parameters<NonNullable<NonNullable<WorkerOptions['bundlerOptions']>['webpackConfigHook']>>[0];

/** The workflows' entry point (source); the bundler compiles it with the libraries' sources. */
export function workflowsEntryPath(): string {
  return join(repoRoot(), 'workflows/src/index.ts');
}

/** The workflows' tracing interceptors (workflows/src/tracing.ts): in every bundle, switched on by the worker that loads it. */
export function workflowTracingModulePath(): string {
  return join(repoRoot(), 'workflows/src/tracing.ts');
}

/**
 * Libraries the workflow sandbox evaluates once per worker thread instead of once per case it loads (the SDK's
 * reusable context shares them, frozen): stateless code only, importing nothing of the SDK's. Ed25519: evaluated per
 * case, every case's first command check rebuilt the curve's precomputed tables (our own module, not the library's:
 * webpack drops a bare require of a package that declares itself free of side effects). The case rules: pure
 * functions and constant tables, most of what evaluating a newly loaded case cost.
 */
const SHARED_WORKFLOW_MODULES = ['workflows/src/case/signature-check.ts', 'libs/domain/src/for-workflows.ts'];

/** How the workflow code is bundled: by `npm run build:workflows`, and by a worker given no prebuilt bundle. */
export function workflowBundleOptions(): BundleOptions {
  return {
    workflowsPath: workflowsEntryPath(),
    workflowInterceptorModules: [workflowTracingModulePath()],
    preloadModules: SHARED_WORKFLOW_MODULES.map((path) => join(repoRoot(), path)),
    webpackConfigHook: resolveWorkflowSources,
  };
}

/** Makes webpack follow the package.json "imports" of #domain and #contracts to their TypeScript sources. */
export function resolveWorkflowSources(config: WebpackConfig): WebpackConfig {
  return { ...config, resolve: { ...config.resolve, conditionNames: ['qinglian-source', '...'] } };
}

/**
 * The workflow code a worker runs: the prebuilt bundle when given, otherwise bundled from source at start-up; either
 * way with the public key that checks commands' signatures written into it and, when the worker traces, its tracing
 * interceptors switched on (in memory: the bundle file keeps its slots).
 */
export async function workflowCodeOptions(
  bundlePath: string | undefined,
  verifyKey: string,
  options: { readonly tracing?: boolean } = {},
): Promise<Pick<WorkerOptions, 'workflowBundle'>> {
  let code: string;
  if (bundlePath !== undefined) {
    if (!existsSync(bundlePath)) {
      throw new Error(`WORKFLOW_BUNDLE_PATH=${bundlePath} does not exist; build it with npm run build:workflows`);
    }
    code = await readFile(bundlePath, 'utf8');
  } else {
    code = await workflowCodeFromSource();
  }
  return { workflowBundle: { code: withWorkflowTracing(withCommandVerifyKey(code, verifyKey), options.tracing ?? false) } };
}

/** What a bundle built from source is made of besides node_modules: the workflows and the libraries they import. */
const BUNDLE_SOURCE_DIRS = ['workflows', 'libs'];
const BUNDLE_CACHE_DIR = 'dist/workflow-bundles';
const fromSource = new Map<string, Promise<string>>();

/**
 * The workflow code bundled from source, kept in dist/workflow-bundles under the fingerprint of its sources and the
 * lockfile, so that a worker started again (npm start, a restarted worker, every test stack) reads it instead of
 * spending some 10–30 s of both cores in webpack. Once per process.
 */
export function workflowCodeFromSource(root = repoRoot()): Promise<string> {
  let code = fromSource.get(root);
  if (code === undefined) {
    code = cachedBundle(root).catch((error: unknown) => {
      fromSource.delete(root);
      throw error;
    });
    fromSource.set(root, code);
  }
  return code;
}

async function cachedBundle(root: string): Promise<string> {
  const dir = join(root, BUNDLE_CACHE_DIR);
  const path = join(dir, `${await workflowSourceFingerprint(root)}.js`);
  if (existsSync(path)) return readFile(path, 'utf8');
  // Loaded here only: the api imports this library too and never bundles workflows.
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const { code } = await bundleWorkflowCode(workflowBundleOptions());
  try {
    await mkdir(dir, { recursive: true });
    // Written whole under another name, then renamed: a worker starting meanwhile reads the old bundle or the new one.
    const partial = `${path}.${String(process.pid)}.partial`;
    await writeFile(partial, code);
    await rename(partial, path);
    for (const stale of await readdir(dir)) {
      if (join(dir, stale) !== path && !stale.endsWith('.partial')) await rm(join(dir, stale), { force: true });
    }
  } catch {
    // A read-only checkout still runs: it bundles at every start.
  }
  return code;
}

/** SHA-256 over the bundle's sources (specs aside) and package-lock.json: what webpack would read to build it. */
export async function workflowSourceFingerprint(root = repoRoot()): Promise<string> {
  const files = ['package-lock.json'];
  for (const dir of BUNDLE_SOURCE_DIRS) {
    for (const entry of await readdir(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && !entry.name.endsWith('.spec.ts')) files.push(relative(root, join(entry.parentPath, entry.name)));
    }
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash
      .update(`${file}\0`)
      .update(await readFile(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Writes the command-checking public key (64 hex digits) into workflow code at its one slot; refuses anything else. */
export function withCommandVerifyKey(code: string, verifyKey: string): string {
  if (!/^[0-9a-f]{64}$/.test(verifyKey)) throw new Error('the command verify key must be 64 hex digits (an Ed25519 public key)');
  const slots = code.split(COMMAND_VERIFY_KEY_SLOT).length - 1;
  if (slots !== 1) throw new Error(`the workflow code has ${String(slots)} command-key slots, not one: rebuild it with npm run build:workflows`);
  return code.replace(COMMAND_VERIFY_KEY_SLOT, verifyKey);
}

/** Switches the workflows' tracing interceptors on in workflow code, at its one tracing slot; off, the code is left as it is. */
export function withWorkflowTracing(code: string, on: boolean): string {
  if (!on) return code;
  const slots = code.split(WORKFLOW_TRACING_SLOT).length - 1;
  if (slots !== 1) throw new Error(`the workflow code has ${String(slots)} tracing slots, not one: rebuild it with npm run build:workflows`);
  return code.replace(WORKFLOW_TRACING_SLOT, WORKFLOW_TRACING_ON);
}
