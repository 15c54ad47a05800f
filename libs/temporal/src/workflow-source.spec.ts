import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { workflowCodeFromSource, workflowSourceFingerprint } from './workflow-source.js';

describe('the workflow bundle kept between starts (dist/workflow-bundles)', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'qinglian-bundle-'));
    mkdirSync(join(root, 'workflows/src'), { recursive: true });
    mkdirSync(join(root, 'libs/domain/src'), { recursive: true });
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    writeFileSync(join(root, 'workflows/src/index.ts'), 'export {};');
    writeFileSync(join(root, 'libs/domain/src/rules.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'libs/domain/src/rules.spec.ts'), 'test');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is named by what it is built from: a changed source, a new file or a changed lockfile names another; a spec does not', async () => {
    const first = await workflowSourceFingerprint(root);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(await workflowSourceFingerprint(root)).toBe(first);

    writeFileSync(join(root, 'libs/domain/src/rules.spec.ts'), 'another test');
    expect(await workflowSourceFingerprint(root)).toBe(first);

    writeFileSync(join(root, 'libs/domain/src/rules.ts'), 'export const a = 2;');
    const changed = await workflowSourceFingerprint(root);
    expect(changed).not.toBe(first);

    writeFileSync(join(root, 'workflows/src/more.ts'), 'export {};');
    const added = await workflowSourceFingerprint(root);
    expect(added).not.toBe(changed);

    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(await workflowSourceFingerprint(root)).not.toBe(added);
  });

  it('is read, not built again, when one of the same sources is kept', async () => {
    const kept = join(root, 'dist/workflow-bundles', `${await workflowSourceFingerprint(root)}.js`);
    mkdirSync(join(root, 'dist/workflow-bundles'), { recursive: true });
    writeFileSync(kept, '/* the kept bundle */');
    expect(await workflowCodeFromSource(root)).toBe('/* the kept bundle */');
    expect(readdirSync(join(root, 'dist/workflow-bundles'))).toHaveLength(1);
  });
});
