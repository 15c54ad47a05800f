import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file whether it runs from source or from dist/. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'qinglian') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('Cannot find the qinglian package.json above ' + fileURLToPath(import.meta.url));
    }
    dir = parent;
  }
}
