import type { INestApplicationContext } from '@nestjs/common';
import type { CaseActivities, ScheduleActivities } from '#contracts';
import { CaseEventActivities } from './case-event.activities.js';
import { ScheduleActivitiesService } from './schedule.activities.js';

export const ACTIVITY_PROVIDERS = [CaseEventActivities, ScheduleActivitiesService];

export type WorkerActivities = CaseActivities & ScheduleActivities;

/** The case workflow's activities, bound to their Nest providers (tests may wrap these to inject faults). */
export function caseActivitiesFrom(app: INestApplicationContext): CaseActivities {
  const caseEvents = app.get(CaseEventActivities);
  return { appendCaseEvent: caseEvents.appendCaseEvent.bind(caseEvents) };
}

/** The scheduled workflows' activities. */
export function scheduleActivitiesFrom(app: INestApplicationContext): ScheduleActivities {
  const schedules = app.get(ScheduleActivitiesService);
  return {
    composeWeeklyDigest: schedules.composeWeeklyDigest.bind(schedules),
    casesInCultivation: schedules.casesInCultivation.bind(schedules),
  };
}
