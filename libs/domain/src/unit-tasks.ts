// The step a unit owes on its case. Apart from tasks.ts (which adds the other owners and the access policy) so the
// case rules can ask it (催办 urges only a unit that owes a step) without importing the policy that imports them.
import type { CaseState } from './case-state.js';
import type { PlanStatus } from './stages.js';

export const UNIT_TASK_KINDS = ['submit_plan', 'resubmit_plan', 'submit_progress_report', 'submit_self_assessment', 'submit_rectification'] as const;
export type UnitTaskKind = (typeof UNIT_TASK_KINDS)[number];

/** During cultivation the unit's step follows its creation plan; a plan awaiting review waits on the office. */
const CULTIVATION_TASKS: Readonly<Record<PlanStatus, UnitTaskKind | null>> = {
  not_submitted: 'submit_plan',
  returned: 'resubmit_plan',
  approved: 'submit_progress_report',
  submitted: null,
};

/** The step the unit's contacts owe now, if any. */
export function unitTaskOf(state: CaseState): UnitTaskKind | null {
  switch (state.stage) {
    case 'cultivation':
      return CULTIVATION_TASKS[state.planStatus];
    case 'self_assessment':
      return 'submit_self_assessment';
    case 'rectification':
      return 'submit_rectification';
    default:
      return null;
  }
}
