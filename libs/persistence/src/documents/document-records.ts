import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { DocumentRef } from '#domain';
import { DocumentEntity } from '../entities/index.js';

/** An upload no step referenced, removed by housekeeping. */
export interface RemovedDocument {
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
}

/** The documents' metadata in the app database. */
export class DocumentRecords {
  constructor(private readonly orm: MikroORM) {}

  async add(document: DocumentEntity): Promise<void> {
    await this.orm.em.fork().insert(DocumentEntity, document);
  }

  find(id: string): Promise<DocumentEntity | null> {
    return this.orm.em.fork().findOne(DocumentEntity, { id });
  }

  /** Those of `ids` uploaded to the case (ids of other cases, or of none, are simply not among them). */
  inCase(caseId: string, ids: readonly string[]): Promise<DocumentEntity[]> {
    return this.orm.em.fork().find(DocumentEntity, { caseId, id: { $in: [...new Set(ids.map((id) => id.toLowerCase()))] } });
  }

  ofCase(caseId: string): Promise<DocumentEntity[]> {
    return this.orm.em.fork().find(DocumentEntity, { caseId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  /**
   * Removes the rows of uploads no step ever referenced, uploaded before `uploadedBefore`, in one transaction that
   * re-checks each is still unreferenced; answers them with the hashes no remaining document shares (whose bytes
   * may go).
   */
  async removeUnreferenced(uploadedBefore: Date, limit: number): Promise<{ removed: RemovedDocument[]; orphanedHashes: string[] }> {
    return this.orm.em.fork().transactional(async (em) => {
      const stale = await em.find(DocumentEntity, { referencedAt: null, createdAt: { $lt: uploadedBefore } }, { orderBy: { createdAt: 'asc' }, limit });
      if (stale.length === 0) return { removed: [], orphanedHashes: [] };
      const staleIds = stale.map((document) => document.id);
      await em.nativeDelete(DocumentEntity, { id: { $in: staleIds }, referencedAt: null });
      // A step may have referenced one since it was read: its row stays, and so do its bytes.
      const survivors = new Set((await em.find(DocumentEntity, { id: { $in: staleIds } }, { fields: ['id'] })).map((document) => document.id));
      const gone = stale.filter((document) => !survivors.has(document.id));
      const hashes = [...new Set(gone.map((document) => document.sha256))];
      const kept = await em.find(DocumentEntity, { sha256: { $in: hashes } }, { fields: ['sha256'] });
      const keptHashes = new Set(kept.map((document) => document.sha256));
      return {
        removed: gone.map(({ id, sha256, size }) => ({ id, sha256, size })),
        orphanedHashes: hashes.filter((hash) => !keptHashes.has(hash)),
      };
    });
  }
}

/** Within an append's transaction: the documents its event rests on are referenced from now on (housekeeping keeps them). */
export async function markDocumentsReferenced(em: EntityManager, documents: readonly DocumentRef[], at: Date): Promise<void> {
  if (documents.length === 0) return;
  await em.nativeUpdate(DocumentEntity, { id: { $in: documents.map((document) => document.documentId) }, referencedAt: null }, { referencedAt: at });
}

/** What an event keeps of a document. */
export function documentRefOf(document: DocumentEntity): DocumentRef {
  return { documentId: document.id, sha256: document.sha256, name: document.fileName, size: document.size, type: document.mediaType };
}
