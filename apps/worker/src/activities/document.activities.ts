import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DocumentMention } from '#domain';
import type {
  DocumentActivities,
  DocumentHousekeepingActivities,
  DocumentHousekeepingInput,
  DocumentHousekeepingResult,
  FindCaseDocumentsInput,
  FoundCaseDocuments,
} from '#contracts';
import { BLOB_STORE, documentRefOf, DocumentRecords, type BlobStore } from '#persistence';

/** Uploads removed by one housekeeping activity at most (the next run takes the rest). */
const HOUSEKEEPING_BATCH = 1000;
const DAY_MS = 86_400_000;

/** The document store as the case workflow and the housekeeping schedule see it. */
@Injectable()
export class DocumentStoreActivities implements DocumentActivities, DocumentHousekeepingActivities {
  private readonly logger = new Logger('Documents');

  constructor(
    @Inject(DocumentRecords) private readonly records: DocumentRecords,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /** Each mention among the case's uploads (of the case's unit) with its bytes in the store. */
  async findCaseDocuments({ caseId, unitId, mentions }: FindCaseDocumentsInput): Promise<FoundCaseDocuments> {
    const rows = await this.records.inCase(
      caseId,
      mentions.map((mention) => mention.documentId),
    );
    const byId = new Map(rows.filter((row) => row.unitId === unitId).map((row) => [row.id, row]));
    const unknown: DocumentMention[] = [];
    const contentMissing: DocumentMention[] = [];
    const present = new Map<string, boolean>();
    for (const mention of mentions) {
      const row = byId.get(mention.documentId.toLowerCase());
      if (!row) {
        unknown.push(mention);
        continue;
      }
      if (!present.has(row.sha256)) present.set(row.sha256, await this.blobs.has(row.sha256));
      if (present.get(row.sha256) !== true) contentMissing.push(mention);
    }
    return { found: [...byId.values()].map(documentRefOf), unknown, contentMissing };
  }

  /** 文件清理: uploads no step referenced within the days allowed go, with their bytes where no other document shares them. */
  async removeUnreferencedDocuments({ unreferencedAfterDays }: DocumentHousekeepingInput): Promise<DocumentHousekeepingResult> {
    const uploadedBefore = new Date(Date.now() - unreferencedAfterDays * DAY_MS);
    const { removed, orphanedHashes } = await this.records.removeUnreferenced(uploadedBefore, HOUSEKEEPING_BATCH);
    for (const hash of orphanedHashes) await this.blobs.remove(hash);
    const freedBytes = removed.filter((document) => orphanedHashes.includes(document.sha256)).reduce((sum, document) => sum + document.size, 0);
    if (removed.length) {
      this.logger.log(
        { removedDocuments: removed.length, removedFiles: orphanedHashes.length, freedBytes, uploadedBefore: uploadedBefore.toISOString() },
        '未引用的上传文件已清理 / unreferenced uploads removed',
      );
    }
    return { removedDocumentIds: removed.map((document) => document.id), removedFiles: orphanedHashes.length, freedBytes };
  }
}
