import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const STATUSES = ['ok', 'unavailable'] as const;

/** What anyone may know: whether the api can serve. */
export class HealthStatusDto {
  @ApiProperty({ enum: STATUSES }) status!: (typeof STATUSES)[number];
}

export class DependencyHealthDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ description: '不可用的原因 / Why it is down' }) detail?: string;
}

export class HealthChecksDto {
  @ApiProperty({ type: DependencyHealthDto }) database!: DependencyHealthDto;
  @ApiProperty({ type: DependencyHealthDto }) temporal!: DependencyHealthDto;
}

/** The details an administrator or auditor reads. */
export class HealthReportDto extends HealthStatusDto {
  @ApiProperty({ type: HealthChecksDto }) checks!: HealthChecksDto;
  @ApiProperty({ description: '轮询案件任务队列的 worker 数 / Workers polling the case task queue', nullable: true, type: Number }) workers!: number | null;
  @ApiProperty({ description: '不可用的依赖 / The dependencies down', type: [String] }) down!: string[];
}
