import { apiErrorOf, type Schemas } from '../../api/client';
import { session } from '../../session/session';

export type AuditReport = Schemas['AuditReportDto'];

/** How far the verification has got: the totals are counted first, then each case as it is checked. */
export interface VerifyProgress {
  readonly casesChecked: number;
  readonly casesTotal: number;
  readonly eventsChecked: number;
  readonly eventsTotal: number;
}

type StreamLine = ({ type: 'progress' } & VerifyProgress) | { type: 'report'; report: AuditReport } | ({ type: 'error' } & Record<string, unknown>);

/**
 * 校验审计链 with its progress: GET /api/audit/verify/stream answers one JSON object a line (progress lines, then the
 * report, or an error line when it failed midway). Resolves with the report; aborting the signal closes the stream,
 * which stops the verification on the server.
 */
export async function verifyChains(
  options: { documents: boolean; caseId?: string },
  onProgress: (progress: VerifyProgress) => void,
  signal?: AbortSignal,
): Promise<AuditReport> {
  const query = new URLSearchParams({ documents: String(options.documents), ...(options.caseId ? { caseId: options.caseId } : {}) });
  const response = await session.fetch(new Request(`/api/audit/verify/stream?${query.toString()}`, { signal: signal ?? null }));
  if (!response.ok || !response.body) throw apiErrorOf(response.status, await response.json().catch(() => null));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = done ? '' : (lines.pop() ?? '');
    for (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as StreamLine;
      if (line.type === 'progress') onProgress(line);
      else if (line.type === 'report') return line.report;
      else throw apiErrorOf(500, line);
    }
    if (done) throw apiErrorOf(0, null);
  }
}
