import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from './app-config.js';

/** Provides the one validated AppConfig to every Nest provider. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = AppConfig.fromEnvironment()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
