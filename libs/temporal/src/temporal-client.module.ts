import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '#config';
import { CommandSigner } from './command-signer.js';

/**
 * The Temporal client for the api and the worker, and the signer of the case commands they send. The connection is
 * lazy so the api starts (and reports 503 on /api/health) while Temporal is unreachable, and reconnects when it comes back.
 */
@Global()
@Module({
  providers: [
    {
      provide: Connection,
      // A short connect timeout keeps /api/health quick when Temporal is down; calls retry on their own.
      useFactory: (config: AppConfig) => Connection.lazy({ address: config.temporal.address, connectTimeout: '2 seconds' }),
      inject: [AppConfig],
    },
    {
      provide: Client,
      useFactory: (connection: Connection, config: AppConfig) => new Client({ connection, namespace: config.temporal.namespace }),
      inject: [Connection, AppConfig],
    },
    { provide: CommandSigner, useFactory: (config: AppConfig) => CommandSigner.fromConfig(config), inject: [AppConfig] },
  ],
  exports: [Connection, Client, CommandSigner],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
