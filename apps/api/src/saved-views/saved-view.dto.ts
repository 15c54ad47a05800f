import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { HUMAN_ROLES, LEDGER_COLUMNS, SAVED_VIEW_NAME_MAX, type HumanRole, type LedgerColumn } from '#domain';
import { LedgerQuery } from '../cases/case.dto.js';

const COLUMNS = `列：${LEDGER_COLUMNS.join('、')} / Columns: ${LEDGER_COLUMNS.join(', ')}`;

/** What the owner sets on a saved view (保存的视图), when creating it and when replacing it. */
export class SavedViewInputDto {
  @ApiProperty({
    description: `名称（至多 ${SAVED_VIEW_NAME_MAX} 字，在本人的视图中唯一）/ Name (at most ${SAVED_VIEW_NAME_MAX} characters, unique among your views)`,
    maxLength: SAVED_VIEW_NAME_MAX,
    example: '逾期的清廉村居',
  })
  @IsString()
  @Matches(/\S/, { message: 'name 不能为空 / name must not be blank' })
  @MaxLength(SAVED_VIEW_NAME_MAX, { message: `name 至多 ${SAVED_VIEW_NAME_MAX} 字 / name must be at most ${SAVED_VIEW_NAME_MAX} characters` })
  name!: string;

  @ApiProperty({
    description: '台账查询：与 GET /api/cases 相同的筛选与排序 / The ledger query: the filters and order GET /api/cases takes',
    type: LedgerQuery,
  })
  @IsObject({ message: 'query 须为对象 / query must be an object' })
  @ValidateNested()
  @Type(() => LedgerQuery)
  query!: LedgerQuery;

  @ApiProperty({ description: `显示的列，按顺序 / The columns shown, in order. ${COLUMNS}`, enum: LEDGER_COLUMNS, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'columns 至少一列 / columns must name at least one column' })
  @ArrayMaxSize(LEDGER_COLUMNS.length)
  @ArrayUnique({ message: 'columns 不能重复 / columns must not repeat a column' })
  @IsIn(LEDGER_COLUMNS, { each: true, message: `columns 含未知的列 / columns names an unknown column. ${COLUMNS}` })
  columns!: LedgerColumn[];

  @ApiPropertyOptional({
    description:
      '共享给某一角色：该角色的每个账户都能看到，只读；null 或不填为不共享 / Shared with every account of this role, read-only for them; null or absent: not shared',
    enum: HUMAN_ROLES,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsIn(HUMAN_ROLES)
  sharedWithRole?: HumanRole | null;
}

export class SavedViewDto {
  @ApiProperty({ description: '视图标识 / View id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '名称 / Name' }) name!: string;
  @ApiProperty({ description: '台账查询 / The ledger query', type: LedgerQuery }) query!: LedgerQuery;
  @ApiProperty({ description: '显示的列 / Columns shown', enum: LEDGER_COLUMNS, isArray: true }) columns!: LedgerColumn[];
  @ApiProperty({ description: '共享给的角色 / Shared with this role', enum: HUMAN_ROLES, nullable: true, type: String }) sharedWithRole!: HumanRole | null;
  @ApiProperty({ description: '所有者（账户或接口令牌）/ Owner (account or api token)' }) ownerId!: string;
  @ApiProperty({ description: '所有者名称 / The owner’s name', nullable: true, type: String }) ownerName!: string | null;
  @ApiProperty({ description: '是否本人的视图（可修改、删除）/ Yours: you may change or delete it' }) editable!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
