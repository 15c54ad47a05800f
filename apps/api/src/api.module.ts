import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule, loggingOptions } from '#config';
import { AccountStore, LoginThrottleStore, PersistenceModule, NotificationStore, SavedViewStore, StepIdempotencyKeys } from '#persistence';
import { AccountEventsController, AccountsController, ApiTokensController } from './accounts/accounts.controller.js';
import { AccountsService } from './accounts/accounts.service.js';
import { ApiTokensService } from './accounts/api-tokens.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { SessionTokens } from './auth/session-tokens.js';
import { TemporalClientModule } from '#temporal';
import { AuditController } from './audit/audit.controller.js';
import { AuditService } from './audit/audit.service.js';
import { BulkActionsController } from './bulk-actions/bulk-actions.controller.js';
import { BulkActionsService } from './bulk-actions/bulk-actions.service.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarService } from './calendar/calendar.service.js';
import { CampaignsController } from './campaigns/campaigns.controller.js';
import { BatchEnrollmentService } from './campaigns/batch-enrollment.service.js';
import { CampaignStatisticsService } from './campaigns/campaign-statistics.service.js';
import { CampaignsService } from './campaigns/campaigns.service.js';
import { CasesController } from './cases/cases.controller.js';
import { CasesService } from './cases/cases.service.js';
import { FrameworksController } from './frameworks/frameworks.controller.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { InboxController, NotificationPreferencesController } from './inbox/inbox.controller.js';
import { InboxService } from './inbox/inbox.service.js';
import { InputSanityGuard } from './common/input-sanity.guard.js';
import { OfficeCalendar } from './common/office-calendar.js';
import { DocumentsController } from './documents/documents.controller.js';
import { DocumentsService } from './documents/documents.service.js';
import { requestId } from './common/request-id.js';
import { MyTasksController } from './me/my-tasks.controller.js';
import { MyTasksService } from './me/my-tasks.service.js';
import { CertificationRosterController } from './ledger/certification-roster.controller.js';
import { LedgerExportsService } from './ledger/ledger-exports.service.js';
import { SavedViewsController } from './saved-views/saved-views.controller.js';
import { SavedViewsService } from './saved-views/saved-views.service.js';
import { SchedulesController } from './schedules/schedules.controller.js';
import { SchedulesService } from './schedules/schedules.service.js';
import { UnitsController } from './units/units.controller.js';
import { UnitsService } from './units/units.service.js';
import { StoredSecretsSealer } from './units/stored-secrets.sealer.js';
import { ApiMetrics } from './metrics/api-metrics.js';
import { MetricsController } from './metrics/metrics.controller.js';

/** Every controller of the api. */
export const API_CONTROLLERS = [
  HealthController,
  AuthController,
  AccountsController,
  AccountEventsController,
  ApiTokensController,
  SchedulesController,
  UnitsController,
  CampaignsController,
  CasesController,
  AuditController,
  FrameworksController,
  CalendarController,
  InboxController,
  NotificationPreferencesController,
  DocumentsController,
  MyTasksController,
  BulkActionsController,
  CertificationRosterController,
  SavedViewsController,
  MetricsController,
];

/**
 * The guards every route passes, in this order: input no database could hold is refused before anything reads
 * with it, then authentication and the access policy, in one place.
 */
export const API_GUARDS: Provider[] = [
  { provide: APP_GUARD, useClass: InputSanityGuard },
  { provide: APP_GUARD, useClass: AuthGuard },
];

@Module({})
export class ApiModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggingOptions(config, 'api'),
            genReqId: (request) => requestId(request),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        PersistenceModule,
        TemporalClientModule,
      ],
      controllers: API_CONTROLLERS,
      providers: [
        { provide: AccountStore, useFactory: (orm: MikroORM) => new AccountStore(orm), inject: [MikroORM] },
        { provide: SavedViewStore, useFactory: (orm: MikroORM) => new SavedViewStore(orm), inject: [MikroORM] },
        { provide: StepIdempotencyKeys, useFactory: (orm: MikroORM) => new StepIdempotencyKeys(orm), inject: [MikroORM] },
        { provide: ApiMetrics, useFactory: (store: NotificationStore) => new ApiMetrics(() => store.deliveryCounts()), inject: [NotificationStore] },
        {
          provide: LoginThrottleStore,
          useFactory: (orm: MikroORM, appConfig: AppConfig) => new LoginThrottleStore(orm, appConfig.auth.login),
          inject: [MikroORM, AppConfig],
        },
        SessionTokens,
        AuthService,
        AccountsService,
        ApiTokensService,
        SchedulesService,
        ...API_GUARDS,
        HealthService,
        UnitsService,
        StoredSecretsSealer,
        CampaignsService,
        AuditService,
        CasesService,
        BatchEnrollmentService,
        CampaignStatisticsService,
        CalendarService,
        InboxService,
        DocumentsService,
        MyTasksService,
        BulkActionsService,
        OfficeCalendar,
        LedgerExportsService,
        SavedViewsService,
      ],
    };
  }
}
