import { chineseOf } from '../../ui/problems';

/** Each case's result in a bulk action: the word always with the colour (dark enough for white text, WCAG AA). */
export const ITEM_STATUS: Readonly<Record<string, { word: string; color: string }>> = {
  succeeded: { word: '完成', color: '#237804' },
  refused: { word: '被拒绝', color: '#ad4e00' },
  failed: { word: '失败', color: '#a8071a' },
  pending: { word: '待处理', color: '#595959' },
};

export const ACTION_STATUS: Readonly<Record<string, { word: string; color: string }>> = {
  running: { word: '进行中', color: '#0958d9' },
  completed: { word: '已完成', color: '#237804' },
};

export const bulkActionPath = (id: string) => `/bulk-actions/${id}`;

/** A bulk action's kind in Chinese (the api names it in both languages). */
export const kindNameOf = (action: { kindName: string }) => chineseOf(action.kindName);

/** What the office set for the action, in words. */
export function parametersText(parameters: Readonly<Record<string, unknown>>, nameOf: (accountId: string) => string): string {
  const parts: string[] = [];
  if (typeof parameters.newDueOn === 'string') parts.push(`新期限 ${parameters.newDueOn}`);
  if (typeof parameters.workingDays === 'number') parts.push(`顺延 ${String(parameters.workingDays)} 个工作日`);
  if (Array.isArray(parameters.assessorIds)) parts.push(`检查组：${parameters.assessorIds.map((id) => nameOf(String(id))).join('、')}`);
  if (typeof parameters.message === 'string') parts.push(`附言：${parameters.message}`);
  if (typeof parameters.reason === 'string') parts.push(`理由：${parameters.reason}`);
  return parts.length ? parts.join('；') : '无';
}
