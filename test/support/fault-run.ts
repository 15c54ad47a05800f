import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDate, type CaseEventType, type CaseStage } from '#domain';
import { ApiClient, type ApiCall } from '../../apps/cli/src/seed/api-client.js';
import { assignDemoPaths, DEMO_PATH_STAGES, DEMO_SEED, demoPathCounts, type DemoPath } from '../../apps/cli/src/seed/demo-paths.js';
import { prepareDemoCampaign, walkDemoPaths } from '../../apps/cli/src/seed/demo-seed.js';
import { YONGKANG_2019_UNITS } from '../../apps/cli/src/seed/yongkang-2019.js';
import { TEST_ADMIN } from './stack.js';

/** How many cases a fault run drives: FAULT_CASES (the full run: `npm run test:faults:full`), else the small size of `npm test`. */
export function faultRunCases(): number {
  const given = Number(process.env.FAULT_CASES ?? 30);
  if (!Number.isInteger(given) || given < 22 || given > YONGKANG_2019_UNITS.length) {
    throw new Error(`FAULT_CASES must be a whole number from 22 to ${YONGKANG_2019_UNITS.length}`);
  }
  return given;
}

/** What the run has done so far, for faults that strike once the run is under way. */
export interface RunProgress {
  /** Resolves once `count` steps have been recorded. */
  readonly untilSteps: (count: number) => Promise<void>;
}

export interface FaultRunReport {
  readonly cases: number;
  readonly steps: number;
  /** The longest a step's caller waited for its answer, retries included (ms). */
  readonly longestStepWaitMs: number;
  readonly stepWaitP50Ms: number;
  /** The three steps that took longest: what, each try's status, how long. */
  readonly slowestSteps: readonly Pick<ApiCall, 'path' | 'statuses' | 'tryMs' | 'waitedMs'>[];
  /** Steps that needed more than one try. */
  readonly retriedSteps: number;
  /** How many tries got each status (0: no answer). */
  readonly statuses: Readonly<Record<string, number>>;
  /** Calls that did not end in success (each a failure of the run). */
  readonly failedCalls: readonly ApiCall[];
  /** Per case, what is wrong with it (empty when every case is as its path says). */
  readonly caseProblems: readonly string[];
  readonly auditOk: boolean;
}

/** The event a step records, by the end of its path and what it says. */
function stepEvent(call: ApiCall): CaseEventType | null {
  const step = /^\/cases\/[^/]+\/(.+)$/.exec(call.path)?.[1];
  const body = (call.body ?? {}) as { approve?: boolean; certified?: boolean };
  switch (step) {
    case 'plan':
      return 'PlanSubmitted';
    case 'plan/review':
      return body.approve ? 'PlanApproved' : 'PlanReturned';
    case 'progress-reports':
      return 'ProgressReportSubmitted';
    case 'readiness':
      return 'ReadinessDeclared';
    case 'assessors':
      return 'AssessorsAssigned';
    case 'self-assessment':
      return 'SelfAssessmentSubmitted';
    case 'inspection-scores':
      return 'InspectionScoresSubmitted';
    case 'rectification':
      return 'RectificationSubmitted';
    case 'recommendation':
      return 'Recommended';
    case 'jinhua-decision':
      return body.certified ? 'Certified' : 'NotCertified';
    case 'annual-reviews':
      return 'AnnualReviewRecorded';
    case 'revocation':
      return 'Revoked';
    case 'withdrawal':
      return 'Withdrawn';
    case 'deadline-extensions':
      return 'DeadlineExtended';
    default:
      return null;
  }
}

const percentile = (sorted: readonly number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

/**
 * Drives `cases` cases of the demo's campaign along the demo's mix of paths (demo-paths.ts), six at a time, each step
 * as the person who takes it, through a client that retries as a browser or an integration would (same
 * Idempotency-Key), while `faults` strikes the system. Then checks every case: at its path's stage, every step's event
 * recorded exactly once, the whole audit trail verifying. The report goes to `var/reports/faults/<name>.json` as well.
 */
export async function runThroughFaults(
  system: { readonly apiUrl: string; readonly logTail?: (lines?: number) => string },
  name: string,
  cases: number,
  faults: (progress: RunProgress) => Promise<void>,
): Promise<FaultRunReport> {
  try {
    return await driveThroughFaults(system.apiUrl, name, cases, faults);
  } catch (error) {
    // What the processes said last, for a run that broke off (a refusal, a call that gave up).
    if (error instanceof Error && system.logTail) error.message += `\n${system.logTail(30)}`;
    throw error;
  }
}

/** How long a test may take that starts a system and drives a fault run through it at full size on a busy machine. */
export const FAULT_RUN_TIMEOUT_MS = 900_000;

async function driveThroughFaults(apiUrl: string, name: string, cases: number, faults: (progress: RunProgress) => Promise<void>): Promise<FaultRunReport> {
  const calls: ApiCall[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  let steps = 0;
  const client = new ApiClient(apiUrl, {
    giveUpAfterMs: 180_000,
    onCall: (call) => {
      calls.push(call);
      if (call.status >= 200 && call.status < 300 && stepEvent(call) !== null) {
        steps += 1;
        for (const waiter of waiting.filter((each) => each.count <= steps)) waiter.resolve();
      }
    },
  });
  const units = YONGKANG_2019_UNITS.slice(0, cases);
  const campaign = await prepareDemoCampaign(client, TEST_ADMIN, () => undefined, units);
  const setupCalls = calls.length;
  const assigned = assignDemoPaths(units, DEMO_SEED, demoPathCounts(cases));
  const today = () => shanghaiDate(new Date());
  const progress: RunProgress = {
    untilSteps: (count) =>
      count <= steps
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiting.push({ count, resolve });
          }),
  };
  await Promise.all([walkDemoPaths(campaign, assigned, { today, concurrency: 6, log: () => undefined }), faults(progress)]);

  const office = campaign.cast.office;
  const driven = calls.slice(setupCalls);
  const caseProblems: string[] = [];
  for (const { unit, path } of assigned) {
    const demoCase = campaign.caseOf.get(unit.name);
    if (!demoCase) {
      caseProblems.push(`${unit.name}: not enrolled`);
      continue;
    }
    caseProblems.push(...(await checkCase(client, office, demoCase.caseId, path, driven)));
  }
  const audit = await client.get<{ ok: boolean }>('/audit/verify', office);

  const stepCalls = driven.filter((call) => stepEvent(call) !== null).sort((a, b) => a.waitedMs - b.waitedMs);
  const stepWaits = stepCalls.map((call) => call.waitedMs);
  const statuses: Record<string, number> = {};
  for (const status of driven.flatMap((call) => call.statuses)) statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
  const report: FaultRunReport = {
    cases,
    steps: stepWaits.length,
    longestStepWaitMs: stepWaits.at(-1) ?? 0,
    stepWaitP50Ms: percentile(stepWaits, 0.5),
    slowestSteps: stepCalls
      .slice(-3)
      .reverse()
      .map(({ path, statuses, tryMs, waitedMs }) => ({ path, statuses, tryMs, waitedMs })),
    retriedSteps: driven.filter((call) => stepEvent(call) !== null && call.statuses.length > 1).length,
    statuses,
    failedCalls: calls.filter((call) => call.status < 200 || call.status >= 300),
    caseProblems,
    auditOk: audit.ok,
  };
  mkdirSync(join(process.cwd(), 'var/reports/faults'), { recursive: true });
  writeFileSync(join(process.cwd(), 'var/reports/faults', `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** What is wrong with one case: its stage, and its people's events against the steps that were answered. */
async function checkCase(client: ApiClient, office: string, caseId: string, path: DemoPath, calls: readonly ApiCall[]): Promise<string[]> {
  const problems: string[] = [];
  const state = await client.get<{ stage: CaseStage }>(`/cases/${caseId}`, office);
  if (state.stage !== DEMO_PATH_STAGES[path]) problems.push(`${caseId} (${path}): stage ${state.stage}, expected ${DEMO_PATH_STAGES[path]}`);
  const expected = [
    'CaseEnrolled',
    ...calls
      .filter((call) => call.path.startsWith(`/cases/${caseId}/`) && call.status >= 200 && call.status < 300)
      .map(stepEvent)
      .filter((type): type is CaseEventType => type !== null),
  ];
  const events = await client.get<{ type: CaseEventType; actor: { role: string } }[]>(`/cases/${caseId}/events`, office);
  const recorded = events.filter((event) => event.actor.role !== 'system').map((event) => event.type);
  if (JSON.stringify(recorded) !== JSON.stringify(expected)) {
    problems.push(`${caseId} (${path}): people's events ${recorded.join(',')}, expected ${expected.join(',')}`);
  }
  return problems;
}

/** What a clean run looks like: no call failed, every case as its path says, the audit trail whole. */
export function faultsOf(report: FaultRunReport): { failedCalls: readonly ApiCall[]; caseProblems: readonly string[]; auditOk: boolean } {
  return { failedCalls: report.failedCalls, caseProblems: report.caseProblems, auditOk: report.auditOk };
}

export const CLEAN_RUN = { failedCalls: [], caseProblems: [], auditOk: true } as const;
