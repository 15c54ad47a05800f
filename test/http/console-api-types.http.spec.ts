import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import openapiTS, { astToString } from 'openapi-typescript';
import { useHttpTier } from '../support/http-tier.js';

const TYPES = new URL('../../apps/console/src/api/schema.ts', import.meta.url);
const HEADER = "// Generated from the api's OpenAPI document by `npm run console:api`; do not edit.\n/* eslint-disable */\n";

/**
 * The console's API types are generated from the api's own OpenAPI document, so the console cannot drift from the
 * api: this test fails when they differ (CONSOLE_API_UPDATE=1, i.e. `npm run console:api`, writes them instead).
 */
describe("the console's API client", () => {
  const tier = useHttpTier();

  it('is typed from the current OpenAPI document', async () => {
    const document = (await tier.as('admin').get<Parameters<typeof openapiTS>[0]>('/docs-json')).body;
    const generated = HEADER + astToString(await openapiTS(document, { alphabetize: true }));
    if (process.env.CONSOLE_API_UPDATE === '1') await writeFile(TYPES, generated);
    const checkedIn = await readFile(TYPES, 'utf8').catch(() => '');
    expect(checkedIn === generated ? 'up to date' : 'stale: run npm run console:api').toBe('up to date');
  });
});
