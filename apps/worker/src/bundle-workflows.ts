import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { repoRoot } from '#config';
import { workflowCodeFromSource } from '#temporal';

/** Writes the prebuilt workflow bundle production workers load (WORKFLOW_BUNDLE_PATH). */
async function main(): Promise<void> {
  const target = process.argv[2] ?? join(repoRoot(), 'dist/workflow-bundle.js');
  const code = await workflowCodeFromSource();
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, code);
  console.log(`workflow bundle written: ${target} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
