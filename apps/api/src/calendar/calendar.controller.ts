import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/access.decorators.js';
import { WorkingDaysDto, WorkingDaysQuery } from './calendar.dto.js';
import { CalendarService } from './calendar.service.js';

@ApiTags('calendar 工作日历')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days')
  @Allow('calendar:read')
  @ApiOperation({
    summary: '工作日历：区间内哪些是工作日 / Which days of a range are working days',
    description:
      '按国务院节假日安排（含调休上班日）；超出日历覆盖年份答 400 / Per the State Council holiday notices, adjusted working weekends included; dates beyond the covered years answer 400.',
  })
  @ApiOkResponse({ type: WorkingDaysDto })
  workingDays(@Query() query: WorkingDaysQuery): WorkingDaysDto {
    return this.calendar.workingDays(query.from, query.to);
  }
}
