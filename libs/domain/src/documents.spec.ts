import { describe, expect, it } from '@jest/globals';
import { CaseRuleViolation } from './case-rule-violation.js';
import type { CaseEventBody } from './case-events.js';
import {
  documentMentionsOf,
  documentRefusal,
  documentsReferencedBy,
  DOCUMENTS_NOT_YET_CHECKED,
  readLegacyReferences,
  refsOf,
  resolverOver,
  type DocumentRef,
} from './documents.js';

const plan: DocumentRef = {
  documentId: '6f1c3a0e-8c1b-4f5e-9d7a-1a2b3c4d5e6f',
  sha256: 'a'.repeat(64),
  name: '创建方案.pdf',
  size: 1024,
  type: 'application/pdf',
};
const ledger: DocumentRef = {
  documentId: '0b7e9d2c-1f3a-4c5b-8e6d-7f8a9b0c1d2e',
  sha256: 'b'.repeat(64),
  name: '台账.xlsx',
  size: 2048,
  type: 'application/xlsx',
};

describe('documents a step rests on', () => {
  it('reads the free-text references of earlier releases: a document id names that document, anything else stays a note', () => {
    expect(readLegacyReferences(['方案-2019-01', ` ${plan.documentId.toUpperCase()} `, 'https://example.org/台账'])).toEqual({
      documentIds: [plan.documentId],
      notes: ['方案-2019-01', 'https://example.org/台账'],
    });
    expect(readLegacyReferences([])).toEqual({ documentIds: [], notes: [] });
  });

  it("finds every id a command names, with the request field naming it, the score sheet's included", () => {
    expect(
      documentMentionsOf({
        summary: '进度',
        documentIds: [plan.documentId],
        sheet: { scores: [{ indicatorCode: 'I1' }, { indicatorCode: 'I2', documentIds: [ledger.documentId, plan.documentId] }] },
      }),
    ).toEqual([
      { field: 'documentIds[0]', documentId: plan.documentId },
      { field: 'scores[1].documentIds[0]', documentId: ledger.documentId },
      { field: 'scores[1].documentIds[1]', documentId: plan.documentId },
    ]);
    expect(documentMentionsOf({ summary: '进度', documentRefs: ['方案'] })).toEqual([]);
  });

  it('resolves ids to what the event keeps, each document once, and refuses an id not found for the case, naming its field', () => {
    const resolve = resolverOver([plan, ledger]);
    expect(refsOf('', [plan.documentId, ledger.documentId, plan.documentId.toUpperCase()], resolve)).toEqual([plan, ledger]);
    expect(refsOf('', undefined, resolve)).toEqual([]);
    let refused: unknown;
    try {
      refsOf('scores[0].', [ledger.documentId, 'c0ffee00-0000-4000-8000-000000000000'], resolverOver([ledger]));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CaseRuleViolation);
    expect(refused).toMatchObject({ code: 'DOCUMENT_UNKNOWN', kind: 'invalid', fields: [expect.objectContaining({ field: 'scores[0].documentIds[1]' })] });
    // The validator cannot read the database: it keeps the ids and leaves finding them to the handler.
    expect(refsOf('', [plan.documentId], DOCUMENTS_NOT_YET_CHECKED)).toEqual([{ documentId: plan.documentId, sha256: '', name: '', size: 0, type: '' }]);
  });

  it('refuses documents whose bytes are gone as a conflict, naming each field, in both languages', () => {
    const refusal = documentRefusal({ unknown: [], contentMissing: [{ field: 'documentIds[2]', documentId: plan.documentId }] });
    expect(refusal).toMatchObject({ code: 'DOCUMENT_CONTENT_MISSING', kind: 'conflict' });
    expect(refusal.fields).toEqual([{ field: 'documentIds[2]', message: expect.stringContaining('请重新上传') }]);
    expect(refusal.messageEn).toContain('upload it again');
  });

  it('lists the documents an event rests on, in reports, score sheets and decisions; events recorded before name none', () => {
    const events: CaseEventBody[] = [
      { type: 'PlanSubmitted', payload: { summary: '方案', documentRefs: ['方案-2019-01'] } },
      { type: 'PlanSubmitted', payload: { summary: '方案', documentRefs: [], documents: [plan] } },
      {
        type: 'SelfAssessmentSubmitted',
        payload: {
          sheet: {
            scores: [
              { indicatorCode: 'I1', points: 60, evidence: [], documents: [ledger] },
              { indicatorCode: 'I2', points: 20, evidence: [] },
            ],
            vetoes: [],
          },
          total: 80,
        },
      },
      { type: 'Certified', payload: { documentNumber: '金纪〔2019〕12号', certifiedOn: '2019-12-20', documents: [plan, ledger] } },
      { type: 'NotCertified', payload: {} },
    ];
    expect(events.map(documentsReferencedBy)).toEqual([[], [plan], [ledger], [plan, ledger], []]);
  });
});
