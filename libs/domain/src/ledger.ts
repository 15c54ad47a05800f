import type { HumanRole } from './access-policy.js';
import type { BilingualName } from './categories.js';
import type { PlanStatus } from './stages.js';

/** 台账: the columns of the case ledger, in the order the office reads them; exports and saved views name them by these keys. */
export const LEDGER_COLUMNS = [
  'unitName',
  'category',
  'stage',
  'planStatus',
  'dueOn',
  'dueStatus',
  'workingDaysLeft',
  'stageEnteredAt',
  'certifiedOn',
  'documentNumber',
  'updatedAt',
  'caseId',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

export const LEDGER_COLUMN_NAMES: Readonly<Record<LedgerColumn, BilingualName>> = {
  unitName: { zh: '单位名称', en: 'Unit' },
  category: { zh: '领域', en: 'Category' },
  stage: { zh: '阶段', en: 'Stage' },
  planStatus: { zh: '方案状态', en: 'Plan status' },
  dueOn: { zh: '当前期限', en: 'Due date' },
  dueStatus: { zh: '期限状态', en: 'Due status' },
  workingDaysLeft: { zh: '剩余工作日', en: 'Working days left' },
  stageEnteredAt: { zh: '进入本阶段', en: 'Entered the stage' },
  certifiedOn: { zh: '认定日期', en: 'Certified on' },
  documentNumber: { zh: '文号', en: 'Document number' },
  updatedAt: { zh: '最后更新', en: 'Last updated' },
  caseId: { zh: '案件编号', en: 'Case id' },
};

export function isLedgerColumn(value: string): value is LedgerColumn {
  return (LEDGER_COLUMNS as readonly string[]).includes(value);
}

/** 创建方案 status in words. */
export const PLAN_STATUS_NAMES: Readonly<Record<PlanStatus, BilingualName>> = {
  not_submitted: { zh: '未提交', en: 'Not submitted' },
  submitted: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '已通过', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** A saved view's name (保存的视图): at most this many characters, unique per owner. */
export const SAVED_VIEW_NAME_MAX = 60;
/** Saved views one account may keep. */
export const SAVED_VIEWS_PER_OWNER = 100;

/**
 * What a saved view is to a person: theirs (they may change or delete it), shared with their role (they may use it,
 * not change it; changing it is refused, 403), or neither (it is not there for them, 404).
 */
export type SavedViewAccess = 'owner' | 'shared' | 'hidden';

export function savedViewAccess(
  person: { readonly id: string; readonly role: HumanRole },
  view: { readonly ownerId: string; readonly sharedWithRole: HumanRole | null },
): SavedViewAccess {
  if (view.ownerId === person.id) return 'owner';
  return view.sharedWithRole === person.role ? 'shared' : 'hidden';
}

/**
 * Text for a spreadsheet cell that no spreadsheet will read as a formula: text beginning with `=`, `+`, `-`, `@`, a
 * tab or a carriage return (a unit named `=HYPERLINK(…)`) gets a leading apostrophe (OWASP, CSV injection).
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
