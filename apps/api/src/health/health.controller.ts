import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthService, type HealthReport } from './health.service.js';
import { Public } from '../auth/access.decorators.js';

@ApiTags('health 运行状态')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '数据库与流程引擎连通性 / Database and Temporal connectivity' })
  @ApiOkResponse({ description: '全部可用 / All dependencies up' })
  @ApiServiceUnavailableResponse({ description: '列出不可用的依赖 / Names what is down' })
  async get(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
