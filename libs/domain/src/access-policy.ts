import { ACTOR_ROLES, type Actor, type ActorRole } from './actors.js';
import { CASE_STEP_ROLES, CASE_STEPS, type CaseStep } from './case-rules.js';
import type { CaseState } from './case-state.js';
import type { CaseStage } from './stages.js';

/**
 * The access policy (权限策略): which role may use which part of the api, and which cases each person may see
 * and act on. The roles allowed to take a case step come from CASE_STEP_ROLES; this module adds scope (which
 * cases) and read access. Pure: the api's guard asks it, the case rules in the workflow check again.
 */

/** The roles a person or integration can hold (the system actor is the engine itself). */
export type HumanRole = Exclude<ActorRole, 'system'>;
export const HUMAN_ROLES = ACTOR_ROLES.filter((role): role is HumanRole => role !== 'system');

/** Who is asking: the authenticated account (or api token), with the unit a unit contact belongs to. */
export interface Principal extends Actor {
  readonly role: HumanRole;
  /** The unit of a unit contact; null for every other role. */
  readonly unitId: string | null;
}

const EVERYONE = HUMAN_ROLES;
const OFFICE = ['administrator'] as const satisfies readonly HumanRole[];
const OVERSIGHT = ['administrator', 'auditor'] as const satisfies readonly HumanRole[];
/** The program office, and a unit's own contact within the unit scope (unitInScope). */
const OFFICE_AND_UNIT = ['administrator', 'unit_contact'] as const satisfies readonly HumanRole[];

/** Permissions outside a single case's steps. Case steps are `case:<step>`, granted by CASE_STEP_ROLES. */
export const PERMISSION_ROLES = {
  'units:create': OFFICE,
  'units:read': EVERYONE,
  /** A unit's own group-chat robot (单位工作群机器人): see, set, remove; a unit contact only for their unit. */
  'units:group-chat': OFFICE_AND_UNIT,
  'campaigns:create': OFFICE,
  /** Editing a campaign's name and settings (cases keep the settings they were enrolled with). */
  'campaigns:update': OFFICE,
  'campaigns:read': EVERYONE,
  'campaigns:statistics': OVERSIGHT,
  'campaigns:enroll': CASE_STEP_ROLES.enroll,
  /** Reading cases; which ones is decided by the case scope. */
  'cases:read': EVERYONE,
  /**
   * 台账导出 and 认定名单: the whole filtered ledger (or a campaign's certified units) as a file, within one's case
   * scope — exactly what the case list already pages through, so every role that reads cases may take it away.
   */
  'cases:export': EVERYONE,
  /** 保存的视图: one's own ledger views, and read-only those shared with one's role. */
  'saved-views:own': EVERYONE,
  'frameworks:read': EVERYONE,
  /** The working-day calendar (public holidays and adjusted working weekends). */
  'calendar:read': EVERYONE,
  'audit:verify': OVERSIGHT,
  /** 审计日志: the events of every case, filtered by person, type and time. */
  'audit:read': OVERSIGHT,
  'schedules:read': OVERSIGHT,
  /** The api's Prometheus metrics (an auditor's api token is a scraper's credential). */
  'metrics:read': OVERSIGHT,
  'schedules:manage': OFFICE,
  'accounts:manage': OFFICE,
  'accounts:read': OVERSIGHT,
  'api-tokens:manage': OFFICE,
  /** One's own session: who am I, log out. */
  'session:own': EVERYONE,
  /** One's own in-app notices (站内通知) and notification preferences. */
  'inbox:own': EVERYONE,
  /** 我的待办: the steps that wait on oneself, within one's case scope (the auditor's list is empty). */
  'tasks:own': EVERYONE,
  /** 文件: reading a document, within the scope of the case it belongs to. */
  'documents:read': EVERYONE,
  /** Uploading a document to a case in scope: everyone who takes steps that rest on documents (not the read-only auditor). */
  'documents:upload': ['administrator', 'unit_contact', 'assessor', 'jinhua_reviewer'],
  /** 批量操作: one step over many cases (extend due dates, urge, assign assessors), taken as the administrator who starts it. */
  'bulk-actions:start': OFFICE,
  /** Bulk actions and their per-case results. */
  'bulk-actions:read': OVERSIGHT,
  /** GET /api/health beyond its public status: each dependency, why it is down, the polling workers. */
  'health:read': OVERSIGHT,
} as const satisfies Record<string, readonly HumanRole[]>;

export type Permission = keyof typeof PERMISSION_ROLES | `case:${CaseStep}`;

function rolesFor(permission: Permission): readonly ActorRole[] {
  if (permission.startsWith('case:')) {
    const step = permission.slice('case:'.length) as CaseStep;
    return CASE_STEP_ROLES[step];
  }
  return PERMISSION_ROLES[permission as keyof typeof PERMISSION_ROLES];
}

/** Every permission there is (the api's routes each declare one of them). */
export const PERMISSIONS: readonly Permission[] = [
  ...(Object.keys(PERMISSION_ROLES) as (keyof typeof PERMISSION_ROLES)[]),
  ...CASE_STEPS.map((step): Permission => `case:${step}`),
];

export function mayPerform(role: ActorRole, permission: Permission): boolean {
  return rolesFor(permission).includes(role);
}

/** The stages a Jinhua-level reviewer sees: from recommendation on. */
export const JINHUA_VISIBLE_STAGES: readonly CaseStage[] = ['recommended', 'certified', 'not_certified', 'revoked'];

/** What the policy needs to know about a case to decide who may see it. */
export type CaseScope = Pick<CaseState, 'unitId' | 'stage' | 'assessorIds' | 'conflictedAssessorIds'>;

/** Assessors who may see and act on the case: assigned, and without a declared conflict (回避). */
export function assessorsInScope(scope: Pick<CaseScope, 'assessorIds' | 'conflictedAssessorIds'>): string[] {
  return scope.assessorIds.filter((id) => !scope.conflictedAssessorIds.includes(id));
}

/** Whether the principal may see the case at all. */
export function mayReadCase(principal: Principal, scope: CaseScope): boolean {
  switch (principal.role) {
    case 'administrator':
    case 'auditor':
      return true;
    case 'unit_contact':
      return principal.unitId !== null && principal.unitId === scope.unitId;
    case 'assessor':
      return assessorsInScope(scope).includes(principal.id);
    case 'jinhua_reviewer':
      return JINHUA_VISIBLE_STAGES.includes(scope.stage);
  }
}

/**
 * The answer to "may this principal do this to this case": `hidden` when the case is outside their scope (the
 * api answers 404, so not even its existence leaks), `forbidden` when they see it but their role may not take
 * the step (403). `scope` is null when the read model has no such case: only those who see every case learn
 * that (the handler then answers its own 404).
 */
export type CaseAccess = 'allowed' | 'forbidden' | 'hidden';

/** What is done to a case: reading it, attaching a document to it (上传文件), or one of its steps. */
export type CaseAction = 'read' | 'attach' | CaseStep;

export function caseAccess(principal: Principal, scope: CaseScope | null, action: CaseAction): CaseAccess {
  const seesEverything = principal.role === 'administrator' || principal.role === 'auditor';
  if (scope === null ? !seesEverything : !mayReadCase(principal, scope)) return 'hidden';
  if (action === 'read') return 'allowed';
  return mayPerform(principal.role, action === 'attach' ? 'documents:upload' : `case:${action}`) ? 'allowed' : 'forbidden';
}

/** Which cases a list shows the principal: the same scope as mayReadCase, as a filter for the read model. */
export type CaseListScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'unit'; readonly unitId: string }
  | { readonly kind: 'assessor'; readonly assessorId: string }
  | { readonly kind: 'stages'; readonly stages: readonly CaseStage[] }
  | { readonly kind: 'none' };

export function caseListScope(principal: Principal): CaseListScope {
  switch (principal.role) {
    case 'administrator':
    case 'auditor':
      return { kind: 'all' };
    case 'unit_contact':
      return principal.unitId === null ? { kind: 'none' } : { kind: 'unit', unitId: principal.unitId };
    case 'assessor':
      return { kind: 'assessor', assessorId: principal.id };
    case 'jinhua_reviewer':
      return { kind: 'stages', stages: JINHUA_VISIBLE_STAGES };
  }
}

/**
 * Whether a route on one unit (`:unitId`) is within the principal's scope: a unit contact's is their own unit
 * only (another unit answers 404, as a case outside the scope does); the role itself is checked by mayPerform.
 */
export function unitInScope(principal: Principal, unitId: string): boolean {
  return principal.role !== 'unit_contact' || (principal.unitId !== null && principal.unitId === unitId);
}

/** Which units a list shows the principal: the same scope as unitInScope. */
export type UnitListScope = { readonly kind: 'all' } | { readonly kind: 'unit'; readonly unitId: string } | { readonly kind: 'none' };

export function unitListScope(principal: Principal): UnitListScope {
  if (principal.role !== 'unit_contact') return { kind: 'all' };
  return principal.unitId === null ? { kind: 'none' } : { kind: 'unit', unitId: principal.unitId };
}

/** A unit contact must name their unit; no other role has one. Returns the problem, or null. */
export function unitLinkProblem(role: HumanRole, unitId: string | null | undefined): { zh: string; en: string } | null {
  if (role === 'unit_contact' && !unitId) return { zh: '示范点联络人须关联所属单位', en: 'a unit contact must be linked to a unit (unitId)' };
  if (role !== 'unit_contact' && unitId) return { zh: '只有示范点联络人关联单位', en: 'only a unit contact is linked to a unit' };
  return null;
}

export function isHumanRole(value: string): value is HumanRole {
  return (HUMAN_ROLES as readonly string[]).includes(value);
}
