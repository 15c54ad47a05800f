import type { DocumentMention, DocumentRef } from '#domain/for-workflows';

/** The documents a step of a case names, to be found among the case's uploads. */
export interface FindCaseDocumentsInput {
  readonly caseId: string;
  readonly unitId: string;
  readonly mentions: readonly DocumentMention[];
}

/** Each mention found (uploaded to this case, its bytes in the store), or why not. */
export interface FoundCaseDocuments {
  readonly found: readonly DocumentRef[];
  /** Not uploaded to this case: no such document, or another case's or unit's. */
  readonly unknown: readonly DocumentMention[];
  /** Uploaded to this case, but its bytes are gone from the store. */
  readonly contentMissing: readonly DocumentMention[];
}

/**
 * What the case workflow asks of the document store before recording a step that rests on documents: a workflow
 * validator cannot read the database, so the step's handler does, before it writes anything.
 */
export interface DocumentActivities {
  findCaseDocuments(input: FindCaseDocumentsInput): Promise<FoundCaseDocuments>;
}

export interface DocumentHousekeepingInput {
  /** Uploads never referenced by a step are removed this many days after they were uploaded. */
  readonly unreferencedAfterDays: number;
}

/** 文件清理: what one housekeeping run removed. */
export interface DocumentHousekeepingSummary {
  readonly removedDocuments: number;
  readonly removedFiles: number;
  readonly freedBytes: number;
}

/** What one batch of housekeeping removed. */
export interface DocumentHousekeepingResult {
  readonly removedDocumentIds: readonly string[];
  /** Stored files deleted (bytes no other document shares). */
  readonly removedFiles: number;
  readonly freedBytes: number;
}

/** The housekeeping schedule's activities. */
export interface DocumentHousekeepingActivities {
  removeUnreferencedDocuments(input: DocumentHousekeepingInput): Promise<DocumentHousekeepingResult>;
}
