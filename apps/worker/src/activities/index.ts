import type { INestApplicationContext } from '@nestjs/common';
import type { CaseActivities } from '#contracts';
import { CaseEventActivities } from './case-event.activities.js';

export const ACTIVITY_PROVIDERS = [CaseEventActivities];

/** Exactly the activities the worker registers, bound to their Nest providers. */
export function activitiesFrom(app: INestApplicationContext): CaseActivities {
  const caseEvents = app.get(CaseEventActivities);
  return { appendCaseEvent: caseEvents.appendCaseEvent.bind(caseEvents) };
}
