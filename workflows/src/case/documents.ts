import { proxyLocalActivities } from '@temporalio/workflow';
import { documentRefusal, resolverOver, type DocumentMention, type DocumentResolver } from '#domain/for-workflows';
import type { CaseWorkflowInput, DocumentActivities } from '#contracts';
import { asFailure } from './recorder.js';

const { findCaseDocuments } = proxyLocalActivities<DocumentActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '10 seconds' } });

/** What a step naming no document resolves against. */
export const NO_DOCUMENTS: DocumentResolver = resolverOver([]);

/**
 * The documents a step names, found among the case's uploads by the worker (a validator cannot read the database):
 * the step's resolver, or its refusal before anything is written.
 */
export async function findStepDocuments(input: CaseWorkflowInput, mentions: readonly DocumentMention[]): Promise<DocumentResolver> {
  const result = await findCaseDocuments({ caseId: input.caseId, unitId: input.unitId, mentions });
  if (result.unknown.length || result.contentMissing.length) {
    return asFailure(() => {
      throw documentRefusal(result);
    });
  }
  return resolverOver(result.found);
}
