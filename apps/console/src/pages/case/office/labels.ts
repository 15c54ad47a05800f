import { mayPerform } from '@domain/access-policy';
import type { Person } from '../../../session/session';
import { formatTime, STAGE_NAMES } from '../../../ui/labels';

/**
 * Whether the person sees the case's record whole (the hashes and their verification, the reminders and to whom,
 * the score sheets by name, past states): those the policy lets verify the audit trail and read accounts, i.e. the
 * program office and the auditors.
 */
export function seesRecord(person: Person | null): boolean {
  return person !== null && mayPerform(person.role, 'audit:verify') && mayPerform(person.role, 'accounts:read');
}

/** 培育期限, 自评期限 …: a deadline is named after its stage. */
export function deadlineName(kind: string): string {
  return `${STAGE_NAMES[kind] ?? kind}期限`;
}

/** 检查验收结论 */
export const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  excellent: '优秀',
  pass: '合格',
  rectification: '整改',
  fail: '不通过',
};

/** 通知渠道, as a delivery report names them. */
export const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  inbox: '站内通知',
  email: '邮件',
  webhook: '群机器人',
};

/** What became of one delivery; `failed` is the only one that did not reach anyone it should have. */
export const DELIVERY_OUTCOMES: Readonly<Record<string, { word: string; failed: boolean }>> = {
  sent: { word: '已送达', failed: false },
  skipped_duplicate: { word: '此前已发，未重发', failed: false },
  skipped_preference: { word: '按本人设置未发', failed: false },
  skipped_disabled: { word: '渠道未启用', failed: false },
  failed: { word: '发送失败', failed: true },
};

/** A time to the second, in Shanghai (a past state is asked for to the second). */
export function formatMoment(iso: string): string {
  return formatTime(iso, true);
}

/** The first characters of a hash: enough to tell two apart at a glance. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
