import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, loggingOptions, type AppConfig } from '#config';
import { PersistenceModule } from '#persistence';
import { TemporalClientModule } from '#temporal';
import { ACTIVITY_PROVIDERS } from './activities/index.js';

/** The worker's Nest context: configuration, logging, persistence, a Temporal client (bulk actions step cases) and the activity providers. */
@Module({})
export class WorkerModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), LoggerModule.forRoot({ pinoHttp: loggingOptions(config, 'worker') }), PersistenceModule, TemporalClientModule],
      providers: ACTIVITY_PROVIDERS,
    };
  }
}
