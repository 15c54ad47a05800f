import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { invalidInput, isTimeBound, TIME_BOUND_MESSAGE, timeRange, type TimeRange } from '#domain';
import { PageQuery } from './paging.dto.js';

@ValidatorConstraint({ name: 'timeBound' })
class IsTimeBound implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isTimeBound(value);
  }

  defaultMessage(): string {
    return TIME_BOUND_MESSAGE;
  }
}

const BOUND_EXAMPLES = '2019-10-08 或 / or 2019-10-08T09:30:00+08:00';

/** A page of a log between two moments: from (inclusive) and to (a date: that whole day in Asia/Shanghai). */
export class TimeRangePageQuery extends PageQuery {
  @ApiPropertyOptional({
    description: `起（含）：带时区的 ISO 时刻，或日期（北京时间当日 00:00 起）/ From (inclusive): an ISO instant with its offset, or a date (from 00:00 Asia/Shanghai) — ${BOUND_EXAMPLES}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Validate(IsTimeBound)
  from?: string;

  @ApiPropertyOptional({
    description: `止（含）：带时区的 ISO 时刻，或日期（含北京时间当日全天）/ To (inclusive): an ISO instant with its offset, or a date (the whole day in Asia/Shanghai) — ${BOUND_EXAMPLES}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Validate(IsTimeBound)
  to?: string;
}

/** The span a query's from and to name; a `to` before its `from` answers 400 naming `to`. */
export function queriedTimeRange(query: TimeRangePageQuery): TimeRange {
  const { range, problems } = timeRange(query);
  if (problems.length) throw invalidInput(problems);
  return range;
}
