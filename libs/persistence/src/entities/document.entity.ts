import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * 文件: an uploaded file's metadata. Its bytes are kept by the blob store under their SHA-256 (the same bytes
 * uploaded twice are stored once); a case's events name the document by id and hash.
 */
@Entity({ tableName: 'document' })
@Index({ name: 'document_case_index', properties: ['caseId', 'createdAt'] })
@Index({ name: 'document_sha256_index', properties: ['sha256'] })
@Index({ name: 'document_unreferenced_index', properties: ['referencedAt', 'createdAt'] })
export class DocumentEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string;

  /** The case it was uploaded to; it is read within that case's scope. */
  @Property({ type: 'string', length: 120 })
  caseId: string;

  @Property({ type: 'string', length: 36 })
  unitId: string;

  @Property({ type: 'string', length: 64 })
  sha256: string;

  @Property({ type: 'integer' })
  size: number;

  /** Decided by the content, not by the name or the header the browser sent. */
  @Property({ type: 'string', length: 100 })
  mediaType: string;

  @Property({ type: 'string', length: 255 })
  fileName: string;

  @Property({ type: 'string', length: 100 })
  uploadedBy: string;

  @Property({ type: 'string', length: 30 })
  uploadedByRole: string;

  @Property({ type: 'datetime' })
  createdAt: Date;

  /** When a step first rested on it (recorded with that step's event); never referenced uploads are cleared after a while. */
  @Property({ type: 'datetime', nullable: true })
  referencedAt: Date | null;

  constructor(input: Omit<DocumentEntity, 'referencedAt'> & { referencedAt?: Date | null }) {
    this.id = input.id;
    this.caseId = input.caseId;
    this.unitId = input.unitId;
    this.sha256 = input.sha256;
    this.size = input.size;
    this.mediaType = input.mediaType;
    this.fileName = input.fileName;
    this.uploadedBy = input.uploadedBy;
    this.uploadedByRole = input.uploadedByRole;
    this.createdAt = input.createdAt;
    this.referencedAt = input.referencedAt ?? null;
  }
}
