import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CreateUnitDto } from '../units/unit.dto.js';

/** Rows a list file (CSV, XLSX) or a CSV batch may hold: what a person previews and checks row by row. */
export const MAX_BATCH_ROWS = 2000;
/**
 * Rows a JSON batch may hold: a campaign's whole list at once, from another system (10,000 rows fit the JSON body limit,
 * 1 MiB, with names of up to about 25 characters).
 */
export const MAX_JSON_BATCH_ROWS = 10_000;

export class BatchEnrollDto {
  @ApiProperty({ description: '要纳入培育的单位（同名同领域的单位视为同一单位）/ Units to enroll (same name and category = same unit)', type: [CreateUnitDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_JSON_BATCH_ROWS)
  // ValidateNested passes an array in place of a row (it validates the array's items); the service needs objects.
  @IsObject({ each: true, message: '每个单位须为 {name, category} 对象 / each unit must be an object {name, category}' })
  @ValidateNested({ each: true })
  @Type(() => CreateUnitDto)
  units!: CreateUnitDto[];
}

export class BatchEnrollmentRowDto {
  @ApiProperty({ description: '行号（从 1 起；文件导入时为表格所示行号）/ Row (from 1; for a file, as the spreadsheet shows it)' }) row!: number;
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

export class EnrollmentFileQuery {
  @ApiPropertyOptional({
    description:
      'true（缺省）：只预览，不写入；false：导入预览所示的单位，任一行有误则不导入任何单位 / true (default): preview only, nothing written; false: import what the preview shows, nothing if any row is bad',
    enum: ['true', 'false'],
    default: 'true',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun 须为 true 或 false / dryRun must be true or false' })
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({
    description:
      '预览所答的文件 SHA-256：给出时，导入的文件须与预览的相同，否则答 409 / The sha256 the preview answered: when given, a different file answers 409',
    pattern: '^[0-9a-f]{64}$',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 须为 64 位小写十六进制 / sha256 must be 64 lowercase hex digits' })
  sha256?: string;
}

export class UploadEnrollmentFileDto {
  @ApiProperty({
    description:
      '名单：CSV（UTF-8 或 GB 18030）或 XLSX（第一个工作表）；表头 单位名称/name、领域/category、企业性质/ownership（可有“序号”列） / ' +
      'The list: CSV (UTF-8 or GB 18030) or XLSX (its first sheet); headers 单位名称/name, 领域/category, 企业性质/ownership (a 序号 column is read past)',
    type: 'string',
    format: 'binary',
  })
  file!: unknown;
}

export class SheetProblemDto {
  @ApiProperty({ description: '行号（与表格所示相同，表头通常为第 1 行）/ Row as the spreadsheet shows it (the header is usually row 1)' }) row!: number;
  @ApiProperty({ description: '列（A、B…），整行的问题为 null / Column letter, null for the row as a whole', nullable: true, type: String })
  column!: string | null;
  @ApiProperty({ description: '该列表头 / The column’s header', nullable: true, type: String }) header!: string | null;
  @ApiProperty({ description: '单位字段 / Field of the unit', nullable: true, enum: ['name', 'category', 'ownership'], type: String })
  field!: string | null;
  @ApiProperty({ description: '原因（中文）/ Why, in Chinese' }) messageZh!: string;
  @ApiProperty({ description: '原因（英文）/ Why, in English' }) messageEn!: string;
}

export const PREVIEW_ROW_STATUSES = ['new', 'already_enrolled', 'invalid'] as const;

export class EnrollmentPreviewRowDto {
  @ApiProperty({ description: '行号（与表格所示相同）/ Row as the spreadsheet shows it' }) row!: number;
  @ApiProperty({ description: '单位名称 / Unit name, as read' }) name!: string;
  @ApiProperty({ description: '领域（识别出的代码，否则为原文）/ Category: its code when recognised, else as written' }) category!: string;
  @ApiProperty({ description: '企业性质 / Ownership', nullable: true, type: String }) ownership!: string | null;
  @ApiProperty({ description: '单位标识（同名同领域即同一单位）/ Unit id (same name and category = same unit)', nullable: true, type: String })
  unitId!: string | null;
  @ApiProperty({ description: '案件标识 / Case id', nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ description: '新纳入、已纳入、有误 / To be enrolled, already enrolled, or bad', enum: PREVIEW_ROW_STATUSES })
  status!: (typeof PREVIEW_ROW_STATUSES)[number];
  @ApiProperty({ type: [SheetProblemDto] }) errors!: SheetProblemDto[];
}

export class EnrollmentPreviewSummaryDto {
  @ApiProperty({ description: '单位行数（空行不计）/ Rows naming a unit (blank rows not counted)' }) rows!: number;
  @ApiProperty({ description: '可新纳入 / To be enrolled' }) valid!: number;
  @ApiProperty({ description: '此前已纳入 / Already enrolled' }) alreadyEnrolled!: number;
  @ApiProperty({ description: '有误 / Bad' }) bad!: number;
}

export class EnrollmentFileDto {
  @ApiProperty({ description: '是否仅预览 / Preview only' }) dryRun!: boolean;
  @ApiProperty({ description: '文件名 / File name' }) fileName!: string;
  @ApiProperty({ description: '文件的 SHA-256（导入时可作 sha256 参数）/ The file’s SHA-256 (pass it as sha256 to the import)' }) sha256!: string;
  @ApiProperty({ description: '格式 / Format', enum: ['csv', 'xlsx'] }) format!: 'csv' | 'xlsx';
  @ApiProperty({ description: 'CSV 的编码 / The CSV’s encoding', nullable: true, enum: ['utf-8', 'gb18030'], type: String }) encoding!:
    'utf-8' | 'gb18030' | null;
  @ApiProperty({ description: '所读工作表（XLSX）/ The worksheet read (XLSX)', nullable: true, type: String }) sheetName!: string | null;
  @ApiProperty({ description: '没有任何问题，可以导入 / Nothing wrong: the list can be imported' }) ok!: boolean;
  @ApiProperty({ type: EnrollmentPreviewSummaryDto }) summary!: EnrollmentPreviewSummaryDto;
  @ApiProperty({ description: '表头与整个文件的问题 / Problems of the header and the file as a whole', type: [SheetProblemDto] }) problems!: SheetProblemDto[];
  @ApiProperty({ description: '每一行 / Every row', type: [EnrollmentPreviewRowDto] }) rows!: EnrollmentPreviewRowDto[];
  @ApiProperty({ description: '导入结果（dryRun=false）/ What the import did (dryRun=false)', type: BatchEnrollmentResultDto, nullable: true })
  result!: BatchEnrollmentResultDto | null;
}
