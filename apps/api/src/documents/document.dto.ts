import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class DocumentDto {
  @ApiProperty({ description: '文件标识（步骤中引用）/ Document id (what steps reference)', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '所属案件 / Case it belongs to' }) caseId!: string;
  @ApiProperty({ description: '内容的 SHA-256 / SHA-256 of the content' }) sha256!: string;
  @ApiProperty({ description: '大小（字节）/ Size in bytes' }) size!: number;
  @ApiProperty({ description: '按内容识别的类型 / Media type, decided by the content', example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ description: '原文件名 / Original file name', example: '清廉医院创建方案.pdf' }) fileName!: string;
  @ApiProperty({ description: '上传人 / Uploaded by (actor id)' }) uploadedBy!: string;
  @ApiProperty({ description: '上传时间 (UTC) / Uploaded at', format: 'date-time' }) createdAt!: string;
}

export class UploadDocumentDto {
  @ApiProperty({ description: '文件（每次一个）/ The file (one per upload)', type: 'string', format: 'binary' }) file!: unknown;
}

export class DownloadQuery {
  @ApiPropertyOptional({
    description: '在浏览器中预览（仅图片与 PDF，受沙箱限制）/ Preview in the browser (images and PDF only, sandboxed)',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  inline?: 'true' | 'false';
}
