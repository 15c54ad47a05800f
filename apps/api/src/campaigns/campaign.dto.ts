import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CAMPAIGN_YEARS,
  DURATION_UNITS,
  MAX_BEFORE_DUE_REMINDERS,
  MAX_RECTIFICATION_ROUNDS,
  MAX_REMINDER_WORKING_DAYS,
  MAX_STAGE_DAYS,
  type CampaignSettings,
  type DurationUnit,
} from '#domain';

export class ThresholdsDto {
  @ApiPropertyOptional({ description: '合格线 / Pass threshold', example: 85 }) @IsOptional() @IsNumber() @Min(0) @Max(100) pass?: number;
  @ApiPropertyOptional({ description: '优秀线 / Excellent threshold', example: 90 }) @IsOptional() @IsNumber() @Min(0) @Max(100) excellent?: number;
  @ApiPropertyOptional({ description: '整改线：低于合格线但不低于此分可整改 / Rectification floor', example: 70 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  rectificationFloor?: number;
  @ApiPropertyOptional({ description: '最多整改轮次 / Maximum rectification rounds', example: 2 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RECTIFICATION_ROUNDS)
  maxRectificationRounds?: number;
}

export class StageDurationDto {
  @ApiProperty({ description: '天数 / Number of days', example: 15, minimum: 1, maximum: MAX_STAGE_DAYS }) @IsInt() @Min(1) @Max(MAX_STAGE_DAYS) days!: number;
  @ApiProperty({
    description:
      'calendar = 自然日；working = 工作日（按国务院节假日安排，含调休）/ calendar days, or working days (public holidays and adjusted working weekends)',
    enum: DURATION_UNITS,
  })
  @IsIn(DURATION_UNITS)
  unit!: DurationUnit;
}

const stageDuration = (zh: string, en: string, example: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description: `${zh}（缺省 ${example}）/ ${en} (default ${example})`, type: StageDurationDto }),
    IsOptional(),
    ValidateNested(),
    Type(() => StageDurationDto),
  );

export class StageDurationsDto {
  @stageDuration('培育期限', 'Cultivation', '120 calendar') cultivation?: StageDurationDto;
  @stageDuration('自评期限', 'Self-assessment', '15 working') self_assessment?: StageDurationDto;
  @stageDuration('检查验收期限', 'Inspection', '20 working') inspection?: StageDurationDto;
  @stageDuration('整改期限', 'Rectification', '20 working') rectification?: StageDurationDto;
}

export class ReminderPolicyDto {
  @ApiPropertyOptional({
    description: '到期前第几个工作日提醒（缺省 [7, 1]）/ Remind this many working days before the due date (default [7, 1])',
    type: [Number],
    example: [7, 1],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BEFORE_DUE_REMINDERS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_REMINDER_WORKING_DAYS, { each: true })
  beforeDueWorkingDays?: number[];

  @ApiPropertyOptional({ description: '到期当日提醒（缺省 是）/ Remind on the due day (default true)', example: true })
  @IsOptional()
  @IsBoolean()
  onDueDay?: boolean;

  @ApiPropertyOptional({
    description:
      '逾期后首个工作日提醒，此后每隔几个工作日再提醒；0 = 不重复（缺省 1）/ Overdue: remind on the first working day, then every N working days; 0 = no repeats (default 1)',
    example: 1,
    minimum: 0,
    maximum: MAX_REMINDER_WORKING_DAYS,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REMINDER_WORKING_DAYS)
  overdueEveryWorkingDays?: number;

  @ApiPropertyOptional({
    description: '逾期几个工作日后报市纪委督办（一次，缺省 3）/ Escalate to the program office once, this many working days overdue (default 3)',
    example: 3,
    minimum: 1,
    maximum: MAX_REMINDER_WORKING_DAYS,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_REMINDER_WORKING_DAYS)
  escalateAfterWorkingDays?: number;

  @ApiPropertyOptional({
    description: '发送时刻，北京时间，仅工作日（缺省 09:00）/ Sending time, Asia/Shanghai, working days only (default 09:00)',
    example: '09:00',
  })
  @IsOptional()
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  sendAt?: string;
}

export class CreateCampaignDto {
  @ApiProperty({ description: '年度 / Campaign year', example: 2019, minimum: CAMPAIGN_YEARS.first, maximum: CAMPAIGN_YEARS.last })
  @IsInt()
  @Min(CAMPAIGN_YEARS.first)
  @Max(CAMPAIGN_YEARS.last)
  year!: number;

  @ApiProperty({ description: '活动名称 / Campaign name', example: '2019年永康市清廉细胞示范点创建', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: '评定分数线（缺省 85/90/70，两轮整改）/ Thresholds (default 85/90/70, two rounds)', type: ThresholdsDto })
  @IsOptional()
  // ValidateNested passes an array of thresholds objects, which would be stored under the keys 0, 1, …
  @IsObject({ message: 'thresholds 须为对象 / thresholds must be an object' })
  @ValidateNested()
  @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto;

  @ApiPropertyOptional({ description: '各领域指标体系版本（缺省最新）/ Framework version per category (default latest)', example: { village: '2019.1' } })
  @IsOptional()
  @IsObject()
  frameworkVersions?: Record<string, string>;

  @ApiPropertyOptional({
    description: '各领域创建目标数 / Target count per category',
    example: { agency: 3, school: 8, hospital: 3, enterprise: 9, village: 48 },
  })
  @IsOptional()
  @IsObject()
  targets?: Record<string, number>;

  @ApiPropertyOptional({
    description:
      '各阶段时限：自然日或工作日；到期日遇节假日顺延至下一工作日 / Stage durations in calendar or working days; a due date on a non-working day moves to the next working day',
    type: StageDurationsDto,
    example: { cultivation: { days: 120, unit: 'calendar' }, self_assessment: { days: 15, unit: 'working' }, rectification: { days: 20, unit: 'working' } },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => StageDurationsDto)
  stageDurations?: StageDurationsDto;

  @ApiPropertyOptional({
    description: '旧字段：各阶段时长（自然日），请改用 stageDurations / Legacy: stage durations in calendar days; use stageDurations',
    deprecated: true,
    example: { cultivation: 120 },
  })
  @IsOptional()
  @IsObject()
  stageDurationDays?: Record<string, number>;

  @ApiPropertyOptional({ description: '提醒与督办规则 / Reminder and escalation policy', type: ReminderPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReminderPolicyDto)
  reminderPolicy?: ReminderPolicyDto;
}

/**
 * 修改活动: the name and any part of the settings, as POST /api/campaigns takes them (the year stays). Each part given
 * replaces the keys it names; the rest keep their values.
 */
export class UpdateCampaignDto extends PartialType(OmitType(CreateCampaignDto, ['year'] as const)) {}

export class CampaignDto {
  @ApiProperty({ description: '活动标识 / Campaign id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '年度 / Year' }) year!: number;
  @ApiProperty({ description: '活动名称 / Name' }) name!: string;
  @ApiProperty({ description: '创建时间 (UTC) / Created at', format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: '最后修改时间 (UTC) / Last edited at', format: 'date-time', nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({ description: '最后修改人（账户或接口令牌标识）/ Last edited by (actor id)', nullable: true, type: String }) updatedBy!: string | null;
  @ApiProperty({ description: '最后修改人的名称 / The name the last editor goes by', nullable: true, type: String }) updatedByName!: string | null;
  @ApiProperty({ description: '活动设置 / Settings: thresholds, framework versions, targets, stage durations', type: 'object', additionalProperties: true })
  settings!: CampaignSettings;
}

export class EnrollUnitDto {
  @ApiProperty({ description: '要纳入培育的单位 / Unit to enroll', format: 'uuid' })
  @IsUUID()
  unitId!: string;
}

export class ListCampaignsQuery {
  @ApiPropertyOptional({ description: '年度 / Year', example: 2019 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(CAMPAIGN_YEARS.first)
  @Max(CAMPAIGN_YEARS.last)
  year?: number;
}
