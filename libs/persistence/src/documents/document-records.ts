import type { MikroORM } from '@mikro-orm/core';
import { DocumentEntity } from '../entities/index.js';

/** The documents' metadata in the app database. */
export class DocumentRecords {
  constructor(private readonly orm: MikroORM) {}

  async add(document: DocumentEntity): Promise<void> {
    await this.orm.em.fork().insert(DocumentEntity, document);
  }

  find(id: string): Promise<DocumentEntity | null> {
    return this.orm.em.fork().findOne(DocumentEntity, { id });
  }

  ofCase(caseId: string): Promise<DocumentEntity[]> {
    return this.orm.em.fork().find(DocumentEntity, { caseId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }
}
