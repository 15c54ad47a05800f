import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * npm run bench:console — the JavaScript and CSS a browser fetches for the login page and for the workbench, raw and
 * gzipped (level 6, as a reverse proxy would send them), read from the build's manifest (dist/console/.vite).
 */
interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

const directory = join(process.cwd(), 'dist/console');
const manifest = JSON.parse(readFileSync(join(directory, '.vite/manifest.json'), 'utf8')) as Readonly<Record<string, ManifestChunk>>;

/** The files a chunk needs before it runs: itself, its static imports (recursively) and their CSS. */
function filesOf(key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) filesOf(imported, into);
  return into;
}

function measure(files: ReadonlySet<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(directory, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 6 }).length;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry === true) ?? 'index.html';
const login = filesOf(entry);
const workbench = filesOf('src/pages/WorkbenchPage.tsx', new Set(login));
const casePage = filesOf('src/pages/case/CasePage.tsx', new Set(login));
const everything = new Set(Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]));

console.log('| page | files | raw | gzip |');
console.log('|---|---|---|---|');
for (const [name, files] of [
  ['login (entry)', login],
  ['workbench (entry + 我的待办)', workbench],
  ['case page (entry + 案件 with its forms)', casePage],
  ['the whole console', everything],
] as const) {
  const size = measure(files);
  console.log(`| ${name} | ${String(files.size)} | ${kb(size.raw)} | ${kb(size.gzip)} |`);
}
