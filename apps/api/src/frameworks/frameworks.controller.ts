import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CATEGORY_CODES, CATEGORY_NAMES, type CategoryCode, type IndicatorFramework } from '#domain';
import { FrameworkCatalog } from '#persistence';
import { Allow } from '../auth/access.decorators.js';
import { enumParam } from '../common/params.js';

interface FrameworkVersions {
  category: CategoryCode;
  name: string;
  versions: string[];
}

@ApiTags('frameworks 指标体系')
@Controller('frameworks')
export class FrameworksController {
  constructor(@Inject(FrameworkCatalog) private readonly frameworks: FrameworkCatalog) {}

  @Get()
  @Allow('frameworks:read')
  @ApiOperation({ summary: '各领域指标体系版本 / Framework versions per category' })
  list(): FrameworkVersions[] {
    return CATEGORY_CODES.map((category) => ({
      category,
      name: `${CATEGORY_NAMES[category].zh} / ${CATEGORY_NAMES[category].en}`,
      versions: this.frameworks.versions(category),
    }));
  }

  @Get(':category/:version')
  @Allow('frameworks:read')
  @ApiOperation({ summary: '指标体系：维度、指标、分值、否决项 / A framework: dimensions, indicators, weights, veto items' })
  @ApiParam({ name: 'category', enum: CATEGORY_CODES })
  @ApiOkResponse({ description: 'IndicatorFramework' })
  get(@Param('category', enumParam('category', CATEGORY_CODES)) category: CategoryCode, @Param('version') version: string): IndicatorFramework {
    return this.frameworks.get(category, version);
  }
}
