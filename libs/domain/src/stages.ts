import type { BilingualName } from './categories.js';

/** The stages of a unit's case (创建流程). */
export const CASE_STAGES = [
  'enrolled',
  'cultivation',
  'self_assessment',
  'inspection',
  'rectification',
  'passed',
  'recommended',
  'certified',
  'not_certified',
  'not_recommended',
  'revoked',
  'withdrawn',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_NAMES: Readonly<Record<CaseStage, BilingualName>> = {
  enrolled: { zh: '确定培育对象', en: 'Enrolled' },
  cultivation: { zh: '培育', en: 'Cultivation' },
  self_assessment: { zh: '自评', en: 'Self-assessment' },
  inspection: { zh: '检查验收', en: 'Inspection' },
  rectification: { zh: '整改', en: 'Rectification' },
  passed: { zh: '验收通过（待推荐）', en: 'Passed inspection (awaiting recommendation)' },
  recommended: { zh: '推荐', en: 'Recommended' },
  certified: { zh: '金华市级认定', en: 'Certified by Jinhua' },
  not_certified: { zh: '未获认定', en: 'Not certified' },
  not_recommended: { zh: '本年度不予推荐', en: 'Not recommended this campaign' },
  revoked: { zh: '撤销命名（一票否决）', en: 'Revoked (one-vote veto)' },
  withdrawn: { zh: '退出创建', en: 'Withdrawn' },
};

/** 创建方案 status during cultivation. */
export const PLAN_STATUSES = ['not_submitted', 'submitted', 'approved', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Stages after which nothing more happens in this campaign (certified units stay under 动态管理). */
export const FINAL_STAGES: readonly CaseStage[] = ['not_recommended', 'not_certified', 'revoked', 'withdrawn'];

/** Deadlines a case can carry; the campaign sets them, an administrator can extend them. */
export const DEADLINE_KINDS = ['cultivation', 'self_assessment', 'inspection', 'rectification'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
