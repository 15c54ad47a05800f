import { Injectable } from '@nestjs/common';
import { addCalendarDays, calendarCoverage, CalendarOutOfRangeError, dayNumber, InvalidDateError, invalidInput, isWorkingDay } from '#domain';
import type { WorkingDaysDto } from './calendar.dto.js';

const MAX_DAYS = 366;

/** 工作日历查询: which days of a range are working days, per the domain's calendar. */
@Injectable()
export class CalendarService {
  workingDays(from: string, to: string): WorkingDaysDto {
    const problems: { field: string; message: string }[] = [];
    for (const [field, date] of [
      ['from', from],
      ['to', to],
    ] as const) {
      try {
        isWorkingDay(date);
      } catch (error) {
        if (!(error instanceof CalendarOutOfRangeError || error instanceof InvalidDateError)) throw error;
        problems.push({ field, message: error.message });
      }
    }
    if (!problems.length) {
      const span = dayNumber(to) - dayNumber(from) + 1;
      if (span < 1 || span > MAX_DAYS)
        problems.push({ field: 'to', message: `须不早于 from，且相隔至多 ${MAX_DAYS} 天 / must be on or after from, at most ${MAX_DAYS} days on` });
    }
    if (problems.length) throw invalidInput(problems);
    const days = Array.from({ length: dayNumber(to) - dayNumber(from) + 1 }, (_, i) => addCalendarDays(from, i)).map((date) => ({
      date,
      workingDay: isWorkingDay(date),
    }));
    return { workingDays: days.filter((day) => day.workingDay).length, days, coverage: { ...calendarCoverage() } };
  }
}
