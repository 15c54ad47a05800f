import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import {
  CASE_STAGES,
  CATEGORY_CODES,
  CalendarOutOfRangeError,
  DUE_STATUSES,
  isIsoDate,
  isWorkingDay,
  PLAN_STATUSES,
  TASK_KINDS,
  type CaseStage,
  type CategoryCode,
  type DueStatus,
  type PlanStatus,
  type TaskKind,
} from '#domain';
import { PageQuery } from '../common/paging.dto.js';

/** Why `value` cannot be the day to reckon from: not a real date, or outside the working-day calendar. Null when it can. */
function asOfProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !isIsoDate(value)) return 'asOf 须为 YYYY-MM-DD 格式的日期 / asOf must be a date such as 2019-10-08 (YYYY-MM-DD)';
  try {
    isWorkingDay(value);
    return null;
  } catch (error) {
    if (error instanceof CalendarOutOfRangeError) return `asOf：${error.message}`;
    throw error;
  }
}

export class MyTasksQuery extends PageQuery {
  @ApiPropertyOptional({
    description: '以哪一天计算剩余工作日（默认北京时间今天）/ The day to count working days from (default: today in Asia/Shanghai)',
    format: 'date',
    example: '2019-10-08',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: (value) => asOfProblem(value) === null, defaultMessage: (args) => asOfProblem(args?.value) ?? '' },
  })
  asOf?: string;
}

export class MyTaskDto {
  @ApiProperty({ description: '案件标识 / Case id' }) caseId!: string;
  @ApiProperty({ description: '创建活动 / Campaign id', format: 'uuid' }) campaignId!: string;
  @ApiProperty({ description: '单位 / Unit id', format: 'uuid' }) unitId!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '领域 / Category', enum: CATEGORY_CODES }) category!: CategoryCode;
  @ApiProperty({ description: '当前阶段 / Current stage', enum: CASE_STAGES }) stage!: CaseStage;
  @ApiProperty({ description: '阶段名称 / Stage name', example: '培育 / Cultivation' }) stageName!: string;
  @ApiProperty({ description: '创建方案状态（returned 即已退回）/ Creation plan status (returned: it was sent back)', enum: PLAN_STATUSES })
  planStatus!: PlanStatus;
  @ApiProperty({ description: '待办事项 / What to do', enum: TASK_KINDS }) kind!: TaskKind;
  @ApiProperty({ description: '待办名称 / Title', example: '提交创建方案 / Submit the creation plan' }) title!: string;
  @ApiProperty({
    description: '当前阶段的期限 YYYY-MM-DD（无期限或期限待定为 null）/ Due date of the current stage (null: none, or pending)',
    nullable: true,
    type: String,
  })
  dueOn!: string | null;
  @ApiProperty({
    description: '距期限的工作日数，逾期为负 / Working days left until the due date, negative when overdue',
    nullable: true,
    type: Number,
  })
  workingDaysLeft!: number | null;
  @ApiProperty({
    description: '期限状态：逾期、临期（至多 3 个工作日）、正常、无期限 / Due status (due_soon: at most 3 working days left)',
    enum: DUE_STATUSES,
  })
  dueStatus!: DueStatus;
  @ApiProperty({ description: '期限状态名称 / Due status in words', example: '临期 / Due soon' }) dueStatusName!: string;
}

export class MyTaskListDto {
  @ApiProperty({ type: [MyTaskDto], description: '按期限先后（无期限在后）、单位名称排序 / By due date (none last), then unit name' }) items!: MyTaskDto[];
  @ApiProperty({ description: '待办总数 / Total tasks' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: '计算剩余工作日所用的日期 / The day working days were counted from', example: '2019-10-08' }) asOf!: string;
}
