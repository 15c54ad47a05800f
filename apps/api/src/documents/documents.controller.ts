import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { Principal } from '#domain';
import { Allow, OnCase } from '../auth/access.decorators.js';
import { CurrentPrincipal } from '../auth/principal.js';
import { CaseIdPipe } from '../cases/case-id.pipe.js';
import { uuidParam } from '../common/params.js';
import { DocumentDto, DownloadQuery, UploadDocumentDto } from './document.dto.js';
import { DocumentsService } from './documents.service.js';

/** Types a browser may show in place, inside a sandbox that runs nothing: images and PDF. Everything else downloads. */
const PREVIEWABLE = /^(image\/(jpeg|png|webp)|application\/pdf)$/;
const PREVIEW_POLICY = "sandbox; default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'";

@ApiTags('documents 文件')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('cases/:caseId/documents')
  @HttpCode(201)
  @OnCase('attach')
  @ApiOperation({
    summary: '上传文件（创建方案、进度报告、佐证材料、整改报告…）/ Upload a document (plan, report, evidence, rectification…)',
    description:
      'multipart/form-data，文件放在 file 字段；按内容识别类型；同样的内容只存一份。步骤以返回的 id 引用文件。 / multipart/form-data with the file in the field "file"; ' +
      'the type is decided by the content; the same bytes are stored once. Steps reference the document by the id answered.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDocumentDto })
  @ApiCreatedResponse({ type: DocumentDto })
  upload(@Param('caseId', CaseIdPipe) caseId: string, @Req() request: Request, @CurrentPrincipal() principal: Principal): Promise<DocumentDto> {
    return this.documents.upload(caseId, request, principal);
  }

  @Get('cases/:caseId/documents')
  @OnCase('read')
  @ApiOperation({ summary: '案件的文件 / The documents of a case', description: '最新在前 / Newest first' })
  @ApiOkResponse({ type: [DocumentDto] })
  ofCase(@Param('caseId', CaseIdPipe) caseId: string): Promise<DocumentDto[]> {
    return this.documents.ofCase(caseId);
  }

  @Get('documents/:documentId')
  @Allow('documents:read')
  @ApiOperation({
    summary: '下载文件 / Download a document',
    description:
      '范围与所属案件相同（范围外答 404）；默认作为附件下载，图片与 PDF 可 inline=true 在沙箱中预览。 / Same scope as its case (404 outside it); ' +
      'downloaded as an attachment, or previewed in a sandbox with inline=true (images and PDF only).',
  })
  @ApiOkResponse({ description: '文件内容 / The content', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ description: '文件不存在或不在您的范围内 / No such document, or outside your scope' })
  async download(
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Query() query: DownloadQuery,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    const { document, content } = await this.documents.open(documentId, principal);
    const inline = query.inline === 'true' && PREVIEWABLE.test(document.mediaType);
    response.setHeader('Content-Type', document.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : document.mediaType);
    response.setHeader('Content-Length', String(document.size));
    response.setHeader('Content-Disposition', contentDisposition(document.fileName, { type: inline ? 'inline' : 'attachment' }));
    response.setHeader('ETag', `"${document.sha256}"`);
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (inline) response.setHeader('Content-Security-Policy', PREVIEW_POLICY);
    // Once the first bytes are out the answer cannot become an error: a reader who goes away just ends it.
    await pipeline(content, response).catch((error: unknown) => {
      if (!response.headersSent) throw error;
      response.destroy();
    });
  }
}
