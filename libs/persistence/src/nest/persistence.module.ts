import { join } from 'node:path';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '#config';
import { AuditVerifier } from '../audit-verifier.js';
import { BulkActionStore } from '../bulk-action-store.js';
import { CaseEventStore } from '../case-event-store.js';
import { CaseRecords } from '../case-records.js';
import { FrameworkCatalog } from '../framework-catalog.js';
import { NotificationStore } from '../notification-store.js';
import { SecretBox } from '../secret-box.js';
import { openOrm } from '../orm-options.js';
import { BLOB_STORE, blobStoreFor, DocumentRecords, type BlobStore } from '../documents/index.js';
import { CheckpointLog, checkpointLogFor } from '../checkpoints/checkpoint-log.js';

/** The ORM and the event store as Nest providers; same code on PostgreSQL and SQLite. */
@Global()
@Module({
  providers: [
    { provide: MikroORM, useFactory: (config: AppConfig) => openOrm(config.database), inject: [AppConfig] },
    { provide: CaseEventStore, useFactory: (orm: MikroORM) => new CaseEventStore(orm), inject: [MikroORM] },
    { provide: CheckpointLog, useFactory: (config: AppConfig) => checkpointLogFor(config), inject: [AppConfig] },
    {
      provide: AuditVerifier,
      useFactory: (orm: MikroORM, blobs: BlobStore, checkpoints: CheckpointLog) => new AuditVerifier(orm, { blobs, checkpoints }),
      inject: [MikroORM, BLOB_STORE, CheckpointLog],
    },
    { provide: CaseRecords, useFactory: (orm: MikroORM) => new CaseRecords(orm), inject: [MikroORM] },
    // Without SECRETS_ENCRYPTION_KEY in production the api and the worker refuse to start here.
    { provide: SecretBox, useFactory: (config: AppConfig) => SecretBox.fromConfig(config), inject: [AppConfig] },
    { provide: NotificationStore, useFactory: (orm: MikroORM, secrets: SecretBox) => new NotificationStore(orm, secrets), inject: [MikroORM, SecretBox] },
    { provide: DocumentRecords, useFactory: (orm: MikroORM) => new DocumentRecords(orm), inject: [MikroORM] },
    { provide: BulkActionStore, useFactory: (orm: MikroORM) => new BulkActionStore(orm), inject: [MikroORM] },
    { provide: BLOB_STORE, useFactory: (config: AppConfig) => blobStoreFor(config.documents.store, join(config.dataDir, 'incoming')), inject: [AppConfig] },
    // Loaded once at start-up: a bad framework file stops the process, naming the file and field.
    { provide: FrameworkCatalog, useFactory: () => FrameworkCatalog.load() },
  ],
  exports: [
    MikroORM,
    CaseEventStore,
    AuditVerifier,
    CheckpointLog,
    FrameworkCatalog,
    CaseRecords,
    NotificationStore,
    DocumentRecords,
    BulkActionStore,
    BLOB_STORE,
  ],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}
