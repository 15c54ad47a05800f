import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BilingualError, mayPerform } from '#domain';
import { HealthService, type HealthReport } from './health.service.js';
import { HealthReportDto, HealthStatusDto } from './health.dto.js';
import { Public } from '../auth/access.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { bearerOf } from '../auth/principal.js';

const EITHER = { oneOf: [{ $ref: getSchemaPath(HealthStatusDto) }, { $ref: getSchemaPath(HealthReportDto) }] };

@ApiTags('health 运行状态')
@ApiExtraModels(HealthStatusDto, HealthReportDto)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: '运行状态 / Health',
    description:
      '公开：只答 status（200 ok，503 unavailable），不含依赖名称与错误信息。带管理员或审计人员的令牌（Authorization: Bearer）时，另答数据库与流程引擎各自的状态、不可用的原因和轮询的 worker 数；无效的令牌答 401。 / ' +
      'Public: the status alone (200 ok, 503 unavailable), naming no dependency and no error. With an administrator’s or auditor’s bearer token, ' +
      'also the database’s and Temporal’s state, why one is down, and the polling workers; an invalid token answers 401.',
  })
  @ApiOkResponse({ description: '全部可用 / All dependencies up', schema: EITHER })
  @ApiServiceUnavailableResponse({ description: '有依赖不可用 / A dependency is down', schema: EITHER })
  async get(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<HealthStatusDto | HealthReport> {
    const details = await this.detailsAllowed(request);
    const report = await this.health.report();
    response.status(report.status === 'ok' ? 200 : 503);
    return details ? report : { status: report.status };
  }

  /**
   * Whether the caller may read the details: an administrator or an auditor. A token that is given must be valid
   * (a monitor with a stale token hears so); when it cannot be checked (the database is down) the answer is the
   * public one, which then says unavailable.
   */
  private async detailsAllowed(request: Request): Promise<boolean> {
    const bearer = bearerOf(request);
    if (bearer === null) return false;
    try {
      return mayPerform((await this.auth.authenticate(bearer)).principal.role, 'health:read');
    } catch (error) {
      if (error instanceof BilingualError) throw error;
      return false;
    }
  }
}
