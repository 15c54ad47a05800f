import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '#config';
import { BilingualError, caseAccess, invalidField, notFound, type Principal } from '#domain';
import { BLOB_STORE, BlobMissing, CaseRecords, DocumentEntity, DocumentRecords, mediaTypeOf, type BlobStore } from '#persistence';
import type { DocumentDto } from './document.dto.js';
import { receiveUpload } from './receive-upload.js';

const FILE_NAME_MAX = 255;

/** 文件: uploads streamed into the content-addressed store, read back within the scope of the case they belong to. */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger('Documents');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(DocumentRecords) private readonly records: DocumentRecords,
    @Inject(CaseRecords) private readonly cases: CaseRecords,
  ) {}

  /**
   * Receives the file, decides its type by its content, keeps its bytes under their hash and records it. Every
   * refusal (empty, too large, a type not accepted, a bad name, cut off) leaves neither a row nor a stored file.
   */
  async upload(caseId: string, request: Request, principal: Principal): Promise<DocumentDto> {
    const scope = await this.cases.scopeOf(caseId);
    if (!scope) throw notFound('案件', 'Case', caseId, 'CASE_NOT_FOUND');
    const upload = await receiveUpload(request, { directory: this.blobs.incomingDirectory, maxBytes: this.config.documents.maxBytes });
    try {
      if (upload.size === 0) throw invalidField('file', '文件为空', 'the file is empty');
      const fileName = acceptableFileName(upload.fileName);
      const mediaType = await mediaTypeOf(upload.path);
      if (mediaType === null || !this.config.documents.acceptedTypes.includes(mediaType)) {
        const found = mediaType ?? 'unknown';
        throw new BilingualError(
          'unsupported',
          'DOCUMENT_TYPE_REFUSED',
          `不接受此类文件（识别为 ${found}）`,
          `Files of this type are not accepted (found ${found})`,
          {
            details: { foundType: found, acceptedTypes: this.config.documents.acceptedTypes },
          },
        );
      }
      await this.blobs.keep(upload.sha256, upload.path);
      const document = new DocumentEntity({
        id: randomUUID(),
        caseId,
        unitId: scope.unitId,
        sha256: upload.sha256,
        size: upload.size,
        mediaType,
        fileName,
        uploadedBy: principal.id,
        uploadedByRole: principal.role,
        createdAt: new Date(),
      });
      await this.records.add(document);
      this.logger.log(
        { documentId: document.id, caseId, sha256: document.sha256, size: document.size, mediaType, actorId: principal.id },
        '文件已上传 / document uploaded',
      );
      return toDocumentDto(document);
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  async ofCase(caseId: string): Promise<DocumentDto[]> {
    return (await this.records.ofCase(caseId)).map(toDocumentDto);
  }

  /** The document and its bytes, when the principal may read its case; otherwise 404, as for one that does not exist. */
  async open(id: string, principal: Principal): Promise<{ document: DocumentEntity; content: Readable }> {
    const document = await this.records.find(id);
    if (!document || caseAccess(principal, await this.cases.scopeOf(document.caseId), 'read') !== 'allowed') throw notFound('文件', 'Document', id);
    try {
      return { document, content: await this.blobs.open(document.sha256) };
    } catch (error) {
      if (!(error instanceof BlobMissing)) throw error;
      this.logger.error({ documentId: id, sha256: document.sha256 }, '文件内容缺失 / the stored bytes of a document are missing');
      throw new BilingualError('not_found', 'DOCUMENT_CONTENT_MISSING', `文件内容已丢失：${id}`, `The content of document ${id} is missing from the store`);
    }
  }
}

/** The name as shown: its last path segment, without control characters; refused when too long. */
function acceptableFileName(given: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const name = (given.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (Array.from(name).length > FILE_NAME_MAX)
    throw invalidField('file', `文件名至多 ${FILE_NAME_MAX} 个字符`, `the file name may have at most ${FILE_NAME_MAX} characters`);
  return name === '' ? 'file' : name;
}

export function toDocumentDto(document: DocumentEntity): DocumentDto {
  return {
    id: document.id,
    caseId: document.caseId,
    sha256: document.sha256,
    size: document.size,
    mediaType: document.mediaType,
    fileName: document.fileName,
    uploadedBy: document.uploadedBy,
    createdAt: document.createdAt.toISOString(),
  };
}
