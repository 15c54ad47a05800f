import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, jest } from '@jest/globals';
import { Module, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '#config';
import type { CaseScope, Principal } from '#domain';
import { AuditVerifier, CaseRecords, FrameworkCatalog } from '#persistence';
import { AccountsService } from '../../apps/api/src/accounts/accounts.service.js';
import { ApiTokensService } from '../../apps/api/src/accounts/api-tokens.service.js';
import { AuditService } from '../../apps/api/src/audit/audit.service.js';
import { configureApiApp } from '../../apps/api/src/api-app.js';
import { API_CONTROLLERS, API_GUARDS } from '../../apps/api/src/api.module.js';
import { unauthenticated } from '../../apps/api/src/auth/auth-errors.js';
import { AuthService } from '../../apps/api/src/auth/auth.service.js';
import { BulkActionsService } from '../../apps/api/src/bulk-actions/bulk-actions.service.js';
import { CalendarService } from '../../apps/api/src/calendar/calendar.service.js';
import { BatchEnrollmentService } from '../../apps/api/src/campaigns/batch-enrollment.service.js';
import { CampaignStatisticsService } from '../../apps/api/src/campaigns/campaign-statistics.service.js';
import { CampaignsService } from '../../apps/api/src/campaigns/campaigns.service.js';
import { CasesService } from '../../apps/api/src/cases/cases.service.js';
import { DocumentsService } from '../../apps/api/src/documents/documents.service.js';
import { HealthService } from '../../apps/api/src/health/health.service.js';
import { InboxService } from '../../apps/api/src/inbox/inbox.service.js';
import { MyTasksService } from '../../apps/api/src/me/my-tasks.service.js';
import { LedgerExportsService } from '../../apps/api/src/ledger/ledger-exports.service.js';
import { SavedViewsService } from '../../apps/api/src/saved-views/saved-views.service.js';
import { SchedulesService } from '../../apps/api/src/schedules/schedules.service.js';
import { UnitsService } from '../../apps/api/src/units/units.service.js';
import { httpClient, listen } from './http.js';
import { ApiMetrics } from '../../apps/api/src/metrics/api-metrics.js';

/** A service replaced by stubs: every method is a mock answering `{}` until a test says otherwise. */
export type ServiceStub = Record<string, jest.Mock<(...args: unknown[]) => Promise<unknown>>>;

/** Names Nest and promises look up on a provider: a stub must not pretend to have them. */
const NOT_STUBBED = new Set(['then', 'onModuleInit', 'onApplicationBootstrap', 'onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown']);

function serviceStub(): ServiceStub {
  const methods: ServiceStub = {};
  return new Proxy(methods, {
    get: (target, name) => {
      if (typeof name !== 'string' || NOT_STUBBED.has(name)) return undefined;
      target[name] ??= jest.fn(() => Promise.resolve({}));
      return target[name];
    },
  });
}

const SERVICES = {
  accounts: AccountsService,
  apiTokens: ApiTokensService,
  auth: AuthService,
  calendar: CalendarService,
  batchEnrollment: BatchEnrollmentService,
  statistics: CampaignStatisticsService,
  campaigns: CampaignsService,
  cases: CasesService,
  health: HealthService,
  inbox: InboxService,
  myTasks: MyTasksService,
  schedules: SchedulesService,
  units: UnitsService,
  documents: DocumentsService,
  auditVerifier: AuditVerifier,
  audit: AuditService,
  caseRecords: CaseRecords,
  ledgerExports: LedgerExportsService,
  savedViews: SavedViewsService,
  bulkActions: BulkActionsService,
} as const satisfies Record<string, Type>;

/** Who the tier knows: the bearer token is the key. */
export const UNIT_A = randomUUID();
export const UNIT_B = randomUUID();
const CAMPAIGN = randomUUID();
export const CASE_OF_A = `case:${CAMPAIGN}:${UNIT_A}`;
export const CASE_OF_B = `case:${CAMPAIGN}:${UNIT_B}`;
export const PRINCIPALS = {
  admin: { id: randomUUID(), role: 'administrator', unitId: null },
  auditor: { id: randomUUID(), role: 'auditor', unitId: null },
  assessor: { id: randomUUID(), role: 'assessor', unitId: null },
  contactOfA: { id: randomUUID(), role: 'unit_contact', unitId: UNIT_A },
  contactOfB: { id: randomUUID(), role: 'unit_contact', unitId: UNIT_B },
  jinhua: { id: randomUUID(), role: 'jinhua_reviewer', unitId: null },
} as const satisfies Record<string, Principal>;
export type Caller = keyof typeof PRINCIPALS;
/** Bearer tokens are `http-tier-<caller>` (the guard wants at least ten characters). */
const TOKEN_PREFIX = 'http-tier-';

/** Two cases in cultivation, one per unit; the assessor is assigned to A's. */
const SCOPES: Readonly<Record<string, CaseScope>> = {
  [CASE_OF_A]: { unitId: UNIT_A, stage: 'cultivation', assessorIds: [PRINCIPALS.assessor.id], conflictedAssessorIds: [] },
  [CASE_OF_B]: { unitId: UNIT_B, stage: 'cultivation', assessorIds: [], conflictedAssessorIds: [] },
};

export interface HttpTier {
  /** Base URL, ending in /api. */
  readonly url: string;
  /** Requests as `caller` (no authorization header for `anonymous`). */
  as(caller: Caller | 'anonymous'): ReturnType<typeof httpClient>;
  /** The stubs standing in for each service and store. */
  readonly services: Readonly<Record<keyof typeof SERVICES, ServiceStub>>;
  close(): Promise<void>;
}

/**
 * The api's controllers, guards, validation and error filter exactly as `createApiApp` configures them, with every
 * service and store replaced by stubs: no Temporal, no database. For validation and access checks; behaviour is
 * the real-stack tiers' business.
 */
export async function startHttpTier(): Promise<HttpTier> {
  const config = AppConfig.fromEnvironment({ LOG_LEVEL: 'silent', AUTH_LOGIN_RATE_LIMIT: '100000' });
  const services = Object.fromEntries(Object.keys(SERVICES).map((name) => [name, serviceStub()])) as Record<keyof typeof SERVICES, ServiceStub>;
  services.auth.authenticate?.mockImplementation((bearer) => {
    const principal = (PRINCIPALS as Record<string, Principal>)[String(bearer).slice(TOKEN_PREFIX.length)];
    if (!principal) return Promise.reject(unauthenticated('TOKEN_INVALID', '访问令牌无效', 'The access token is not valid'));
    return Promise.resolve({ principal, authentication: { kind: 'session', sessionId: randomUUID() } });
  });
  services.caseRecords.scopeOf?.mockImplementation((caseId) => Promise.resolve(SCOPES[String(caseId)] ?? null));

  @Module({
    imports: [ConfigModule.forRoot(config), LoggerModule.forRoot({ pinoHttp: { level: 'silent' } })],
    controllers: API_CONTROLLERS,
    providers: [
      ...API_GUARDS,
      { provide: FrameworkCatalog, useFactory: () => FrameworkCatalog.load() },
      // Real metrics (nothing delivered): the metrics route is read like any other.
      { provide: ApiMetrics, useFactory: () => new ApiMetrics(() => Promise.resolve([])) },
      ...Object.entries(SERVICES).map(([name, token]) => ({ provide: token, useValue: services[name as keyof typeof SERVICES] })),
    ],
  })
  class HttpTierModule {}

  const app: INestApplication = await NestFactory.create<NestExpressApplication>(HttpTierModule, { bufferLogs: true, bodyParser: false, logger: false });
  configureApiApp(app as NestExpressApplication, config);
  const url = `${await listen(app)}/api`;
  return {
    url,
    as: (caller) => httpClient(url, caller === 'anonymous' ? {} : { authorization: `Bearer ${TOKEN_PREFIX}${caller}` }),
    services,
    close: () => app.close(),
  };
}

/** The tier for one describe block: started before its tests, closed after, its stubs' calls forgotten before each. */
export function useHttpTier(): HttpTier {
  let started: HttpTier | undefined;
  beforeAll(async () => {
    started = await startHttpTier();
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    jest.clearAllMocks();
  });
  const current = (): HttpTier => {
    if (!started) throw new Error('the HTTP tier starts in beforeAll: use it inside tests and hooks');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    as: (caller) => current().as(caller),
    get services() {
      return current().services;
    },
    close: () => current().close(),
  };
}
