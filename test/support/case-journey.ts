import type { CategoryCode, IndicatorFramework } from '#domain';
import * as journey from '../../apps/cli/src/seed/case-journey.js';
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

/** The steps of a case on the stack, each of which must answer 200. */
export function stepsOf(stack: RunningStack, caseId: string): journey.CaseSteps<AuthHeaders> {
  return journey.caseSteps<AuthHeaders>((path, body, as) => expectStatus(stack.http.post(path, body, as)), caseId);
}

/**
 * Takes a case through cultivation to self-assessment: the unit's contact files the plan, the office approves it,
 * the contact files a progress report and declares the unit ready. `summaries` are the texts the contact files.
 */
export async function completeCultivation(
  stack: RunningStack,
  caseId: string,
  summaries?: { readonly plan: string; readonly progress: string },
): Promise<void> {
  await journey.completeCultivation(stepsOf(stack, caseId), { office: stack.actors.admin, contact: await stack.contactOf(caseId) }, summaries);
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
  await journey.recommendCase(stepsOf(stack, caseId), { office: stack.actors.admin, contact: await stack.contactOf(caseId) }, framework, [
    { id: assessors[0].id, as: assessors[0].headers },
    { id: assessors[1].id, as: assessors[1].headers },
  ]);
}
