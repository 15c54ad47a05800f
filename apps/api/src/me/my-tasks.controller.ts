import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import { CurrentPrincipal } from '../auth/principal.js';
import { MyTaskListDto, MyTasksQuery } from './my-tasks.dto.js';
import { MyTasksService } from './my-tasks.service.js';

@ApiTags('me 我的')
@Controller('me/tasks')
export class MyTasksController {
  constructor(private readonly tasks: MyTasksService) {}

  @Get()
  @Allow('tasks:own')
  @ApiOperation({
    summary: '我的待办：等待本人办理的案件步骤 / My tasks: the case steps that wait on me',
    description:
      '单位联络人：本单位案件的当前步骤；检查组成员：被指派且本轮尚未评分的检查；金华审核人：待认定的推荐；管理员：待审核方案、待指派检查组、待推荐；审计员无待办。' +
      '按期限先后（无期限在后）、单位名称排序。 / Unit contacts: the step their unit owes; assessors: inspections assigned to them they have not scored this round; ' +
      'Jinhua reviewers: recommendations to decide; administrators: plans to review, assessors to assign, passed units to recommend; auditors: none. ' +
      'By due date (none last), then unit name.',
  })
  @ApiOkResponse({ type: MyTaskListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: MyTasksQuery): Promise<MyTaskListDto> {
    return this.tasks.list(principal, query);
  }
}
