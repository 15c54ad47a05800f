import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The console: built into dist/console, served by the api at / (same origin, so no CORS and a strict CSP). */
export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  // The pure domain (constants, names): the console shares the rules' own values instead of copying them.
  resolve: { alias: { '@domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // Read by npm run bench:console (the sizes each page fetches); not served.
    manifest: true,
    // No inline scripts or data URLs in script-src: the api serves the console under `script-src 'self'`.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components, which a browser bundle has no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
