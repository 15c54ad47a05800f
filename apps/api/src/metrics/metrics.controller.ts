import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorators.js';
import { ApiMetrics } from './api-metrics.js';

@ApiTags('metrics 监控指标')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  @Allow('metrics:read')
  @ApiOperation({
    summary: '监控指标（Prometheus）/ Metrics in the Prometheus text format',
    description:
      '管理员或审计人员（抓取器用审计人员的接口令牌）：步骤耗时（按步骤与结果）、入选数、审计校验、外部通知发送（按渠道与状态）及进程指标。工作进程的 Temporal SDK 指标由工作进程自己在 WORKER_METRICS_ADDRESS 上提供。 / ' +
      'Administrators and auditors (a scraper uses an auditor’s api token): step latency by step and outcome, enrollments, audit verifications, outside deliveries by channel and status, and the process’s own. The worker serves the Temporal SDK’s metrics itself on WORKER_METRICS_ADDRESS.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  async get(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
