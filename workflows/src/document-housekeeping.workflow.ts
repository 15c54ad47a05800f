import { proxyActivities } from '@temporalio/workflow';
import type { DocumentHousekeepingActivities, DocumentHousekeepingInput, DocumentHousekeepingSummary } from '#contracts';

const { removeUnreferencedDocuments } = proxyActivities<DocumentHousekeepingActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** Batches one run removes at most; whatever is left waits for the next day's run. */
const MAX_BATCHES = 100;

/** 文件清理 — run by the daily schedule: uploads no step referenced within the days allowed are removed, batch by batch. */
export async function documentHousekeepingWorkflow(input: DocumentHousekeepingInput): Promise<DocumentHousekeepingSummary> {
  let removedDocuments = 0;
  let removedFiles = 0;
  let freedBytes = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const result = await removeUnreferencedDocuments(input);
    removedDocuments += result.removedDocumentIds.length;
    removedFiles += result.removedFiles;
    freedBytes += result.freedBytes;
    if (result.removedDocumentIds.length === 0) break;
  }
  return { removedDocuments, removedFiles, freedBytes };
}
