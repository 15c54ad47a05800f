import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import { CurrentPrincipal } from '../auth/principal.js';
import { uuidParam } from '../common/params.js';
import { CertificationRosterDto, CertificationRosterQuery } from './ledger-export.dto.js';
import { LedgerExportsService } from './ledger-exports.service.js';
import { XLSX_MEDIA_TYPE } from './spreadsheet.js';

@ApiTags('campaigns 创建活动')
@Controller('campaigns')
export class CertificationRosterController {
  constructor(private readonly exports: LedgerExportsService) {}

  @Get(':campaignId/certification-roster')
  @Allow('cases:export')
  @ApiOperation({
    summary: '认定名单：本活动获金华市级认定的单位（JSON 或 XLSX）/ Certification roster: the units the campaign certified (JSON or XLSX)',
    description:
      '在调用者的案件范围内；已撤销命名的不在其中；按领域、认定日期、单位名称排序。format=xlsx 时为可打印的文件，首行为活动名称。 / ' +
      'Within the caller’s case scope; revoked units are not on it; by category, then date, then unit name. With format=xlsx a print-ready file titled with the campaign’s name.',
  })
  @ApiProduces('application/json', XLSX_MEDIA_TYPE)
  @ApiOkResponse({ type: CertificationRosterDto })
  @ApiNotFoundResponse({ description: '活动不存在 / No such campaign' })
  async roster(
    @Param('campaignId', uuidParam('campaignId')) campaignId: string,
    @Query() query: CertificationRosterQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    if (query.format === 'xlsx') await this.exports.rosterSheet(campaignId, principal, response);
    else response.json(await this.exports.roster(campaignId, principal));
  }
}
