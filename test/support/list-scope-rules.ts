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
  readonly keeps?: (item: Item, value: string) => boolean;
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
      ...PAGING,
      sort: { values: 'documented' },
      order: { values: 'documented' },
    },
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
    parameters: { accountId: { values: (fixture) => [...fixture.accountIds, randomUUID()], keeps: same('accountId') } },
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
