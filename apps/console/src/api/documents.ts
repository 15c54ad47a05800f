import { apiErrorOf, type Schemas } from './client';
import { session } from '../session/session';

export type StoredDocument = Schemas['DocumentDto'];

/**
 * Uploads one file to a case, reporting progress (fetch cannot): XMLHttpRequest with the access token. Resolves with
 * the stored document, or rejects with the api's refusal.
 */
export function uploadDocument(caseId: string, file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<StoredDocument> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/cases/${encodeURIComponent(caseId)}/documents`);
    const authorization = session.authorization();
    if (authorization) request.setRequestHeader('authorization', authorization);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body: unknown = request.responseText ? JSON.parse(request.responseText) : null;
      if (request.status === 201) resolve(body as StoredDocument);
      else reject(apiErrorOf(request.status, body));
    };
    request.onerror = () => reject(apiErrorOf(0, null));
    signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** Downloads a document as an attachment (the token travels in a header, so a plain link cannot). */
export async function downloadDocument(document: Pick<StoredDocument, 'id' | 'fileName'>): Promise<void> {
  const response = await session.fetch(new Request(`/api/documents/${document.id}`));
  if (!response.ok) throw apiErrorOf(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
