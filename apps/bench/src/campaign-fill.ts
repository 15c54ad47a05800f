import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { AppendCaseEventInput } from '#contracts';
import { CATEGORY_CODES } from '#domain';
import { CaseEventEntity, chainedEvent, GENESIS_HASH } from '#persistence';
import { CASE_PATHS, casePathEvents, randomNumbers, type CasePath } from './case-paths.js';

const DAY_MS = 86_400_000;

/** How a campaign some ten months in stands: most cases still open, a fifth certified, a few out. */
const PATH_SHARES: Readonly<Record<CasePath, number>> = {
  certified: 0.2,
  revoked: 0.01,
  not_certified: 0.04,
  not_recommended: 0.05,
  withdrawn: 0.04,
  rectified_then_recommended: 0.08,
  open_rectification: 0.08,
  open_inspection: 0.12,
  open_self_assessment: 0.1,
  open_cultivation: 0.16,
  open_cultivation_no_due_date: 0.02,
  open_passed: 0.1,
};

function pathFor(share: number): CasePath {
  let sum = 0;
  for (const path of CASE_PATHS) {
    sum += PATH_SHARES[path];
    if (share < sum) return path;
  }
  return 'open_cultivation';
}

/**
 * A campaign's cases, each as the events of its path: enrolled over its first two months, ten months ago, each moving
 * on since at its own pace (so that the open ones entered their stages at every point of the year), due dates 20 to 120
 * days after each entry, and as many progress reports as bring the total near `events`.
 */
export function* campaignCases(campaignId: string, size: { readonly cases: number; readonly events: number }): Generator<AppendCaseEventInput[]> {
  const random = randomNumbers(20_191_231);
  const now = Date.now();
  const startedAt = now - 300 * DAY_MS;
  const perCase = size.events / size.cases;
  for (let index = 0; index < size.cases; index += 1) {
    const enrolledAt = new Date(startedAt + Math.floor(random() * 60 * DAY_MS));
    const input = {
      campaignId,
      unitId: randomUUID(),
      unitName: `基准单位 ${String(index).padStart(5, '0')}`,
      category: CATEGORY_CODES[index % CATEGORY_CODES.length] ?? 'village',
      path: pathFor(random()),
      enrolledAt,
      step: () => 0,
      dueInDays: 20 + Math.floor(random() * 100),
    };
    const withReports = { ...input, progressReports: Math.max(0, Math.round(perCase * (0.5 + random())) - casePathEvents(input).length) };
    // Steps spread over the time since enrollment, the last of them in the past three months.
    const pace = (now - enrolledAt.getTime() - random() * 90 * DAY_MS) / casePathEvents(withReports).length;
    yield casePathEvents({ ...withReports, step: () => Math.floor(pace * (0.5 + random())) });
  }
}

/** Inserts the cases' events hash-chained, in bulk (no read model: rebuild the projections after); answers the events written. */
export async function insertChainedInBulk(orm: MikroORM, cases: Iterable<AppendCaseEventInput[]>): Promise<number> {
  let events = 0;
  let batch: CaseEventEntity[] = [];
  const flush = async (): Promise<void> => {
    await orm.em.fork().insertMany(CaseEventEntity, batch);
    batch = [];
  };
  for (const ofCase of cases) {
    let prevHash = GENESIS_HASH;
    for (const event of ofCase) {
      const entity = chainedEvent(event, prevHash);
      prevHash = entity.hash;
      batch.push(entity);
    }
    events += ofCase.length;
    // 2,000 rows of 12 columns: within SQLite’s limit of bound parameters in one statement.
    if (batch.length >= 2000) await flush();
  }
  if (batch.length) await flush();
  return events;
}
