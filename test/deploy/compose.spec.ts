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
  networks?: string[];
  ports?: string[];
  secrets?: string[];
  volumes?: string[];
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

const compose = parse(interpolate(composeText, dotenvExample), { merge: true }) as {
  services: Record<string, Service>;
  networks?: Record<string, { internal?: boolean } | null>;
};
const services = compose.services;

function isInternal(network: string): boolean {
  const declared = compose.networks?.[network];
  if (declared === undefined) throw new Error(`docker-compose.yml uses the undeclared network ${network}`);
  return declared?.internal === true;
}

/** The role a postgres:// DATABASE_URL logs in as. */
function databaseUser(name: string): string {
  return new URL(String(service(name).environment?.DATABASE_URL)).username;
}

/** A service's environment as its process sees it: an empty value (`KEY: ${UNSET:-}`) is an empty string. */
function stringEnvironment(name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

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

  it('gives the command-signing key to the api and the workers, which sign case steps, and not to the migration job', () => {
    const signingKey = (name: string): unknown => AppConfig.fromEnvironment({ NODE_ENV: 'production', ...stringEnvironment(name) }).commandSigning.key;
    for (const name of ['api', 'worker']) expect(signingKey(name)).toEqual({ pem: expect.stringContaining('PRIVATE KEY') });
    expect(signingKey('migrate')).toBeUndefined();
  });

  it('gives the key sealing the robot secrets to the api and the workers alike, and not to the migration job', () => {
    const secretsKey = (name: string): unknown => AppConfig.fromEnvironment(stringEnvironment(name)).secretsEncryption.key;
    expect(secretsKey('api')).toEqual({ base64: expect.any(String) });
    expect(secretsKey('worker')).toEqual(secretsKey('api'));
    expect(secretsKey('migrate')).toBeUndefined();
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

  it('connects the api and workers as the app role, and migrates as the owner, which grants that role its privileges', () => {
    const ownerRole = databaseUser('migrate');
    const appRole = databaseUser('api');
    expect(databaseUser('worker')).toBe(appRole);
    expect(appRole).not.toBe(ownerRole);
    expect(service('migrate').environment?.DATABASE_APP_ROLE).toBe(appRole);
    expect(AppConfig.fromEnvironment({ DATABASE_URL: String(service('migrate').environment?.DATABASE_URL), DATABASE_APP_ROLE: appRole }).databaseAppRole).toBe(
      appRole,
    );
    for (const name of ['api', 'worker']) expect(service(name).environment?.DATABASE_APP_ROLE).toBeUndefined();
    // The first start of the volume creates both roles and the database owned by the owner, with passwords from .env.
    const init = readFileSync('deploy/postgres-init.sh', 'utf8');
    expect(init).toContain(`CREATE DATABASE qinglian OWNER ${ownerRole}`);
    for (const role of [ownerRole, appRole]) expect(init).toMatch(new RegExp(`CREATE ROLE ${role} LOGIN`));
    expect(init).toMatch(new RegExp(`ALTER ROLE ${appRole} NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'app_password'`));
    expect(init).toContain('app_password="$QINGLIAN_APP_DB_PASSWORD"');
    expect(service('postgres').environment).toMatchObject({
      QINGLIAN_DB_PASSWORD: dotenvExample.QINGLIAN_DB_PASSWORD,
      QINGLIAN_APP_DB_PASSWORD: dotenvExample.QINGLIAN_APP_DB_PASSWORD,
    });
    expect(dotenvExample.QINGLIAN_APP_DB_PASSWORD).not.toBe(dotenvExample.QINGLIAN_DB_PASSWORD);
  });

  it('keeps Temporal on an internal network only, shared with the apps, the UI and its jobs, and publishes no database or Temporal port', () => {
    for (const [name, declared] of Object.entries(services)) expect([name, declared.networks?.length ?? 0]).not.toEqual([name, 0]);
    const temporalNetworks = service('temporal').networks ?? [];
    expect(temporalNetworks.map((network) => [network, isInternal(network)])).toEqual(temporalNetworks.map((network) => [network, true]));
    expect(temporalNetworks).toHaveLength(1);
    const reachTemporal = Object.keys(services).filter((name) => service(name).networks?.some((network) => temporalNetworks.includes(network)));
    expect(reachTemporal).toEqual(expect.arrayContaining(['api', 'worker', 'temporal-ui', 'temporal-namespace', 'temporal-schema']));
    for (const name of ['temporal', 'postgres', 'seaweedfs', 'migrate', 'temporal-schema', 'temporal-namespace']) {
      expect([name, service(name).ports, service(name).networks?.every(isInternal)]).toEqual([name, undefined, true]);
    }
    // Whatever publishes a port, or sends mail and chat posts, is also on a network with a way out.
    for (const name of ['api', 'proxy', 'temporal-ui', 'worker']) {
      expect([name, service(name).networks?.some((network) => !isInternal(network))]).toEqual([name, true]);
    }
    expect(service('temporal-ui').ports).toEqual(['127.0.0.1:8080:8080']);
  });

  it('puts two api replicas behind one address: the proxy, round robin over the replicas it resolves, trusted for the client address', () => {
    expect(service('api').deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(service('api').ports).toBeUndefined();
    expect(service('proxy').ports).toEqual(['3000:3000']);
    expect(service('proxy').volumes).toEqual(['./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro']);
    expect(service('proxy').depends_on).toEqual({ api: { condition: 'service_healthy' } });
    // On a network the api is on.
    expect(service('proxy').networks?.every((network) => service('api').networks?.includes(network))).toBe(true);
    const proxy = readFileSync('deploy/haproxy.cfg', 'utf8');
    expect(proxy).toMatch(/^\s*bind :3000$/m);
    expect(proxy).toMatch(/^\s*server-template api \d+ api:3000$/m);
    expect(proxy).toMatch(/^\s*option forwardfor$/m);
    expect(stringEnvironment('api').HTTP_TRUST_PROXY_HOPS).toBe('1');
  });

  it('runs the Temporal UI read-only: writes disabled in the UI server, each mutating action hidden', () => {
    expect(service('temporal-ui').environment).toMatchObject({
      TEMPORAL_DISABLE_WRITE_ACTIONS: 'true',
      TEMPORAL_WORKFLOW_TERMINATE_DISABLED: 'true',
      TEMPORAL_WORKFLOW_CANCEL_DISABLED: 'true',
      TEMPORAL_WORKFLOW_SIGNAL_DISABLED: 'true',
      TEMPORAL_WORKFLOW_UPDATE_DISABLED: 'true',
      TEMPORAL_WORKFLOW_RESET_DISABLED: 'true',
      TEMPORAL_BATCH_ACTIONS_DISABLED: 'true',
      TEMPORAL_START_WORKFLOW_DISABLED: 'true',
      TEMPORAL_ACTIVITY_COMMANDS_DISABLED: 'true',
    });
  });

  it('gives the audit checkpoint key to the worker alone, as a secret, and keeps checkpoints in a bucket under object lock', () => {
    expect(service('worker').secrets).toEqual(['audit_checkpoint_key']);
    expect(service('worker').environment?.AUDIT_CHECKPOINT_KEY_FILE).toBe('/run/secrets/audit_checkpoint_key');
    for (const name of ['api', 'migrate']) {
      expect(Object.keys(service(name).environment ?? {}).filter((variable) => variable.startsWith('AUDIT_CHECKPOINT_KEY'))).toEqual([]);
    }
    const environment = Object.fromEntries(
      Object.entries(service('worker').environment ?? {}).map(([key, value]) => [key, value === null ? '' : String(value)]),
    );
    expect(AppConfig.fromEnvironment(environment).auditCheckpoints).toMatchObject({
      key: { file: '/run/secrets/audit_checkpoint_key' },
      directory: '/var/lib/qinglian/audit-checkpoints',
      s3: { endpoint: 'http://seaweedfs:8333', bucket: 'qinglian-audit-checkpoints', retentionDays: 3650 },
    });
    expect(service('api').volumes).toContain('audit-checkpoints:/var/lib/qinglian/audit-checkpoints:ro');
  });

  it('registers exactly the search attributes the case workflow uses, and waits until the frontend accepts them all', () => {
    const script = readFileSync('deploy/temporal-setup.sh', 'utf8');
    const registered = /for attribute in ([^;]+);/.exec(script)?.[1]?.trim().split(/\s+/);
    expect(registered?.sort()).toEqual([...CASE_SEARCH_ATTRIBUTE_REGISTRATIONS].sort());
    const probe = /--query '([^']+)'/.exec(script)?.[1] ?? '';
    for (const registration of CASE_SEARCH_ATTRIBUTE_REGISTRATIONS) expect(probe).toContain(`${registration.split('=')[0] ?? ''} `);
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
