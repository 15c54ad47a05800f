import type { Person } from '../../session/session';
import type { CaseEvent, CaseState } from './CasePage';

/** 可办理的操作: the steps the person may take on the case now, and no button for a step the rules would refuse. */
export function CaseActions(_props: { state: CaseState; person: Person; events: readonly CaseEvent[]; onDone: () => Promise<void> }) {
  return null;
}
