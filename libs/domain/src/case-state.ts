import type { CategoryCode } from './categories.js';
import type { CaseEventBody } from './case-events.js';
import type { CaseStage, PlanStatus } from './stages.js';

export interface CaseState {
  readonly caseId: string;
  readonly campaignId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly category: CategoryCode;
  readonly stage: CaseStage;
  readonly planStatus: PlanStatus;
  /** Sequence of the last event recorded for this case (0 before the first). */
  readonly lastSequence: number;
}

/** Applies one recorded event to the state (the "evolve" half of the case rules). */
export function evolveCase(state: CaseState, event: CaseEventBody): CaseState {
  const next = { ...state, lastSequence: state.lastSequence + 1 };
  switch (event.type) {
    case 'CaseEnrolled':
      return { ...next, stage: 'cultivation', planStatus: 'not_submitted' };
    case 'PlanSubmitted':
      return { ...next, planStatus: 'submitted' };
  }
}

export function initialCaseState(input: {
  caseId: string;
  campaignId: string;
  unitId: string;
  unitName: string;
  category: CategoryCode;
}): CaseState {
  const { caseId, campaignId, unitId, unitName, category } = input;
  return { caseId, campaignId, unitId, unitName, category, stage: 'enrolled', planStatus: 'not_submitted', lastSequence: 0 };
}
