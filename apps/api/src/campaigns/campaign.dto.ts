import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { CampaignSettings } from '#domain';

export class ThresholdsDto {
  @ApiPropertyOptional({ description: '合格线 / Pass threshold', example: 85 }) @IsOptional() @IsNumber() @Min(0) @Max(100) pass?: number;
  @ApiPropertyOptional({ description: '优秀线 / Excellent threshold', example: 90 }) @IsOptional() @IsNumber() @Min(0) @Max(100) excellent?: number;
  @ApiPropertyOptional({ description: '整改线：低于合格线但不低于此分可整改 / Rectification floor', example: 70 })
  @IsOptional() @IsNumber() @Min(0) @Max(100) rectificationFloor?: number;
  @ApiPropertyOptional({ description: '最多整改轮次 / Maximum rectification rounds', example: 2 }) @IsOptional() @IsInt() @Min(0) @Max(5) maxRectificationRounds?: number;
}

export class CreateCampaignDto {
  @ApiProperty({ description: '年度 / Campaign year', example: 2019, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ description: '活动名称 / Campaign name', example: '2019年永康市清廉细胞示范点创建', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: '评定分数线（缺省 85/90/70，两轮整改）/ Thresholds (default 85/90/70, two rounds)', type: ThresholdsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto;

  @ApiPropertyOptional({ description: '各领域指标体系版本（缺省最新）/ Framework version per category (default latest)', example: { village: '2019.1' } })
  @IsOptional()
  @IsObject()
  frameworkVersions?: Record<string, string>;

  @ApiPropertyOptional({ description: '各领域创建目标数 / Target count per category', example: { agency: 3, school: 8, hospital: 3, enterprise: 9, village: 48 } })
  @IsOptional()
  @IsObject()
  targets?: Record<string, number>;

  @ApiPropertyOptional({ description: '各阶段时长（天）/ Stage durations in days', example: { cultivation: 120, self_assessment: 30, rectification: 30 } })
  @IsOptional()
  @IsObject()
  stageDurationDays?: Record<string, number>;
}

export class CampaignDto {
  @ApiProperty({ description: '活动标识 / Campaign id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '年度 / Year' }) year!: number;
  @ApiProperty({ description: '活动名称 / Name' }) name!: string;
  @ApiProperty({ description: '创建时间 (UTC) / Created at', format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: '活动设置 / Settings: thresholds, framework versions, targets, stage durations', type: 'object', additionalProperties: true })
  settings!: CampaignSettings;
}

export class EnrollUnitDto {
  @ApiProperty({ description: '要纳入培育的单位 / Unit to enroll', format: 'uuid' })
  @IsUUID()
  unitId!: string;
}

export class ListCampaignsQuery {
  @ApiPropertyOptional({ description: '年度 / Year', example: 2019 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}
