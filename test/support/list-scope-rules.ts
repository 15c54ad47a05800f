import { randomUUID } from 'node:crypto';
import type { CaseStage, HumanRole } from '#domain';
import type { AuthHeaders } from './stack.js';

/**
 * The rules the list-scope tests hold every list of the api to: who the callers are, what each sees with no filter
 * (written out by hand from the README's access rules, not derived from the code under test), and which items each
 * query parameter's value keeps.
 */

export type Item = Record<string, unknown>;

export interface Caller {
  readonly role: HumanRole;
  readonly id: string;
  readonly unitId: string | null;
  readonly headers: AuthHeaders;
}

export interface FixtureCase {
  readonly caseId: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly category: string;
  readonly stage: CaseStage;
  readonly planStatus: string;
  readonly assessorIds: readonly string[];
  readonly conflictedAssessorIds: readonly string[];
  readonly inspection: { readonly submittedBy: readonly string[] } | null;
}

export interface Fixture {
  readonly campaigns: readonly { id: string; year: number }[];
  readonly unitNames: readonly string[];
  /** The cases as their workflows report them (GET /api/cases/{caseId}), not as the lists do. */
  readonly cases: readonly FixtureCase[];
  /** Every account id, as the administrator lists them. */
  readonly accountIds: readonly string[];
  /** Each in-app notice (by the marker in its caseId field) and the accounts it went to. */
  readonly notices: ReadonlyMap<string, readonly string[]>;
}

/** The scope rules of the README (Accounts and access), written out here rather than taken from the code they check. */
export const JINHUA_STAGES: readonly CaseStage[] = ['recommended', 'certified', 'not_certified', 'revoked'];
export function inScope(caller: Caller, c: FixtureCase): boolean {
  switch (caller.role) {
    case 'administrator':
    case 'auditor':
      return true;
    case 'unit_contact':
      return c.unitId === caller.unitId;
    case 'assessor':
      return c.assessorIds.includes(caller.id) && !c.conflictedAssessorIds.includes(caller.id);
    case 'jinhua_reviewer':
      return JINHUA_STAGES.includes(c.stage);
  }
}

/**
 * 我的待办 (the README's API table): whether the case waits on the caller. Unit contacts owe their plan (unless it
 * awaits review), progress reports, self-assessment and rectification; the office reviews plans, assigns assessors
 * while fewer than two can inspect, recommends passed units; assessors score an inspection they have not scored yet;
 * Jinhua decides recommended units; auditors owe nothing.
 */
export function waitsOn(caller: Caller, c: FixtureCase): boolean {
  if (!inScope(caller, c)) return false;
  const inspectors = c.assessorIds.filter((id) => !c.conflictedAssessorIds.includes(id)).length;
  switch (caller.role) {
    case 'unit_contact':
      return (c.stage === 'cultivation' && c.planStatus !== 'submitted') || c.stage === 'self_assessment' || c.stage === 'rectification';
    case 'administrator':
      return (
        (c.stage === 'cultivation' && c.planStatus === 'submitted') ||
        ((c.stage === 'self_assessment' || c.stage === 'inspection') && inspectors < 2) ||
        c.stage === 'passed'
      );
    case 'assessor':
      return c.stage === 'inspection' && inspectors >= 2 && !c.inspection?.submittedBy.includes(caller.id);
    case 'jinhua_reviewer':
      return c.stage === 'recommended';
    case 'auditor':
      return false;
  }
}

export interface Parameter {
  /** The values to try; 'documented': every value of the parameter's enum in the OpenAPI document. */
  readonly values: 'documented' | ((fixture: Fixture, caller: Caller) => readonly (string | number)[]);
  /** Sent along with each value (pages of one item, so that there are several). */
  readonly with?: Readonly<Record<string, string>>;
  /**
   * Which items of the unfiltered list the value keeps: the answer must be exactly those. Absent for a parameter
   * that orders or pages: the answer must then be the whole list, or for `page` a part of it.
   */
  readonly keeps?: (item: Item, value: string, fixture: Fixture) => boolean;
  /**
   * Whether every case the filter can select lies in the caller's scope (no value can leak anything to them), so the
   * check that every filter has something to leak skips them.
   */
  readonly withinScopeOf?: (fixture: Fixture, caller: Caller) => boolean;
}

export interface ListRule {
  /** The field naming an item. */
  readonly key: string;
  /** What the caller sees with no parameter: these keys, 'everything' the administrator sees, or 'forbidden' (403). */
  readonly visible: (fixture: Fixture, caller: Caller) => readonly string[] | 'everything' | 'forbidden';
  /** Every query parameter the document gives the list, with the values to try. */
  readonly parameters: Readonly<Record<string, Parameter>>;
}

export const only =
  (...roles: HumanRole[]) =>
  (_fixture: Fixture, caller: Caller) =>
    roles.includes(caller.role) ? 'everything' : 'forbidden';
export const PAGING: Record<string, Parameter> = {
  page: { values: (fixture) => fixture.cases.map((_, index) => index + 1).concat(fixture.cases.length + 1), with: { pageSize: '1' } },
  pageSize: { values: () => [1, 2, 100] },
};
export const same = (field: string) => (item: Item, value: string) => String(item[field]) === value;

/** Today in Asia/Shanghai (the fixture's records were all made today). */
const shanghaiToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/**
 * `from` and `to` of a log (the README: an instant with its offset, or a date meaning that whole day in Asia/Shanghai):
 * long before, today and long after, as dates and as instants.
 */
export const TIME_RANGE: Record<string, Parameter> = {
  from: {
    values: () => ['2019-01-01', shanghaiToday(), '2099-01-01', '2019-01-01T00:00:00Z', '2099-01-01T08:00:00+08:00'],
    keeps: (item, value) => Date.parse(String(item.occurredAt)) >= Date.parse(value.length === 10 ? `${value}T00:00:00+08:00` : value),
  },
  to: {
    values: () => ['2019-01-01', shanghaiToday(), '2099-01-01', '2019-01-01T00:00:00Z', '2099-01-01T08:00:00+08:00'],
    keeps: (item, value) =>
      value.length === 10
        ? Date.parse(String(item.occurredAt)) < Date.parse(`${value}T00:00:00+08:00`) + 86_400_000
        : Date.parse(String(item.occurredAt)) <= Date.parse(value),
  },
};

/** Stages after which nothing more happens in a campaign (the README's case path: the ends other than 认定). */
const FINAL_STAGES: readonly string[] = ['not_recommended', 'not_certified', 'revoked', 'withdrawn'];
/**
 * A list item's due status, or a fixture case's: every fixture case was enrolled today, so one with a due date for its
 * current stage is months from it (on track), and one without has none.
 */
const dueStatusOf = (item: Item): string =>
  typeof item.dueStatus === 'string'
    ? item.dueStatus
    : (item.deadlines as Record<string, string> | undefined)?.[String(item.stage)]
      ? 'on_track'
      : 'no_due_date';
/** A list item's certification date, or a fixture case's. */
const certifiedOnOf = (item: Item): string | null =>
  'certifiedOn' in item ? (item.certifiedOn as string | null) : ((item.certification as { certifiedOn: string } | null | undefined)?.certifiedOn ?? null);
/** Certification dates select only cases once certified: a Jinhua reviewer sees all of them, and so may an assessor. */
const seesEveryCertifiedCase = (fixture: Fixture, caller: Caller) =>
  fixture.cases.filter((c) => certifiedOnOf({ ...c }) !== null).every((c) => inScope(caller, c));

/**
 * Every list of the api and how to check it. A GET without a path parameter that answers a list or a page (by the
 * document, or by what it answers) must be here, with exactly the query parameters the document gives it.
 */
export const LISTS: Readonly<Record<string, ListRule>> = {
  'GET /api/cases': {
    key: 'caseId',
    visible: (fixture, caller) => fixture.cases.filter((c) => inScope(caller, c)).map((c) => c.caseId),
    parameters: {
      campaignId: { values: (fixture) => [...fixture.campaigns.map((campaign) => campaign.id), randomUUID()], keeps: same('campaignId') },
      category: { values: 'documented', keeps: same('category') },
      stage: { values: 'documented', keeps: same('stage') },
      // Whole names, their beginnings, what several share, a name nobody has, and the LIKE wildcards (dropped:
      // libs/persistence/src/like-pattern.ts, so they match every name).
      q: {
        values: (fixture) => [...fixture.unitNames.flatMap((name) => [name, name.slice(0, 2)]), '村', '无此单位', '%', '_'],
        keeps: (item, value) => String(item.unitName).includes(value.replace(/[%_]/g, '')),
      },
      dueStatus: { values: 'documented', keeps: (item, value) => dueStatusOf(item) === value },
      open: { values: 'documented', keeps: (item, value) => FINAL_STAGES.includes(String(item.stage)) !== (value === 'true') },
      certifiedFrom: {
        values: () => ['2000-01-01', '2019-12-20', '2019-12-21'],
        keeps: (item, value) => (certifiedOnOf(item) ?? '') >= value && certifiedOnOf(item) !== null,
        withinScopeOf: seesEveryCertifiedCase,
      },
      certifiedTo: {
        values: () => ['2019-12-19', '2019-12-20', '2099-12-31'],
        keeps: (item, value) => certifiedOnOf(item) !== null && (certifiedOnOf(item) ?? '') <= value,
        withinScopeOf: seesEveryCertifiedCase,
      },
      // The day only changes how near each due date is, never which cases there are.
      asOf: { values: () => ['2019-10-08', '2027-12-31'] },
      ...PAGING,
      sort: { values: 'documented' },
      order: { values: 'documented' },
    },
  },
  // The fixture keeps no saved view: everyone's list is empty (the ledger tests share views by role).
  'GET /api/saved-views': { key: 'id', visible: () => [], parameters: {} },
  // The fixture starts no bulk action: the office and auditors see an empty list, the others may not look.
  'GET /api/bulk-actions': {
    key: 'id',
    visible: (_fixture, caller) => (['administrator', 'auditor'].includes(caller.role) ? [] : 'forbidden'),
    parameters: { ...PAGING },
  },
  'GET /api/campaigns': {
    key: 'id',
    visible: () => 'everything',
    parameters: { year: { values: (fixture) => [...fixture.campaigns.map((campaign) => campaign.year), 2031], keeps: same('year') } },
  },
  'GET /api/accounts': { key: 'id', visible: only('administrator', 'auditor'), parameters: { role: { values: 'documented', keeps: same('role') } } },
  'GET /api/account-events': {
    key: 'id',
    visible: only('administrator', 'auditor'),
    parameters: {
      accountId: { values: (fixture) => [...fixture.accountIds, randomUUID()], keeps: same('accountId') },
      type: { values: 'documented', keeps: same('type') },
      ...TIME_RANGE,
      ...PAGING,
    },
  },
  'GET /api/units': {
    key: 'id',
    // A unit contact sees their own unit (as GET /api/units/{unitId} answers them); everyone else every unit.
    visible: (_fixture, caller) => (caller.role === 'unit_contact' ? [caller.unitId ?? ''] : 'everything'),
    parameters: {
      category: { values: 'documented', keeps: same('category') },
      q: {
        values: (fixture) => [...fixture.unitNames.flatMap((name) => [name, name.slice(0, 2)]), '村', '无此单位', '%', '_'],
        keeps: (item, value) => String(item.name).includes(value.replace(/[%_]/g, '')),
      },
      // A campaign alone: the units enrolled in it; enrolled alone: in any campaign (or none).
      campaignId: {
        values: (fixture) => [...fixture.campaigns.map((campaign) => campaign.id), randomUUID()],
        keeps: (item, value, fixture) => fixture.cases.some((c) => c.campaignId === value && c.unitId === item.id),
      },
      enrolled: { values: 'documented', keeps: (item, value, fixture) => fixture.cases.some((c) => c.unitId === item.id) === (value === 'true') },
      ...PAGING,
      sort: { values: 'documented' },
      order: { values: 'documented' },
    },
  },
  'GET /api/audit/events': {
    key: 'eventId',
    visible: only('administrator', 'auditor'),
    parameters: {
      actorId: {
        values: (fixture) => [...fixture.accountIds, 'system', `api-token:${randomUUID()}`],
        keeps: (item, value) => (item.actor as { id: string }).id === value,
      },
      type: { values: 'documented', keeps: same('type') },
      caseId: { values: (fixture) => [...fixture.cases.map((c) => c.caseId), `case:${randomUUID()}:${randomUUID()}`], keeps: same('caseId') },
      campaignId: {
        values: (fixture) => [...fixture.campaigns.map((campaign) => campaign.id), randomUUID()],
        keeps: (item, value) => String(item.caseId).startsWith(`case:${value}:`),
      },
      ...TIME_RANGE,
      ...PAGING,
    },
  },
  'GET /api/api-tokens': { key: 'id', visible: only('administrator'), parameters: {} },
  'GET /api/schedules': { key: 'id', visible: only('administrator', 'auditor'), parameters: {} },
  'GET /api/frameworks': { key: 'category', visible: () => 'everything', parameters: {} },
  'GET /api/me/tasks': {
    key: 'caseId',
    visible: (fixture, caller) => fixture.cases.filter((c) => waitsOn(caller, c)).map((c) => c.caseId),
    // The day only changes how near each due date is, never which tasks there are.
    parameters: { asOf: { values: () => ['2019-10-08', '2027-12-31'] }, ...PAGING },
  },
  'GET /api/inbox': {
    key: 'caseId',
    visible: (fixture, caller) => [...fixture.notices].filter(([, to]) => to.includes(caller.id)).map(([marker]) => marker),
    parameters: { unread: { values: 'documented', keeps: (item, value) => value === 'false' || item.readAt === null }, ...PAGING },
  },
};

export const CALLERS = [
  'administrator',
  'auditor',
  'unit contact of 东湖村',
  'unit contact of 西山医院',
  'api token of 西山医院 (unit contact)',
  'assessor alice',
  'assessor bob',
  'assessor carol',
  'Jinhua reviewer',
] as const;
