import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkingDaysQuery {
  @ApiProperty({ description: '起始日（含）/ First date (inclusive), YYYY-MM-DD', example: '2025-09-26' }) @Matches(ISO_DATE) from!: string;
  @ApiProperty({ description: '截止日（含，至多 366 天）/ Last date (inclusive, at most 366 days)', example: '2025-10-12' }) @Matches(ISO_DATE) to!: string;
}

export class CalendarDayDto {
  @ApiProperty({ description: '日期 / Date', example: '2025-10-11' }) date!: string;
  @ApiProperty({ description: '是否工作日（含调休上班日）/ Working day (adjusted working weekends included)' }) workingDay!: boolean;
}

export class WorkingDaysDto {
  @ApiProperty({ description: '工作日数 / Working days in the range' }) workingDays!: number;
  @ApiProperty({ type: [CalendarDayDto] }) days!: CalendarDayDto[];
  @ApiProperty({
    description: '日历覆盖年份与数据来源（各来源及其年份）/ Years the calendar covers, and where each run of years comes from',
    example: {
      firstYear: 2004,
      lastYear: 2027,
      source: 'chinese-days@1.5.7 (2004–2026); github.com/6tail/lunar-go@v1.4.7 (2027)',
      sources: [
        { source: 'chinese-days@1.5.7', firstYear: 2004, lastYear: 2026 },
        { source: 'github.com/6tail/lunar-go@v1.4.7', firstYear: 2027, lastYear: 2027 },
      ],
    },
  })
  coverage!: { firstYear: number; lastYear: number; source: string; sources: readonly { source: string; firstYear: number; lastYear: number }[] };
}
