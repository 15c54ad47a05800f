import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsByteLength, IsOptional, IsString, MaxLength } from 'class-validator';

class BilingualNameDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

class ScheduleRunDto {
  @ApiProperty({ description: '计划时间 / When it was due', format: 'date-time' }) scheduledAt!: string;
  @ApiProperty({ description: '运行的工作流 / The workflow run' }) workflowId!: string;
  @ApiProperty() runId!: string;
}

export class ScheduleDto {
  @ApiProperty({ description: '定时任务标识 / Schedule id' }) id!: string;
  @ApiProperty({ type: BilingualNameDto }) name!: BilingualNameDto;
  @ApiProperty({ description: '运行的工作流类型 / Workflow type it runs' }) workflowType!: string;
  @ApiProperty({ description: 'cron 表达式（Asia/Shanghai）/ Cron expression (Asia/Shanghai)' }) cron!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiProperty({ description: '是否已暂停 / Whether it is paused' }) paused!: boolean;
  @ApiProperty({ description: '暂停或恢复时的说明 / Note left when paused or resumed', nullable: true, type: String }) note!: string | null;
  @ApiProperty({ description: '接下来的运行时间 / Next run times', type: [String] }) nextRunsAt!: string[];
  @ApiProperty({ description: '最近的运行 / Recent runs', type: [ScheduleRunDto] }) recentRuns!: ScheduleRunDto[];
  @ApiProperty({ description: '累计运行次数 / Runs so far' }) runsTotal!: number;
}

export class ScheduleNoteDto {
  @ApiPropertyOptional({
    description: '说明（记入定时任务，至多 1000 字节，约 333 个汉字）/ Note kept on the schedule (at most 1000 bytes of UTF-8)',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  // Temporal refuses a schedule note over 1000 bytes, and 500 Chinese characters are 1500.
  @IsByteLength(0, 1000, { message: '说明至多 1000 字节（约 333 个汉字）/ note must be at most 1000 bytes of UTF-8' })
  note?: string;
}
