import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AppConfig } from '#config';
import type { DeliverNotificationInput } from '#contracts';
import type { CategoryCode, HumanRole } from '#domain';
import { migrateUp } from '#persistence';
import { createApiApp } from '../../apps/api/src/api-app.js';
import { SchedulesService } from '../../apps/api/src/schedules/schedules.service.js';
import { NotificationDeliveryActivities } from '../../apps/worker/src/activities/notification.activities.js';
import type { TestDatabase } from './databases.js';
import { httpClient, listen } from './http.js';
import { uniqueTaskQueue } from './temporal.js';
import type { WorkerActivities } from '../../apps/worker/src/activities/index.js';
import { startWorker, type RunningWorker } from './worker.js';

/** The first administrator every test stack bootstraps from the environment. */
export const TEST_ADMIN = { username: 'office.admin', password: 'integrity cells of Yongkang 2019' } as const;
/** The password of every other account the tests create (long, and on no common-password list). */
export const TEST_PASSWORD = 'clean government passphrase for tests';

export type AuthHeaders = Readonly<Record<'authorization', string>>;

export interface SignedIn {
  /** Account id: the actor id the audit trail records. */
  readonly id: string;
  readonly username: string;
  readonly headers: AuthHeaders;
  readonly refreshToken: string;
}

/** A case just enrolled: its unit and the due dates set on enrollment. */
export interface Enrollment {
  readonly caseId: string;
  readonly unitId: string;
  readonly deadlines: Readonly<Record<string, string>>;
}

/** An api token as issued, the only time its secret is shown. */
export interface IssuedApiToken {
  readonly id: string;
  readonly token: string;
  /** The actor id its steps are recorded under. */
  readonly actorId: string;
}

/** The cast of the lifecycle: the first administrator, three assessors, a Jinhua reviewer and an auditor. */
export interface StackActors {
  readonly admin: AuthHeaders;
  readonly alice: AuthHeaders;
  readonly bob: AuthHeaders;
  readonly carol: AuthHeaders;
  readonly jinhua: AuthHeaders;
  readonly auditor: AuthHeaders;
}

export interface RunningStack {
  /** Client of the api that sends the administrator's token unless a request names other headers. */
  readonly http: ReturnType<typeof httpClient>;
  /** Client with no credentials. */
  readonly anonymous: ReturnType<typeof httpClient>;
  /** Base URL of the api, ending in /api. */
  readonly url: string;
  /** The configuration the stack runs with (its data folder, document store, limits). */
  readonly config: AppConfig;
  readonly worker: RunningWorker;
  /** Stops the worker (it drains) and starts a new one on the same task queue, as a deploy or a crash would. */
  restartWorker(): Promise<void>;
  /** Stops the worker (it drains, its running activities cancelled); the stack has none until startWorker(). */
  stopWorker(): Promise<void>;
  /** Starts a worker on the stack's task queue in place of a stopped one, its activities optionally wrapped (fault injection). */
  startWorker(wrap?: (activities: WorkerActivities) => WorkerActivities): Promise<void>;
  readonly actors: StackActors;
  /** Account ids of the cast (assessors are assigned by these). */
  readonly ids: Readonly<Record<keyof StackActors, string>>;
  login(username: string, password: string): Promise<SignedIn>;
  /** Creates an account through the api (as the administrator) and logs it in. */
  signUp(role: HumanRole, options?: { unitId?: string; username?: string }): Promise<SignedIn>;
  /** The unit contact of a unit (created and logged in on first use), by unit id or case id. */
  contactOf(unitOrCaseId: string): Promise<AuthHeaders>;
  /** Creates a unit as the administrator (a village unless told; an enterprise privately owned); its id. */
  createUnit(name: string, category?: CategoryCode): Promise<string>;
  /** Creates a campaign as the administrator; its id. */
  createCampaign(settings: { readonly year: number; readonly name: string } & Readonly<Record<string, unknown>>): Promise<string>;
  /** Enrolls a unit in a campaign as the administrator. */
  enroll(campaignId: string, unitId: string): Promise<Enrollment>;
  /** Creates a unit and enrolls it in a campaign. */
  enrollNewUnit(campaignId: string, name: string, category?: CategoryCode): Promise<Enrollment>;
  /** Issues an api token as the administrator (a unit contact's names its unit). */
  issueApiToken(name: string, role: HumanRole, unitId?: string): Promise<IssuedApiToken>;
  /** Delivers a notice through the worker's activity, as a case or a schedule would. */
  deliverNotification(input: DeliverNotificationInput): ReturnType<NotificationDeliveryActivities['deliverNotification']>;
  /** Another api process on the same database and cluster, with some variables changed (short lifetimes, low limits). */
  extraApi(environment: Record<string, string>): Promise<{ readonly anonymous: ReturnType<typeof httpClient>; readonly url: string; close(): Promise<void> }>;
  stop(): Promise<void>;
}

let sequence = 0;

/**
 * The api listening on a free port and a worker with real activities, on a migrated database and a real dev
 * server; the first administrator comes from the bootstrap variables, the rest of the cast signs up through
 * the api. `environment` overrides variables (short token lifetimes, low lockout limits).
 */
/**
 * The keys and the first administrator every process of a test system shares (the api, the worker, every extra api,
 * production ones too): given, not generated in DATA_DIR, so that each process signs and checks with the same.
 */
export function systemKeys(): Record<string, string> {
  return {
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    COMMAND_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    AUTH_LOGIN_RATE_LIMIT: '10000',
    BOOTSTRAP_ADMIN_USERNAME: TEST_ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
  };
}

export async function startStack(env: TestWorkflowEnvironment, database: TestDatabase, environment: Record<string, string> = {}): Promise<RunningStack> {
  // Files the stack writes (uploaded documents) go to a folder of its own, removed when it stops.
  const dataDir = mkdtempSync(join(tmpdir(), 'qinglian-stack-'));
  const variables = {
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e'),
    LOG_LEVEL: 'silent',
    ...systemKeys(),
    ...environment,
  };
  const config = AppConfig.fromEnvironment(variables);
  let worker = await startWorker(config, env.nativeConnection);
  let workerRunning = true;
  await migrateUp(worker.app.get<MikroORM>(MikroORM));
  const api = await createApiApp(config);
  // The api creates its schedules in the background at start-up; tests begin once they exist.
  await api.get(SchedulesService).ensureSchedules();
  const url = `${await listen(api)}/api`;
  const anonymous = httpClient(url);

  async function login(username: string, password: string): Promise<SignedIn> {
    const result = await anonymous.post<{ accessToken: string; refreshToken: string; account: { id: string } }>('/auth/login', { username, password });
    if (result.status !== 200) throw new Error(`login ${username}: ${result.status} ${JSON.stringify(result.body)}`);
    return { id: result.body.account.id, username, headers: { authorization: `Bearer ${result.body.accessToken}` }, refreshToken: result.body.refreshToken };
  }

  const admin = await login(TEST_ADMIN.username, TEST_ADMIN.password);
  const http = httpClient(url, admin.headers);

  /** The body of an administrator's POST that must answer 201 Created. */
  async function expectCreated<T>(what: string, path: string, body: unknown): Promise<T> {
    const result = await http.post<T>(path, body);
    if (result.status !== 201) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  async function signUp(role: HumanRole, options: { unitId?: string; username?: string } = {}): Promise<SignedIn> {
    sequence += 1;
    const username = options.username ?? `${role.replace('_', '-')}-${sequence}`;
    await expectCreated(`create ${username}`, '/accounts', {
      username,
      displayName: username,
      role,
      password: TEST_PASSWORD,
      ...(options.unitId ? { unitId: options.unitId } : {}),
    });
    return login(username, TEST_PASSWORD);
  }

  async function createUnit(name: string, category: CategoryCode = 'village'): Promise<string> {
    return (
      await expectCreated<{ id: string }>(`create unit ${name}`, '/units', { name, category, ...(category === 'enterprise' ? { ownership: 'private' } : {}) })
    ).id;
  }

  async function enroll(campaignId: string, unitId: string): Promise<Enrollment> {
    const enrolled = await expectCreated<{ caseId: string; deadlines: Record<string, string> }>(`enroll ${unitId}`, `/campaigns/${campaignId}/enrollments`, {
      unitId,
    });
    return { caseId: enrolled.caseId, unitId, deadlines: enrolled.deadlines };
  }

  const [alice, bob, carol, jinhua, auditor] = await Promise.all([
    signUp('assessor', { username: 'assessor-alice' }),
    signUp('assessor', { username: 'assessor-bob' }),
    signUp('assessor', { username: 'assessor-carol' }),
    signUp('jinhua_reviewer', { username: 'jinhua-1' }),
    signUp('auditor', { username: 'auditor-1' }),
  ]);
  const contacts = new Map<string, Promise<SignedIn>>();
  const extras: INestApplication[] = [];

  return {
    http,
    anonymous,
    url,
    config,
    get worker() {
      return worker;
    },
    restartWorker: async () => {
      await worker.stop();
      worker = await startWorker(config, env.nativeConnection);
    },
    stopWorker: async () => {
      workerRunning = false;
      await worker.stop();
    },
    startWorker: async (wrap) => {
      if (workerRunning) throw new Error('the stack’s worker is running: stop it first');
      worker = await startWorker(config, env.nativeConnection, wrap);
      workerRunning = true;
    },
    actors: { admin: admin.headers, alice: alice.headers, bob: bob.headers, carol: carol.headers, jinhua: jinhua.headers, auditor: auditor.headers },
    ids: { admin: admin.id, alice: alice.id, bob: bob.id, carol: carol.id, jinhua: jinhua.id, auditor: auditor.id },
    login,
    signUp,
    contactOf: async (unitOrCaseId) => {
      const unitId = unitOrCaseId.startsWith('case:') ? (unitOrCaseId.split(':')[2] ?? '') : unitOrCaseId;
      let contact = contacts.get(unitId);
      if (!contact) {
        contact = signUp('unit_contact', { unitId });
        contacts.set(unitId, contact);
      }
      return (await contact).headers;
    },
    createUnit,
    createCampaign: async (settings) => (await expectCreated<{ id: string }>(`create campaign ${settings.name}`, '/campaigns', settings)).id,
    enroll,
    enrollNewUnit: async (campaignId, name, category) => enroll(campaignId, await createUnit(name, category)),
    issueApiToken: (name, role, unitId) =>
      expectCreated<IssuedApiToken>(`issue api token ${name}`, '/api-tokens', { name, role, ...(unitId ? { unitId } : {}) }),
    deliverNotification: (input) => worker.app.get(NotificationDeliveryActivities).deliverNotification(input),
    extraApi: async (overrides) => {
      const extra = await createApiApp(AppConfig.fromEnvironment({ ...variables, ...overrides }));
      extras.push(extra);
      await extra.get(SchedulesService).ensureSchedules();
      const extraUrl = `${await listen(extra)}/api`;
      return { anonymous: httpClient(extraUrl), url: extraUrl, close: () => extra.close() };
    },
    stop: async () => {
      for (const extra of extras) await extra.close();
      await api.close();
      if (workerRunning) await worker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
