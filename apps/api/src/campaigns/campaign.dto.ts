import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

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
}

export class CampaignDto {
  @ApiProperty({ description: '活动标识 / Campaign id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '年度 / Year' }) year!: number;
  @ApiProperty({ description: '活动名称 / Name' }) name!: string;
  @ApiProperty({ description: '创建时间 (UTC) / Created at', format: 'date-time' }) createdAt!: string;
}

export class EnrollUnitDto {
  @ApiProperty({ description: '要纳入培育的单位 / Unit to enroll', format: 'uuid' })
  @IsUUID()
  unitId!: string;
}
