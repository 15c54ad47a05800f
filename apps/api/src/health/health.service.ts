import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { AppConfig } from '#config';

export interface DependencyHealth {
  status: 'up' | 'down';
  detail?: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: { database: DependencyHealth; temporal: DependencyHealth };
  /** Workers polling the case task queue (informational: api replicas may start before workers). */
  workers: number | null;
  down: string[];
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(Connection) private readonly connection: Connection,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, temporalCheck] = await Promise.all([this.database(), this.temporal()]);
    const down = [database.status === 'down' ? 'database' : null, temporalCheck.health.status === 'down' ? 'temporal' : null].filter(
      (name): name is string => name !== null,
    );
    return {
      status: down.length ? 'unavailable' : 'ok',
      checks: { database, temporal: temporalCheck.health },
      workers: temporalCheck.workers,
      down,
    };
  }

  private async database(): Promise<DependencyHealth> {
    try {
      await this.orm.em.getConnection().execute('select 1');
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async temporal(): Promise<{ health: DependencyHealth; workers: number | null }> {
    try {
      const response = await this.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, async () => {
        await this.connection.ensureConnected();
        return this.connection.workflowService.describeTaskQueue({
          namespace: this.config.temporal.namespace,
          taskQueue: { name: this.config.temporal.taskQueue },
          taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        });
      });
      return { health: { status: 'up' }, workers: response.pollers.length };
    } catch (error) {
      return { health: { status: 'down', detail: error instanceof Error ? error.message : String(error) }, workers: null };
    }
  }
}
