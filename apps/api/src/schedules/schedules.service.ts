import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleDescription, type ScheduleOptions } from '@temporalio/client';
import { AppConfig } from '#config';
import { PROGRAM_SCHEDULES, type DocumentHousekeepingInput, type ProgramScheduleId, type ProgramScheduleName, type WeeklyDigestInput } from '#contracts';
import type { ScheduleDto } from './schedule.dto.js';
import { notFound, type Actor } from '#domain';
import { AccountStore } from '#persistence';

export const SCHEDULE_TIMEZONE = 'Asia/Shanghai';
const RETRY_MAX_MS = 60_000;

const SCHEDULE_NAMES: Readonly<Record<ProgramScheduleName, { zh: string; en: string }>> = {
  weeklyDigest: { zh: '每周汇总（本周到期、已逾期、停滞案件）', en: 'Weekly digest (due this week, overdue, stalled)' },
  progressReportCall: { zh: '每月进度报告提醒（培育阶段单位）', en: 'Monthly call for progress reports (units in cultivation)' },
  documentHousekeeping: { zh: '清理长期未被引用的上传文件', en: 'Remove uploads no step has referenced' },
  auditCheckpoint: { zh: '审计检查点（签名记录每条事件链的末端）', en: 'Audit checkpoint (every chain’s head, signed)' },
};

/**
 * 定时任务: the program's Temporal Schedules. Created when the api starts, idempotently (every api replica tries;
 * the first creates, the others find them and bring their cron in line with the configuration, keeping a pause).
 */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Schedules');
  private retry: NodeJS.Timeout | undefined;
  private ensuring: Promise<void> | undefined;
  private stopping = false;

  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(AccountStore) private readonly accounts: AccountStore,
  ) {}

  onApplicationBootstrap(): void {
    // Temporal may still be starting: keep trying in the background rather than hold the api back.
    const attempt = (delayMs: number): void => {
      this.ensureSchedules().then(
        () => {
          this.retry = undefined;
        },
        (error: unknown) => {
          if (this.stopping) return;
          this.logger.warn(
            `定时任务尚未建立，${String(delayMs / 1000)} 秒后重试 / Schedules not created yet, retrying in ${String(delayMs / 1000)} s: ${String(error)}`,
          );
          this.retry = setTimeout(() => {
            attempt(Math.min(delayMs * 2, RETRY_MAX_MS));
          }, delayMs);
        },
      );
    };
    attempt(1000);
  }

  /** Before the Temporal connection closes: no new attempt, and the one under way finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retry);
    await this.ensuring?.catch(() => undefined);
  }

  /** Creates the schedules, or brings existing ones in line; concurrent callers share one attempt. */
  ensureSchedules(): Promise<void> {
    this.ensuring ??= this.createOrUpdate().finally(() => {
      this.ensuring = undefined;
    });
    return this.ensuring;
  }

  private async createOrUpdate(): Promise<void> {
    for (const name of Object.keys(PROGRAM_SCHEDULES) as ProgramScheduleName[]) {
      const options = this.optionsFor(name);
      try {
        await this.temporal.schedule.create(options);
        this.logger.log(`created schedule ${options.scheduleId}`);
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
        await this.temporal.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action }));
      }
    }
  }

  async list(): Promise<ScheduleDto[]> {
    return Promise.all((Object.keys(PROGRAM_SCHEDULES) as ProgramScheduleName[]).map((name) => this.describe(PROGRAM_SCHEDULES[name].id)));
  }

  // The change is made in Temporal, outside the app database: it is recorded in the account records once Temporal took it.
  async pause(id: string, note: string | undefined, actor: Actor, ip: string | null): Promise<ScheduleDto> {
    await this.handle(id).pause(note ?? '管理员暂停 / paused by an administrator');
    await this.accounts.record('SchedulePaused', { actor, ip, detail: { scheduleId: id, note: note ?? null } });
    return this.describe(id);
  }

  async resume(id: string, note: string | undefined, actor: Actor, ip: string | null): Promise<ScheduleDto> {
    await this.handle(id).unpause(note ?? '管理员恢复 / resumed by an administrator');
    await this.accounts.record('ScheduleResumed', { actor, ip, detail: { scheduleId: id, note: note ?? null } });
    return this.describe(id);
  }

  /** Runs the schedule's job now, whatever its calendar (also when paused). */
  async trigger(id: string, actor: Actor, ip: string | null): Promise<ScheduleDto> {
    await this.handle(id).trigger(ScheduleOverlapPolicy.ALLOW_ALL);
    await this.accounts.record('ScheduleTriggered', { actor, ip, detail: { scheduleId: id } });
    return this.describe(id);
  }

  async describe(id: string): Promise<ScheduleDto> {
    const name = nameOf(id);
    return toDto(name, this.cronOf(name), await this.handle(id).describe());
  }

  private cronOf(name: ProgramScheduleName): string {
    const { weeklyDigestCron, progressCallCron, documentHousekeepingCron, auditCheckpointCron } = this.config.schedules;
    return {
      weeklyDigest: weeklyDigestCron,
      progressReportCall: progressCallCron,
      documentHousekeeping: documentHousekeepingCron,
      auditCheckpoint: auditCheckpointCron,
    }[name];
  }

  /** What each job's workflow is started with. */
  private argsOf(name: ProgramScheduleName): unknown[] {
    const digest: WeeklyDigestInput = { stalledAfterDays: this.config.schedules.stalledAfterDays };
    const housekeeping: DocumentHousekeepingInput = { unreferencedAfterDays: this.config.documents.unreferencedAfterDays };
    return { weeklyDigest: [digest], progressReportCall: [], documentHousekeeping: [housekeeping], auditCheckpoint: [] }[name];
  }

  private handle(id: string): ReturnType<Client['schedule']['getHandle']> {
    nameOf(id);
    return this.temporal.schedule.getHandle(id);
  }

  private optionsFor(name: ProgramScheduleName): ScheduleOptions {
    const schedule = PROGRAM_SCHEDULES[name];
    const cron = this.cronOf(name);
    return {
      scheduleId: schedule.id,
      spec: { cronExpressions: [cron], timezone: SCHEDULE_TIMEZONE },
      action: {
        type: 'startWorkflow',
        workflowType: schedule.workflowType,
        workflowId: schedule.id,
        taskQueue: this.config.temporal.taskQueue,
        args: this.argsOf(name),
      },
      // A run missed while the cluster was down is made up within a day; never two runs of one job at once.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    };
  }
}

function nameOf(id: string): ProgramScheduleName {
  const name = (Object.keys(PROGRAM_SCHEDULES) as ProgramScheduleName[]).find((key) => PROGRAM_SCHEDULES[key].id === (id as ProgramScheduleId));
  if (!name) throw notFound('定时任务', 'Schedule', id);
  return name;
}

function toDto(name: ProgramScheduleName, cron: string, description: ScheduleDescription): ScheduleDto {
  return {
    id: PROGRAM_SCHEDULES[name].id,
    name: SCHEDULE_NAMES[name],
    workflowType: PROGRAM_SCHEDULES[name].workflowType,
    cron,
    timezone: description.spec.timezone ?? SCHEDULE_TIMEZONE,
    paused: description.state.paused,
    note: description.state.note ?? null,
    nextRunsAt: description.info.nextActionTimes.slice(0, 3).map((time) => time.toISOString()),
    recentRuns: description.info.recentActions.map((action) => ({
      scheduledAt: action.scheduledAt.toISOString(),
      workflowId: action.action.workflow.workflowId,
      runId: action.action.workflow.firstExecutionRunId,
    })),
    runsTotal: description.info.numActionsTaken,
  };
}
