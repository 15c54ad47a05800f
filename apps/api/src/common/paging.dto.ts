import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A page far beyond any list, whose row offset the databases still take (10^20 overflows their bigint). */
export const MAX_PAGE = 1_000_000;
export const MAX_PAGE_SIZE = 100;

/** The paging of every list: which page (from 1) and how many rows a page. */
export class PageQuery {
  @ApiPropertyOptional({ description: '页码（从 1 起）/ Page (from 1)', default: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE, { message: `页码至多 ${MAX_PAGE} / page must not be greater than ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ description: '每页条数 / Page size', default: 20, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
