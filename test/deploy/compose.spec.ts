import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { AppConfig } from '#config';
import { CASE_SEARCH_ATTRIBUTE_REGISTRATIONS } from '#contracts';

interface Service {
  image?: string;
  build?: unknown;
  restart?: string;
  command?: string[];
  environment?: Record<string, string | number | null>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
}

const composeText = readFileSync('docker-compose.yml', 'utf8');
const dotenvExample = Object.fromEntries(
  readFileSync('.env.example', 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]),
);

/** Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} interpolation, with the values of .env.example. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{([A-Z][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind: string | undefined, rest: string | undefined) => {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} is required by docker-compose.yml (${rest ?? 'no message'}) and missing from .env.example`);
  });
}

const compose = parse(interpolate(composeText, dotenvExample), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    // The current Compose specification schema, as dclint (a compose linter) ships it.
    const { $schema: draft, ...schema } = JSON.parse(readFileSync('node_modules/dclint/schemas/compose.schema.json', 'utf8')) as Record<string, unknown>;
    const validate = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false, allErrors: true }).compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('needs only variables that .env.example names, and has no default for a secret', () => {
    const required = [...composeText.matchAll(/\$\{([A-Z_]+):\?/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(Object.keys(dotenvExample)).toContain(name);
    expect(composeText).not.toMatch(/PASSWORD[^}\n]*:-/);
  });

  it('starts the api and workers only after the database, the object store, the migrations and Temporal are ready', () => {
    for (const name of ['api', 'worker']) {
      expect(service(name).depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        seaweedfs: { condition: 'service_healthy' },
        'temporal-namespace': { condition: 'service_completed_successfully' },
        migrate: { condition: 'service_completed_successfully' },
      });
    }
    expect(service('temporal').depends_on).toEqual({ 'temporal-schema': { condition: 'service_completed_successfully' } });
    expect(service('temporal-schema').depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(service('worker').deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('gives every long-running service that others wait on a healthcheck, and runs jobs once', () => {
    expect(service('postgres').healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(service('api').healthcheck?.test.join(' ')).toContain('/api/health');
    for (const job of ['temporal-schema', 'temporal-namespace', 'migrate']) expect(service(job).restart).toBe('no');
  });

  it('runs Temporal server 1.29 on PostgreSQL, like the dev server the tests use', () => {
    expect(service('temporal').image).toBe('temporalio/server:1.29.1');
    expect(service('temporal').environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
  });

  it('configures the apps with values the configuration module accepts', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      // An empty value (`KEY: ${UNSET:-}`) reaches the process as an empty string, which the configuration treats as unset.
      const environment = Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([key, value]) => [key, value === null ? '' : String(value)]));
      const config = AppConfig.fromEnvironment(environment);
      expect(config.database.kind).toBe('postgresql');
      expect(config.temporal).toMatchObject({ external: true, address: 'temporal:7233' });
      if (name === 'api') expect(config.auth.tokenSecret?.length).toBeGreaterThanOrEqual(32);
      expect(config.documents.store).toMatchObject({ kind: 's3', endpoint: 'http://seaweedfs:8333', bucket: 'qinglian-documents' });
    }
  });

  it('registers exactly the search attributes the case workflow uses', () => {
    const script = readFileSync('deploy/temporal-setup.sh', 'utf8');
    const registered = /for attribute in ([^;]+);/.exec(script)?.[1]?.trim().split(/\s+/);
    expect(registered?.sort()).toEqual([...CASE_SEARCH_ATTRIBUTE_REGISTRATIONS].sort());
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('builds the prebuilt workflow bundle and ships it to a non-root final stage', () => {
    expect(dockerfile).toContain('npm run build:workflows');
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toContain('WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js');
    expect(finalStage).toContain('COPY --from=build');
  });

  it('installs only production dependencies into the image it runs', () => {
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(finalStage).toContain('COPY --from=production-dependencies');
  });
});
