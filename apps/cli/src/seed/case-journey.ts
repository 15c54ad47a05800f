import { indicatorsOf, type DeadlineKind, type IndicatorFramework } from '#domain';

/**
 * The steps of a case as the api takes them: each step's path and body, written once for everything that drives
 * cases over HTTP (the demo, the tests). `W` is whatever names the person sending a step (a bearer token, headers).
 */

/** Sends one step as `as`; resolves once the api has recorded it, rejects when the api refuses it. */
export type SendStep<W> = (path: string, body: unknown, as: W) => Promise<unknown>;

export interface ScoreSheetBody {
  readonly scores: readonly { readonly indicatorCode: string; readonly points: number; readonly evidence: readonly string[] }[];
  readonly vetoes?: readonly string[];
}

/** Every indicator of the framework scored at `share` of its weight, each with a note as evidence. */
export function uniformSheet(framework: IndicatorFramework, share: number, evidence: readonly string[] = ['台账']): ScoreSheetBody {
  return {
    scores: indicatorsOf(framework).map((indicator) => ({ indicatorCode: indicator.code, points: indicator.weight * share, evidence })),
  };
}

/** The steps of one case, each sent as the person named. */
export function caseSteps<W>(send: SendStep<W>, caseId: string) {
  const c = `/cases/${caseId}`;
  const documents = (documentIds: readonly string[] = []) => (documentIds.length ? { documentIds } : {});
  return {
    submitPlan: (contact: W, summary: string, documentIds?: readonly string[]) => send(`${c}/plan`, { summary, ...documents(documentIds) }, contact),
    approvePlan: (office: W) => send(`${c}/plan/review`, { approve: true }, office),
    returnPlan: (office: W, reason: string) => send(`${c}/plan/review`, { approve: false, reason }, office),
    submitProgressReport: (contact: W, summary: string) => send(`${c}/progress-reports`, { summary }, contact),
    declareReady: (contact: W) => send(`${c}/readiness`, {}, contact),
    assignAssessors: (office: W, assessorIds: readonly string[], reason?: string) =>
      send(`${c}/assessors`, { assessorIds, ...(reason === undefined ? {} : { reason }) }, office),
    submitSelfAssessment: (contact: W, sheet: ScoreSheetBody) => send(`${c}/self-assessment`, sheet, contact),
    submitInspectionScores: (assessor: W, sheet: ScoreSheetBody, findings: readonly string[] = []) =>
      send(`${c}/inspection-scores`, { ...sheet, ...(findings.length ? { findings } : {}) }, assessor),
    submitRectification: (contact: W, summary: string) => send(`${c}/rectification`, { summary }, contact),
    recommend: (office: W, batch?: string) => send(`${c}/recommendation`, batch === undefined ? {} : { batch }, office),
    certify: (reviewer: W, decision: { readonly documentNumber: string; readonly certifiedOn: string; readonly documentIds?: readonly string[] }) =>
      send(
        `${c}/jinhua-decision`,
        { certified: true, documentNumber: decision.documentNumber, certifiedOn: decision.certifiedOn, ...documents(decision.documentIds) },
        reviewer,
      ),
    declineCertification: (reviewer: W, reason: string) => send(`${c}/jinhua-decision`, { certified: false, reason }, reviewer),
    recordAnnualReview: (reviewer: W, year: number, summary: string) => send(`${c}/annual-reviews`, { year, summary }, reviewer),
    revoke: (office: W, reason: string) => send(`${c}/revocation`, { reason }, office),
    withdraw: (office: W, reason: string) => send(`${c}/withdrawal`, { reason }, office),
    extendDeadline: (office: W, deadline: DeadlineKind, dueOn: string, reason: string) => send(`${c}/deadline-extensions`, { deadline, dueOn, reason }, office),
  };
}

export type CaseSteps<W> = ReturnType<typeof caseSteps<W>>;

/** The office and the unit's contact: who take a case through cultivation. */
export interface UnitAndOffice<W> {
  readonly office: W;
  readonly contact: W;
}

/**
 * Cultivation to self-assessment: the unit's contact files the plan, the office approves it, the contact files a
 * progress report and declares the unit ready.
 */
export async function completeCultivation<W>(
  steps: CaseSteps<W>,
  people: UnitAndOffice<W>,
  summaries: { readonly plan: string; readonly progress: string } = { plan: '方案', progress: '进度' },
): Promise<void> {
  await steps.submitPlan(people.contact, summaries.plan);
  await steps.approvePlan(people.office);
  await steps.submitProgressReport(people.contact, summaries.progress);
  await steps.declareReady(people.contact);
}

/** An assessor: the account id the office assigns, and whatever sends its steps. */
export interface Assessor<W> {
  readonly id: string;
  readonly as: W;
}

/**
 * Cultivation to 推荐 (recommended), as the people who take each step: cultivation, the office assigns the two
 * assessors, the contact files the self-assessment, both assessors score `share` of every weight (pass), the office
 * recommends it.
 */
export async function recommendCase<W>(
  steps: CaseSteps<W>,
  people: UnitAndOffice<W>,
  framework: IndicatorFramework,
  assessors: readonly [Assessor<W>, Assessor<W>],
  share = 0.95,
): Promise<void> {
  const sheet = uniformSheet(framework, share);
  await completeCultivation(steps, people);
  await steps.assignAssessors(
    people.office,
    assessors.map((assessor) => assessor.id),
  );
  await steps.submitSelfAssessment(people.contact, sheet);
  for (const assessor of assessors) await steps.submitInspectionScores(assessor.as, sheet);
  await steps.recommend(people.office);
}
