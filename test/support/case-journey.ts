import { indicatorsOf, type CategoryCode, type IndicatorFramework } from '#domain';
import type { HttpResult } from './http.js';
import type { AuthHeaders, RunningStack } from './stack.js';

/** An assessor account: its id (to assign it) and a session (to score). */
export interface AssessorSession {
  readonly id: string;
  readonly headers: AuthHeaders;
}

/** The body of a request that must answer `status`, else an error naming what it got. */
export async function expectStatus<T>(result: Promise<HttpResult<T>>, status = 200): Promise<T> {
  const answer = await result;
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * Takes a case through cultivation to self-assessment: the unit's contact files the plan, the office approves it,
 * the contact files a progress report and declares the unit ready. `summaries` are the texts the contact files.
 */
export async function completeCultivation(
  stack: RunningStack,
  caseId: string,
  summaries: { readonly plan: string; readonly progress: string } = { plan: '方案', progress: '进度' },
): Promise<void> {
  const c = `/cases/${caseId}`;
  const contact = await stack.contactOf(caseId);
  await expectStatus(stack.http.post(`${c}/plan`, { summary: summaries.plan }, contact));
  await expectStatus(stack.http.post(`${c}/plan/review`, { approve: true }));
  await expectStatus(stack.http.post(`${c}/progress-reports`, { summary: summaries.progress }, contact));
  await expectStatus(stack.http.post(`${c}/readiness`, {}, contact));
}

/**
 * Takes a case in cultivation to 推荐 (recommended) through the api, as the people who take each step: the unit's
 * contact files the plan, a progress report, readiness and the self-assessment; the office approves the plan and
 * assigns the two assessors, who both score 95 %; the office recommends it.
 */
export async function recommendCase(
  stack: RunningStack,
  caseId: string,
  category: CategoryCode,
  assessors: readonly [AssessorSession, AssessorSession],
): Promise<void> {
  const framework = await expectStatus(stack.http.get<IndicatorFramework>(`/frameworks/${category}/2019.1`));
  const sheet = {
    scores: indicatorsOf(framework).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * 0.95, evidence: ['台账'] })),
  };
  const c = `/cases/${caseId}`;
  const contact = await stack.contactOf(caseId);
  await completeCultivation(stack, caseId);
  await expectStatus(stack.http.post(`${c}/assessors`, { assessorIds: assessors.map((assessor) => assessor.id) }));
  await expectStatus(stack.http.post(`${c}/self-assessment`, sheet, contact));
  for (const assessor of assessors) await expectStatus(stack.http.post(`${c}/inspection-scores`, sheet, assessor.headers));
  await expectStatus(stack.http.post(`${c}/recommendation`, {}));
}
