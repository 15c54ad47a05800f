import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { CATEGORY_CODES, ENTERPRISE_OWNERSHIPS, isCategoryCode, ownershipProblem, type CategoryCode, type EnterpriseOwnership } from '#domain';

@ValidatorConstraint({ name: 'ownershipMatchesCategory' })
class OwnershipMatchesCategory implements ValidatorConstraintInterface {
  private problem(value: unknown, args: ValidationArguments): string | null {
    const { category } = args.object as { category?: unknown };
    if (typeof category !== 'string' || !isCategoryCode(category)) return null;
    return typeof value === 'string' || value === undefined ? ownershipProblem(category, value) : 'ownership must be a string';
  }

  validate(value: unknown, args: ValidationArguments): boolean {
    return this.problem(value, args) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return this.problem(args.value, args) ?? 'ownership is invalid';
  }
}

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
  @Validate(OwnershipMatchesCategory)
  ownership?: EnterpriseOwnership;
}

export class UnitDto {
  @ApiProperty({ description: '单位标识 / Unit id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) name!: string;
  @ApiProperty({ description: '清廉建设领域 / Category', enum: CATEGORY_CODES }) category!: CategoryCode;
  @ApiProperty({ description: '企业性质 / Enterprise ownership', enum: ENTERPRISE_OWNERSHIPS, nullable: true }) ownership!: EnterpriseOwnership | null;
  @ApiProperty({ description: '创建时间 (UTC) / Created at', format: 'date-time' }) createdAt!: string;
}
