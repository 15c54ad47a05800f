import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  ENTERPRISE_OWNERSHIPS,
  GROUP_CHAT_SECRET_MAX_LENGTH,
  GROUP_CHAT_URL_MAX_LENGTH,
  isCategoryCode,
  ownershipProblem,
  type CategoryCode,
  type EnterpriseOwnership,
} from '#domain';
import { PageQuery } from '../common/paging.dto.js';

const CATEGORY_CHOICES = CATEGORY_CODES.map((code) => `${CATEGORY_NAMES[code].zh} (${code})`).join('、');

@ValidatorConstraint({ name: 'ownershipMatchesCategory' })
class OwnershipMatchesCategory implements ValidatorConstraintInterface {
  private problem(value: unknown, args: ValidationArguments): string | null {
    const { category } = args.object as { category?: unknown };
    if (typeof category !== 'string' || !isCategoryCode(category)) return null;
    return typeof value === 'string' || value === undefined ? ownershipProblem(category, value) : '企业性质须为文字 / ownership must be a string';
  }

  validate(value: unknown, args: ValidationArguments): boolean {
    return this.problem(value, args) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return this.problem(args.value, args) ?? '企业性质无效 / ownership is invalid';
  }
}

export class CreateUnitDto {
  @ApiProperty({ description: '单位名称 / Unit name', example: '永康市第一人民医院', maxLength: 200 })
  @IsString({ message: '单位名称须为文字 / name must be a string' })
  @IsNotEmpty({ message: '单位名称不能为空 / name must not be empty' })
  @MaxLength(200, { message: '单位名称至多 200 个字符 / name must be at most 200 characters' })
  name!: string;

  @ApiProperty({ description: '清廉建设领域 / Category', enum: CATEGORY_CODES, example: 'hospital' })
  @IsIn(CATEGORY_CODES, { message: `领域须为 ${CATEGORY_CHOICES} 之一 / category must be one of ${CATEGORY_CODES.join(', ')}` })
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

export const UNIT_SORT_FIELDS = ['name', 'category', 'createdAt'] as const;
export type UnitSortField = (typeof UNIT_SORT_FIELDS)[number];

export class ListUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '领域 / Category', enum: CATEGORY_CODES }) @IsOptional() @IsIn(CATEGORY_CODES) category?: CategoryCode;
  @ApiPropertyOptional({ description: '单位名称包含 / Name contains', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({
    description:
      '创建活动：只列出已纳入该活动的单位（enrolled=false 时为未纳入的）/ Campaign: only units enrolled in it (with enrolled=false: not enrolled in it)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID(undefined, { message: 'campaignId 须为 UUID / campaignId must be a UUID' })
  campaignId?: string;
  @ApiPropertyOptional({
    description:
      '是否已纳入 campaignId 所指的活动（缺省 true）；不给 campaignId 时指任一活动 / Enrolled in the campaign campaignId names (default true); without campaignId: in any campaign',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  enrolled?: 'true' | 'false';
  @ApiPropertyOptional({ description: '排序字段 / Sort by', enum: UNIT_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsIn(UNIT_SORT_FIELDS)
  sort?: UnitSortField;
  @ApiPropertyOptional({ description: '顺序 / Order', enum: ['asc', 'desc'], default: 'asc' }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] }) items!: UnitDto[];
  @ApiProperty({ description: '符合条件的总数 / Total matching' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PutUnitGroupChatDto {
  @ApiProperty({
    description: '群机器人 Webhook 地址（生产环境须 https）/ The robot’s webhook URL (https in production)',
    example: 'https://oapi.dingtalk.com/robot/send?access_token=…',
    maxLength: GROUP_CHAT_URL_MAX_LENGTH,
  })
  @IsString({ message: 'webhookUrl 须为字符串 / webhookUrl must be a string' })
  webhookUrl!: string;

  @ApiProperty({
    description: '加签密钥（SEC 开头；只写不读，任何应答都不返回）/ The 加签 signing secret (starts with SEC; write-only, never returned)',
    example: 'SEC…',
    writeOnly: true,
    maxLength: GROUP_CHAT_SECRET_MAX_LENGTH,
  })
  @IsString({ message: 'secret 须为字符串 / secret must be a string' })
  secret!: string;
}

export class UnitGroupChatDto {
  @ApiProperty({ description: '单位标识 / Unit id', format: 'uuid' }) unitId!: string;
  @ApiProperty({ description: '是否已配置单位工作群机器人 / Whether the unit has a group-chat robot' }) configured!: boolean;
  @ApiProperty({
    description: 'Webhook 的主机（不含 access_token）/ The webhook’s host (never its access token)',
    nullable: true,
    type: String,
    example: 'oapi.dingtalk.com',
  })
  host!: string | null;
  @ApiProperty({ description: '最后设置时间 (UTC) / When it was last set', nullable: true, type: String, format: 'date-time' }) updatedAt!: string | null;
}
