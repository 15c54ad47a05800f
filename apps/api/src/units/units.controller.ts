import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUnitDto, UnitDto } from './unit.dto.js';
import { UnitsService } from './units.service.js';
import { Allow } from '../auth/access.decorators.js';

@ApiTags('units 示范点单位')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @Allow('units:create')
  @ApiOperation({ summary: '登记单位 / Register a unit' })
  @ApiCreatedResponse({ type: UnitDto })
  create(@Body() body: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(body);
  }

  @Get(':unitId')
  @Allow('units:read')
  @ApiOperation({ summary: '查看单位 / Read a unit' })
  @ApiOkResponse({ type: UnitDto })
  get(@Param('unitId', new ParseUUIDPipe()) unitId: string): Promise<UnitDto> {
    return this.units.get(unitId);
  }
}
