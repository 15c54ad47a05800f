import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import { CATEGORY_CODES, isLedgerColumn, LEDGER_COLUMNS, type CategoryCode, type LedgerColumn } from '#domain';
import { AsOfDayQuery, LedgerQuery } from '../cases/case.dto.js';
import { SPREADSHEET_FORMATS, type SpreadsheetFormat } from './spreadsheet.js';

/** The ledger columns a comma-separated `columns` names, in its order. */
export function ledgerColumnsOf(columns: string | undefined): LedgerColumn[] {
  return columns === undefined
    ? [...LEDGER_COLUMNS]
    : columns
        .split(',')
        .map((column) => column.trim())
        .filter(isLedgerColumn);
}

/** What is wrong with a `columns` parameter; null when nothing is. */
function columnsProblem(value: unknown): string | null {
  const choices = `可选 / one of: ${LEDGER_COLUMNS.join(', ')}`;
  if (typeof value !== 'string') return `columns 须为以逗号分隔的列名 / columns must be column keys separated by commas. ${choices}`;
  const keys = value.split(',').map((column) => column.trim());
  const unknown = keys.filter((key) => !isLedgerColumn(key));
  if (unknown.length)
    return `columns 含未知的列 ${unknown.map((key) => JSON.stringify(key)).join('、')} / columns names unknown columns ${unknown.map((key) => JSON.stringify(key)).join(', ')}. ${choices}`;
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (repeated.length) return `columns 重复了 ${repeated.join('、')} / columns repeats ${repeated.join(', ')}`;
  return null;
}

export class ExportCasesQuery extends IntersectionType(LedgerQuery, AsOfDayQuery) {
  @ApiPropertyOptional({ description: '文件格式 / File format', enum: SPREADSHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SPREADSHEET_FORMATS, { message: `format 须为 xlsx 或 csv / format must be xlsx or csv` })
  format?: SpreadsheetFormat;

  @ApiPropertyOptional({
    description: `导出的列，以逗号分隔，按此顺序（默认全部）/ The columns, comma-separated, in this order (default: all): ${LEDGER_COLUMNS.join(', ')}`,
    example: 'unitName,category,stage,dueOn,dueStatus',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isLedgerColumns',
    validator: { validate: (value) => columnsProblem(value) === null, defaultMessage: (args) => columnsProblem(args?.value) ?? '' },
  })
  columns?: string;
}

export class CertificationRosterQuery {
  @ApiPropertyOptional({ description: '格式：JSON 或 XLSX 文件 / As JSON, or as an XLSX file', enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: 'format 须为 json 或 xlsx / format must be json or xlsx' })
  format?: 'json' | 'xlsx';
}

export class CertifiedUnitDto {
  @ApiProperty({ description: '案件标识 / Case id' }) caseId!: string;
  @ApiProperty({ description: '单位 / Unit id', format: 'uuid' }) unitId!: string;
  @ApiProperty({ description: '单位名称 / Unit name' }) unitName!: string;
  @ApiProperty({ description: '领域 / Category', enum: CATEGORY_CODES }) category!: CategoryCode;
  @ApiProperty({ description: '领域名称 / Category name', example: '清廉村居 / Integrity village / community' }) categoryName!: string;
  @ApiProperty({ description: '认定文号 / Document number', example: '金纪〔2019〕12号' }) documentNumber!: string;
  @ApiProperty({ description: '认定日期 YYYY-MM-DD / Certified on', format: 'date' }) certifiedOn!: string;
}

export class CertificationRosterDto {
  @ApiProperty({ description: '创建活动 / Campaign id', format: 'uuid' }) campaignId!: string;
  @ApiProperty({ description: '活动名称 / Campaign name' }) campaignName!: string;
  @ApiProperty({ description: '年度 / Year' }) year!: number;
  @ApiProperty({ type: [CertifiedUnitDto], description: '按领域、认定日期、单位名称排序 / By category, then date, then unit name' }) items!: CertifiedUnitDto[];
  @ApiProperty({ description: '认定单位数 / Units certified' }) total!: number;
}
