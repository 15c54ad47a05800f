import type { CaseState } from './case-state.js';
import type { CaseStage, DeadlineKind } from './stages.js';

/** The deadline that governs each stage (a stage without one is never overdue). */
const STAGE_DEADLINE: Partial<Record<CaseStage, DeadlineKind>> = {
  cultivation: 'cultivation',
  self_assessment: 'self_assessment',
  inspection: 'inspection',
  rectification: 'rectification',
};

/** The due date (YYYY-MM-DD) of the case's current stage, if it has one. */
export function currentDueOn(state: CaseState): string | undefined {
  const deadline = STAGE_DEADLINE[state.stage];
  return deadline && state.deadlines[deadline];
}

export function isOverdue(state: CaseState, today: string): boolean {
  const due = currentDueOn(state);
  return due !== undefined && due < today;
}
