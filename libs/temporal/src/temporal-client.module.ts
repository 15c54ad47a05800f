import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { AppConfig } from '#config';
import { CommandSigner } from './command-signer.js';
import { processTracing } from './tracing.js';

/** Tries of one call to Temporal while it is out of reach: the retries between them add up to about 2 s. */
const TEMPORAL_CALL_ATTEMPTS = 5;

/**
 * The Temporal client for the api and the worker, and the signer of the case commands they send. The connection is
 * lazy so the api starts (and reports 503 on /api/health) while Temporal is unreachable, and reconnects when it comes back.
 * When the process traces (startTracing), every call is a span whose context travels with it to the workflow.
 */
@Global()
@Module({
  providers: [
    {
      provide: Connection,
      // A short connect timeout keeps /api/health quick when Temporal is down. Calls ride out a blip (about 2 s of
      // retries, not the SDK's 20 s): past that the caller gets 503 with Retry-After at once, and retries itself.
      useFactory: (config: AppConfig) =>
        Connection.lazy({
          address: config.temporal.address,
          connectTimeout: '2 seconds',
          interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: TEMPORAL_CALL_ATTEMPTS }))],
        }),
      inject: [AppConfig],
    },
    {
      provide: Client,
      useFactory: (connection: Connection, config: AppConfig) => {
        const tracing = processTracing();
        return new Client({ connection, namespace: config.temporal.namespace, ...(tracing ? { interceptors: tracing.clientInterceptors } : {}) });
      },
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
    // When the process traces, the spans of its last calls are exported before it ends.
    await processTracing()?.flush();
  }
}
