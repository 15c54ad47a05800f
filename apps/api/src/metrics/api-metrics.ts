import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What a step came to, for its latency: recorded, refused by the rules, answered from an Idempotency-Key, or failed. */
export type StepOutcome = 'recorded' | 'refused' | 'replayed' | 'failed';

/** Outside deliveries (email, webhook) by channel and status, counted when scraped. */
export type DeliveryCounts = () => Promise<readonly { readonly channel: string; readonly status: string; readonly count: number }[]>;

/**
 * The api's metrics in Prometheus form (prom-client), each app its own registry: step latency by step and outcome,
 * enrollments, audit verifications, outside notice deliveries by channel and status, and the process's own.
 */
export class ApiMetrics {
  readonly registry = new Registry();

  readonly stepSeconds = new Histogram({
    name: 'qinglian_step_duration_seconds',
    help: '案件步骤从收到请求到答复的时间 / Time from a case step request to its answer, by step and outcome',
    labelNames: ['step', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly enrollments = new Counter({
    name: 'qinglian_enrollments_total',
    help: '确定培育对象（入选）/ Units enrolled, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly auditVerifications = new Counter({
    name: 'qinglian_audit_verifications_total',
    help: '审计校验次数 / Audit trail verifications, by scope and result',
    labelNames: ['scope', 'result'] as const,
    registers: [this.registry],
  });

  constructor(deliveries: DeliveryCounts) {
    collectDefaultMetrics({ register: this.registry, prefix: 'qinglian_api_' });
    new Gauge({
      name: 'qinglian_notification_deliveries',
      help: '外部通知（邮件、Webhook）发送记录，按渠道与状态 / Outside notice deliveries (email, webhook), by channel and status',
      labelNames: ['channel', 'status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { channel, status, count } of await deliveries()) this.set({ channel, status }, count);
      },
    });
  }

  /** Times `run` as the step `step`: the outcome it gives, or, when it throws, refused or failed as `refused` tells. */
  async timeStep<T>(step: string, run: () => Promise<{ readonly value: T; readonly outcome: StepOutcome }>, refused: (error: unknown) => boolean): Promise<T> {
    const end = this.stepSeconds.startTimer({ step });
    try {
      const { value, outcome } = await run();
      end({ outcome });
      return value;
    } catch (error) {
      end({ outcome: refused(error) ? 'refused' : 'failed' });
      throw error;
    }
  }
}
