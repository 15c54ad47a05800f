import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { CreateUnitDto } from '../units/unit.dto.js';

export const MAX_BATCH_ROWS = 2000;

export class BatchEnrollDto {
  @ApiProperty({ description: '要纳入培育的单位（同名同领域的单位视为同一单位）/ Units to enroll (same name and category = same unit)', type: [CreateUnitDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ROWS)
  // ValidateNested passes an array in place of a row (it validates the array's items); the service needs objects.
  @IsObject({ each: true, message: '每个单位须为 {name, category} 对象 / each unit must be an object {name, category}' })
  @ValidateNested({ each: true })
  @Type(() => CreateUnitDto)
  units!: CreateUnitDto[];
}

export class BatchEnrollmentRowDto {
  @ApiProperty({ description: '行号（从 1 起）/ Row (from 1)' }) row!: number;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '单位标识 / Unit id' }) unitId!: string;
  @ApiProperty({ description: '案件标识 / Case id' }) caseId!: string;
  @ApiProperty({ description: '结果 / Result', enum: ['enrolled', 'already_enrolled'] }) result!: 'enrolled' | 'already_enrolled';
}

export class BatchEnrollmentResultDto {
  @ApiProperty({ description: '新纳入 / Newly enrolled' }) enrolled!: number;
  @ApiProperty({ description: '此前已纳入 / Already enrolled before' }) alreadyEnrolled!: number;
  @ApiProperty({ type: [BatchEnrollmentRowDto] }) rows!: BatchEnrollmentRowDto[];
}
