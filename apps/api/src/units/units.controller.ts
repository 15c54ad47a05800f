import { Body, Controller, Delete, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor, Principal } from '#domain';
import { CreateUnitDto, ListUnitsQuery, PutUnitGroupChatDto, UnitDto, UnitGroupChatDto, UnitPageDto } from './unit.dto.js';
import { UnitsService } from './units.service.js';
import { Allow, OnUnit } from '../auth/access.decorators.js';
import { clientIp, CurrentActor, CurrentPrincipal } from '../auth/principal.js';
import { uuidParam } from '../common/params.js';

const OUT_OF_SCOPE = '单位不存在，或不是您所属的单位 / No such unit, or not your own unit';

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

  @Get()
  @Allow('units:read')
  @ApiOperation({
    summary: '单位列表 / List units',
    description:
      '按领域、名称、是否已纳入某活动筛选，分页排序；联络人只看到本单位。 / Filtered by category, part of the name and enrollment in a campaign, ' +
      'paged and sorted; a unit contact sees only their own unit.',
  })
  @ApiOkResponse({ type: UnitPageDto })
  list(@Query() query: ListUnitsQuery, @CurrentPrincipal() principal: Principal): Promise<UnitPageDto> {
    return this.units.list(query, principal);
  }

  @Get(':unitId')
  @Allow('units:read')
  @OnUnit()
  @ApiOperation({ summary: '查看单位 / Read a unit', description: '联络人只能查看本单位 / A unit contact reads only their own unit.' })
  @ApiOkResponse({ type: UnitDto })
  @ApiNotFoundResponse({ description: OUT_OF_SCOPE })
  get(@Param('unitId', uuidParam('unitId')) unitId: string): Promise<UnitDto> {
    return this.units.get(unitId);
  }

  @Get(':unitId/group-chat')
  @Allow('units:group-chat')
  @OnUnit()
  @ApiOperation({
    summary: '查看单位工作群机器人 / Read the unit’s group-chat robot',
    description:
      '只显示是否已配置及 Webhook 主机；管理员或本单位联络人 / Shows only whether one is set and its host; administrators or the unit’s own contact.',
  })
  @ApiOkResponse({ type: UnitGroupChatDto })
  @ApiNotFoundResponse({ description: OUT_OF_SCOPE })
  groupChat(@Param('unitId', uuidParam('unitId')) unitId: string): Promise<UnitGroupChatDto> {
    return this.units.groupChat(unitId);
  }

  @Put(':unitId/group-chat')
  @Allow('units:group-chat')
  @OnUnit()
  @ApiOperation({
    summary: '设置单位工作群机器人 / Set the unit’s group-chat robot',
    description:
      '发给本单位联络人的通知同时推送到该群（钉钉自定义机器人，加签）。地址与密钥须同时提供；密钥只写不读。' +
      ' / Notices to the unit’s contacts are also posted to this chat (DingTalk custom robot with 加签). Give both the URL and the secret; the secret is write-only.',
  })
  @ApiOkResponse({ type: UnitGroupChatDto })
  @ApiBadRequestResponse({ description: '地址或密钥无效（逐字段说明）/ Invalid URL or secret (each field named)' })
  @ApiNotFoundResponse({ description: OUT_OF_SCOPE })
  setGroupChat(
    @Param('unitId', uuidParam('unitId')) unitId: string,
    @Body() body: PutUnitGroupChatDto,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
  ): Promise<UnitGroupChatDto> {
    return this.units.setGroupChat(unitId, body, actor, clientIp(request));
  }

  @Delete(':unitId/group-chat')
  @Allow('units:group-chat')
  @OnUnit()
  @ApiOperation({
    summary: '移除单位工作群机器人 / Remove the unit’s group-chat robot',
    description: '此后不再推送到该群；未配置时亦答 200 / Nothing is posted to it any more; answers 200 when none was set.',
  })
  @ApiOkResponse({ type: UnitGroupChatDto })
  @ApiNotFoundResponse({ description: OUT_OF_SCOPE })
  removeGroupChat(@Param('unitId', uuidParam('unitId')) unitId: string, @CurrentActor() actor: Actor, @Req() request: Request): Promise<UnitGroupChatDto> {
    return this.units.removeGroupChat(unitId, actor, clientIp(request));
  }
}
