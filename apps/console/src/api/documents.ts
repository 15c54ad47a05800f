import { apiErrorOf, type Schemas } from './client';
import { session } from '../session/session';

export type StoredDocument = Schemas['DocumentDto'];

/**
 * Uploads one file to a case, reporting progress (fetch cannot): XMLHttpRequest with the access token. Resolves with
 * the stored document, or rejects with the api's refusal.
 */
export function uploadDocument(caseId: string, file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<StoredDocument> {
  return uploadFile<StoredDocument>(`/api/cases/${encodeURIComponent(caseId)}/documents`, file, { accepted: 201, onProgress, signal });
}

/**
 * Posts one file to an api path as multipart field `file`, reporting progress; resolves with the answer's JSON when
 * the status is `accepted`, or rejects with the api's refusal.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  { accepted, onProgress, signal }: { accepted: number; onProgress: (percent: number) => void; signal?: AbortSignal | undefined },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    const authorization = session.authorization();
    if (authorization) request.setRequestHeader('authorization', authorization);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body: unknown = request.responseText ? JSON.parse(request.responseText) : null;
      if (request.status === accepted) resolve(body as T);
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
export function downloadDocument(document: Pick<StoredDocument, 'id' | 'fileName'>): Promise<void> {
  return downloadFile(`/api/documents/${document.id}`, document.fileName);
}

/** Saves what an api path answers as a file, named `fileName` or else as the answer's Content-Disposition names it. */
export async function downloadFile(path: string, fileName?: string): Promise<void> {
  const response = await session.fetch(new Request(path));
  if (!response.ok) throw apiErrorOf(response.status, await response.json().catch(() => null));
  saveBlob(await response.blob(), fileName ?? fileNameOf(response.headers.get('content-disposition')) ?? 'download');
}

/** Offers bytes made in the page (or fetched) to the person as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a Content-Disposition header gives (filename*=UTF-8'' first, then filename=). */
function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}
