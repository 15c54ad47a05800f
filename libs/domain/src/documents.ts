import type { CaseEventBody } from './case-events.js';
import { CaseRuleViolation } from './case-rule-violation.js';

/**
 * 文件引用: what an event keeps of each document a step rests on. The hash makes the audit trail cover the file's
 * content: a file changed in the store no longer matches the event that names it.
 */
export interface DocumentRef {
  readonly documentId: string;
  readonly sha256: string;
  /** The file name as uploaded. */
  readonly name: string;
  readonly size: number;
  /** The media type decided from the content. */
  readonly type: string;
}

/** A document id named in a step, with the request field that names it (`documentIds[0]`, `scores[2].documentIds[0]`). */
export interface DocumentMention {
  readonly field: string;
  readonly documentId: string;
}

/** The documents of a step, found by the case (the workflow's handler) or not yet (its validator). */
export type DocumentResolver = (mention: DocumentMention) => DocumentRef;

const DOCUMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isDocumentId(value: string): boolean {
  return DOCUMENT_ID.test(value.trim());
}

/**
 * How the free-text references of earlier releases (`documentRefs`, `evidence`) are read: a string that is a
 * document's id names that document; any other string stays a note, recorded as it was before.
 */
export function readLegacyReferences(references: readonly string[]): { documentIds: string[]; notes: string[] } {
  const documentIds: string[] = [];
  const notes: string[] = [];
  for (const reference of references) {
    if (isDocumentId(reference)) documentIds.push(reference.trim().toLowerCase());
    else notes.push(reference);
  }
  return { documentIds, notes };
}

interface WithDocumentIds {
  readonly documentIds?: readonly string[];
}

/** Every document id a step's command names, with its field: top-level `documentIds` and each score's. */
export function documentMentionsOf(command: object): DocumentMention[] {
  const mentions: DocumentMention[] = [];
  const add = (prefix: string, ids: readonly string[] | undefined): void => {
    (ids ?? []).forEach((documentId, index) => mentions.push({ field: `${prefix}documentIds[${String(index)}]`, documentId }));
  };
  add('', (command as WithDocumentIds).documentIds);
  const sheet = 'sheet' in command ? (command.sheet as { scores?: readonly WithDocumentIds[] } | undefined) : undefined;
  sheet?.scores?.forEach((score, index) => {
    add(`scores[${String(index)}].`, score.documentIds);
  });
  return mentions;
}

/** The refs of the ids named in one field list, each document once, in the order named. */
export function refsOf(prefix: string, ids: readonly string[] | undefined, resolve: DocumentResolver): DocumentRef[] {
  const refs: DocumentRef[] = [];
  (ids ?? []).forEach((documentId, index) => {
    const ref = resolve({ field: `${prefix}documentIds[${String(index)}]`, documentId });
    if (!refs.some((each) => each.documentId === ref.documentId)) refs.push(ref);
  });
  return refs;
}

/** What a step's documents are refused for: none of this case's, or its bytes are gone from the store. */
export interface DocumentProblems {
  readonly unknown: readonly DocumentMention[];
  readonly contentMissing: readonly DocumentMention[];
}

/** The refusal of a step naming documents it may not rest on (at least one problem); the fields say which. */
export function documentRefusal({ unknown, contentMissing }: DocumentProblems): CaseRuleViolation {
  const fields = [
    ...unknown.map(({ field, documentId }) => ({
      field,
      message: `文件不存在或不属于本案件：${documentId} / no such document in this case: ${documentId}`,
    })),
    ...contentMissing.map(({ field, documentId }) => ({
      field,
      message: `文件内容已丢失，请重新上传：${documentId} / the document's content is missing; upload it again: ${documentId}`,
    })),
  ];
  if (unknown.length) {
    return new CaseRuleViolation(
      'DOCUMENT_UNKNOWN',
      '引用的文件不存在或不属于本案件',
      'A referenced document does not exist or belongs to another case',
      fields,
    );
  }
  return new CaseRuleViolation(
    'DOCUMENT_CONTENT_MISSING',
    '引用的文件内容已丢失，请重新上传',
    "A referenced document's content is missing; upload it again",
    fields,
  );
}

/** Resolves from the documents found for the step; an id not among them is refused (the handler found them all first). */
export function resolverOver(found: readonly DocumentRef[]): DocumentResolver {
  return (mention) => {
    const ref = found.find((each) => each.documentId === mention.documentId.toLowerCase());
    if (!ref) throw documentRefusal({ unknown: [mention], contentMissing: [] });
    return ref;
  };
}

/** The validator's resolver: documents are checked by the handler (they need the database); this keeps the id only. */
export const DOCUMENTS_NOT_YET_CHECKED: DocumentResolver = ({ documentId }) => ({
  documentId: documentId.toLowerCase(),
  sha256: '',
  name: '',
  size: 0,
  type: '',
});

/** Every document an event rests on (events recorded before documents were referenced by id name none). */
export function documentsReferencedBy(event: CaseEventBody): DocumentRef[] {
  const payload = event.payload as { documents?: readonly DocumentRef[]; sheet?: { scores?: readonly { documents?: readonly DocumentRef[] }[] } };
  return [...(payload.documents ?? []), ...(payload.sheet?.scores ?? []).flatMap((score) => score.documents ?? [])];
}
