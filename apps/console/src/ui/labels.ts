import { CATEGORY_NAMES as DOMAIN_CATEGORY_NAMES } from '@domain/categories';
import { CASE_STAGE_NAMES } from '@domain/stages';
import type { Role } from '../session/session';

/** 角色 */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  administrator: '市纪委项目办',
  unit_contact: '单位联络人',
  assessor: '检查组成员',
  jinhua_reviewer: '金华市纪委',
  auditor: '审计',
};

/** 阶段, in the order a case goes through them (the stepper's steps). */
export const STAGE_STEPS = [
  { key: 'cultivation', title: '培育' },
  { key: 'self_assessment', title: '自评' },
  { key: 'inspection', title: '检查验收' },
  { key: 'rectification', title: '整改' },
  { key: 'passed', title: '推荐' },
  { key: 'recommended', title: '金华认定' },
] as const;

/** The domain's own names, in Chinese (the console's language). */
const chinese = <K extends string>(names: Readonly<Record<K, { readonly zh: string }>>): Readonly<Record<string, string>> =>
  Object.fromEntries(Object.entries<{ readonly zh: string }>(names).map(([key, name]) => [key, name.zh]));

export const STAGE_NAMES = chinese(CASE_STAGE_NAMES);
export const CATEGORY_NAMES = chinese(DOMAIN_CATEGORY_NAMES);

/** 企业性质 (enterprises only). */
export const OWNERSHIP_NAMES: Readonly<Record<string, string>> = { private: '民营企业', state_owned: '国有企业' };

export const PLAN_STATUS_NAMES: Readonly<Record<string, string>> = {
  not_submitted: '未提交',
  submitted: '待审核',
  approved: '已通过',
  returned: '已退回',
};

/**
 * 三色预警: the word always goes with the colour. Solid tags with white text, dark enough for WCAG AA (4.5:1): antd's
 * light presets put green text at 3.4:1.
 */
export const DUE_STATUS: Readonly<Record<string, { word: string; color: string }>> = {
  overdue: { word: '逾期', color: '#a8071a' },
  due_soon: { word: '临期', color: '#ad4e00' },
  on_track: { word: '正常', color: '#237804' },
  no_due_date: { word: '无期限', color: '#595959' },
};

/** What each recorded event is called on the timeline. */
export const EVENT_NAMES: Readonly<Record<string, string>> = {
  CaseEnrolled: '确定培育对象',
  PlanSubmitted: '提交创建方案',
  PlanApproved: '创建方案通过',
  PlanReturned: '退回创建方案',
  ProgressReportSubmitted: '提交进度报告',
  ReadinessDeclared: '申报自评',
  SelfAssessmentSubmitted: '提交自评',
  AssessorsAssigned: '指派检查组',
  ConflictDeclared: '申报回避',
  InspectionScoresSubmitted: '提交检查评分',
  InspectionConcluded: '检查验收结论',
  RectificationSubmitted: '提交整改报告',
  Recommended: '推荐至金华',
  Certified: '金华市级认定',
  NotCertified: '不予认定',
  AnnualReviewRecorded: '年度复核',
  Revoked: '撤销命名',
  Withdrawn: '退出创建',
  DeadlineExtended: '延长期限',
  DeadlineSet: '设定期限',
  DeadlinePending: '期限待定',
  ReminderSent: '发送提醒',
  UrgeSent: '催办',
  ReminderFailed: '提醒发送失败',
  ProgressReportCalled: '进度报告提醒',
  ProgressReportCallFailed: '进度报告提醒失败',
};

/** 时限单位 (a campaign's stage durations). */
export const DURATION_UNIT_NAMES: Readonly<Record<string, string>> = { calendar: '自然日', working: '工作日' };

/** 定时任务, by schedule id: the names the office calls them by. */
export const SCHEDULE_NAMES: Readonly<Record<string, string>> = {
  'qinglian-weekly-digest': '周报',
  'qinglian-progress-report-call': '进度报告催报',
  'qinglian-document-housekeeping': '文件清理',
};

/** What each account record is called (账户记录). */
export const ACCOUNT_EVENT_NAMES: Readonly<Record<string, string>> = {
  AccountCreated: '创建账户',
  LoginSucceeded: '登录成功',
  LoginFailed: '登录失败',
  PasswordChangeFailed: '修改口令失败',
  AccountLocked: '账户锁定',
  LoggedOut: '退出登录',
  SessionRefreshed: '刷新会话',
  RefreshTokenReused: '刷新令牌被重复使用',
  SessionsRevoked: '撤销会话',
  AccountUnlocked: '解除锁定',
  AccountDisabled: '停用账户',
  AccountEnabled: '恢复账户',
  ApiTokenCreated: '创建接口令牌',
  ApiTokenRevoked: '撤销接口令牌',
  CampaignUpdated: '修改活动设置',
  SchedulePaused: '暂停定时任务',
  ScheduleResumed: '恢复定时任务',
  ScheduleTriggered: '立即运行定时任务',
  UnitGroupChatSet: '设置单位工作群',
  UnitGroupChatChanged: '更换单位工作群',
  UnitGroupChatRemoved: '移除单位工作群',
  BulkActionStarted: '执行批量操作',
};

/** A time in Shanghai, `YYYY-MM-DD HH:mm` (with `:ss` when asked: a past state is asked for to the second). */
export function formatTime(iso: string, seconds = false): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  })
    .format(new Date(iso))
    .replace(/\//g, '-');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
