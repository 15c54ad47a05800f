import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CATEGORY_CODES, ENTERPRISE_OWNERSHIPS, type CategoryCode, type EnterpriseOwnership } from '#domain';

export class CreateUnitDto {
  @ApiProperty({ description: '单位名称 / Unit name', example: '永康市第一人民医院', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: '清廉建设领域 / Category', enum: CATEGORY_CODES, example: 'hospital' })
  @IsIn(CATEGORY_CODES)
  category!: CategoryCode;

  @ApiPropertyOptional({ description: '企业性质（仅企业）：民企或国企 / Enterprise ownership (enterprises only)', enum: ENTERPRISE_OWNERSHIPS })
  @ValidateIf((dto: CreateUnitDto) => dto.category === 'enterprise' || dto.ownership !== undefined)
  @IsIn(ENTERPRISE_OWNERSHIPS, { message: 'ownership must be private or state_owned, and is required for enterprises only' })
  @IsOptional()
  ownership?: EnterpriseOwnership;
}

export class UnitDto {
  @ApiProperty({ description: '单位标识 / Unit id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) name!: string;
  @ApiProperty({ description: '清廉建设领域 / Category', enum: CATEGORY_CODES }) category!: CategoryCode;
  @ApiProperty({ description: '企业性质 / Enterprise ownership', enum: ENTERPRISE_OWNERSHIPS, nullable: true }) ownership!: EnterpriseOwnership | null;
  @ApiProperty({ description: '创建时间 (UTC) / Created at', format: 'date-time' }) createdAt!: string;
}
