import type { CaseState } from './case-state.js';
import { addCalendarDays, dayOfWeek, shanghaiDate, type IsoDate } from './calendar/dates.js';
import { currentDeadline, currentDueOn } from './deadlines.js';
import { FINAL_STAGES, type CaseStage } from './stages.js';

/** One open case as the weekly digest sees it (from the case read model). */
export interface DigestCase {
  readonly caseId: string;
  readonly unitName: string;
  readonly stage: CaseStage;
  readonly state: CaseState;
  /** When the case's last event was recorded. */
  readonly lastEventAt: Date;
}

export interface DigestEntry {
  readonly caseId: string;
  readonly unitName: string;
  readonly stage: CaseStage;
  readonly dueOn: string | null;
  readonly lastEventOn: string;
}

/** 每周汇总: what an administrator should look at this week. */
export interface WeeklyDigest {
  /** The Monday-to-Sunday week (Asia/Shanghai dates) the digest covers. */
  readonly weekOf: string;
  readonly dueThisWeek: readonly DigestEntry[];
  readonly overdue: readonly DigestEntry[];
  /** Open cases with no event for `stalledAfterDays` days or more. */
  readonly stalled: readonly DigestEntry[];
  readonly stalledAfterDays: number;
  /** 期限待定: open cases whose current due date waits for the working-day calendar (an administrator may set it). */
  readonly dueDatePending: readonly DigestEntry[];
  /** How many cases each list holds in all; the lists themselves stop at the digest's length limit. */
  readonly totals: { readonly open: number; readonly dueThisWeek: number; readonly overdue: number; readonly stalled: number; readonly dueDatePending: number };
}

/** Entries per list in one digest: enough to act on, small enough for a message. */
export const DIGEST_LIST_LIMIT = 100;

const DAY_MS = 86_400_000;

/** The Monday of the week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = dayOfWeek(date);
  return addCalendarDays(date, weekday === 0 ? -6 : 1 - weekday);
}

/** Sorts the open cases into due this week, overdue and stalled, each oldest first. */
export function weeklyDigest(cases: readonly DigestCase[], now: Date, stalledAfterDays: number): WeeklyDigest {
  const today = shanghaiDate(now);
  const weekOf = mondayOf(today);
  const weekEnds = addCalendarDays(weekOf, 6);
  const stalledBefore = now.getTime() - stalledAfterDays * DAY_MS;
  const open = cases.filter((item) => !FINAL_STAGES.includes(item.stage));
  const entry = (item: DigestCase): DigestEntry => ({
    caseId: item.caseId,
    unitName: item.unitName,
    stage: item.stage,
    dueOn: currentDueOn(item.state) ?? null,
    lastEventOn: shanghaiDate(item.lastEventAt),
  });
  const byDue = (a: DigestEntry, b: DigestEntry): number => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.caseId.localeCompare(b.caseId);
  const entries = open.map(entry);
  const dueThisWeek = entries.filter((item) => item.dueOn !== null && item.dueOn >= today && item.dueOn <= weekEnds).sort(byDue);
  const overdue = entries.filter((item) => item.dueOn !== null && item.dueOn < today).sort(byDue);
  const stalled = open
    .filter((item) => item.lastEventAt.getTime() <= stalledBefore)
    .map(entry)
    .sort((a, b) => a.lastEventOn.localeCompare(b.lastEventOn) || a.caseId.localeCompare(b.caseId));
  const dueDatePending = open
    .filter((item) => item.state.pendingDeadline != null && item.state.pendingDeadline.deadline === currentDeadline(item.state))
    .map(entry)
    .sort((a, b) => a.caseId.localeCompare(b.caseId));
  return {
    weekOf,
    dueThisWeek: dueThisWeek.slice(0, DIGEST_LIST_LIMIT),
    overdue: overdue.slice(0, DIGEST_LIST_LIMIT),
    stalled: stalled.slice(0, DIGEST_LIST_LIMIT),
    stalledAfterDays,
    dueDatePending: dueDatePending.slice(0, DIGEST_LIST_LIMIT),
    totals: { open: open.length, dueThisWeek: dueThisWeek.length, overdue: overdue.length, stalled: stalled.length, dueDatePending: dueDatePending.length },
  };
}
