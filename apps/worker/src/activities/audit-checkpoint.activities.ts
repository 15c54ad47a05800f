import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/activity';
import { AppConfig } from '#config';
import { AUDIT_CHECKPOINT_REFUSED, type AuditCheckpointActivities, type AuditCheckpointWritten } from '#contracts';
import { CheckpointLog, CheckpointRefused, checkpointSigningKey, CheckpointWriter } from '#persistence';

/** 审计检查点: the worker signs and writes the checkpoints the schedule asks for. */
@Injectable()
export class AuditCheckpointActivitiesService implements AuditCheckpointActivities, OnModuleInit {
  private readonly logger = new Logger('AuditCheckpoints');
  private writer: CheckpointWriter | undefined;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(CheckpointLog) private readonly log: CheckpointLog,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The key is loaded at start-up: in production a worker without one does not start. */
  onModuleInit(): void {
    this.writer = new CheckpointWriter(this.orm, this.log, checkpointSigningKey(this.config));
  }

  async writeAuditCheckpoint(): Promise<AuditCheckpointWritten> {
    if (!this.writer) throw new Error('the checkpoint writer is not initialised');
    try {
      const written = await this.writer.write();
      this.logger.log({ checkpoint: written }, `审计检查点已写入 / audit checkpoint #${written.number} written`);
      return written;
    } catch (error) {
      if (!(error instanceof CheckpointRefused)) throw error;
      this.logger.error({ problems: error.problems }, error.message);
      throw ApplicationFailure.create({ type: AUDIT_CHECKPOINT_REFUSED, message: error.message, details: [error.problems], nonRetryable: true });
    }
  }
}
