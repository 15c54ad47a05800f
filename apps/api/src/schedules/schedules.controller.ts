import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '#domain';
import { Allow } from '../auth/access.decorators.js';
import { clientIp, CurrentActor } from '../auth/principal.js';
import { ScheduleDto, ScheduleNoteDto } from './schedule.dto.js';
import { SchedulesService } from './schedules.service.js';

@ApiTags('schedules 定时任务')
@Controller('schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @Allow('schedules:read')
  @ApiOperation({ summary: '定时任务（每周汇总、每月进度提醒）及其状态 / The recurring jobs (weekly digest, monthly progress call) and their state' })
  @ApiOkResponse({ type: [ScheduleDto] })
  list(): Promise<ScheduleDto[]> {
    return this.schedules.list();
  }

  @Post(':scheduleId/pause')
  @HttpCode(200)
  @Allow('schedules:manage')
  @ApiParam({ name: 'scheduleId', description: '定时任务标识 / Schedule id' })
  @ApiOperation({ summary: '暂停定时任务 / Pause a recurring job' })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiNotFoundResponse({ description: '无此定时任务 / No such schedule' })
  pause(@Param('scheduleId') scheduleId: string, @Body() body: ScheduleNoteDto, @CurrentActor() actor: Actor, @Req() request: Request): Promise<ScheduleDto> {
    return this.schedules.pause(scheduleId, body.note, actor, clientIp(request));
  }

  @Post(':scheduleId/resume')
  @HttpCode(200)
  @Allow('schedules:manage')
  @ApiParam({ name: 'scheduleId', description: '定时任务标识 / Schedule id' })
  @ApiOperation({ summary: '恢复定时任务 / Resume a paused recurring job' })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiNotFoundResponse({ description: '无此定时任务 / No such schedule' })
  resume(@Param('scheduleId') scheduleId: string, @Body() body: ScheduleNoteDto, @CurrentActor() actor: Actor, @Req() request: Request): Promise<ScheduleDto> {
    return this.schedules.resume(scheduleId, body.note, actor, clientIp(request));
  }

  @Post(':scheduleId/trigger')
  @HttpCode(200)
  @Allow('schedules:manage')
  @ApiParam({ name: 'scheduleId', description: '定时任务标识 / Schedule id' })
  @ApiOperation({ summary: '立即运行一次 / Run the job once now' })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiNotFoundResponse({ description: '无此定时任务 / No such schedule' })
  trigger(@Param('scheduleId') scheduleId: string, @CurrentActor() actor: Actor, @Req() request: Request): Promise<ScheduleDto> {
    return this.schedules.trigger(scheduleId, actor, clientIp(request));
  }
}
