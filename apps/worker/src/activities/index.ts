import type { INestApplicationContext } from '@nestjs/common';
import type { CaseActivities, DeadlineActivities, NotificationActivities, ScheduleActivities } from '#contracts';
import { DeadlinePlanningActivities } from './deadline.activities.js';
import { EmailChannel } from '../notifications/email.channel.js';
import { NotificationDeliveryActivities } from './notification.activities.js';
import { WebhookChannel } from '../notifications/webhook.channel.js';
import { CaseEventActivities } from './case-event.activities.js';
import { ScheduleActivitiesService } from './schedule.activities.js';

export const ACTIVITY_PROVIDERS = [
  CaseEventActivities,
  EmailChannel,
  WebhookChannel,
  NotificationDeliveryActivities,
  ScheduleActivitiesService,
  DeadlinePlanningActivities,
];

/** Every activity the worker serves: the case's appends and due dates, notification delivery, the schedules' read-model queries. */
export type WorkerActivities = CaseActivities & DeadlineActivities & NotificationActivities & ScheduleActivities;

/** Exactly the activities the worker registers, bound to their Nest providers. */
export function activitiesFrom(app: INestApplicationContext): WorkerActivities {
  const caseEvents = app.get(CaseEventActivities);
  const notifications = app.get(NotificationDeliveryActivities);
  const schedules = app.get(ScheduleActivitiesService);
  const deadlines = app.get(DeadlinePlanningActivities);
  return {
    appendCaseEvent: caseEvents.appendCaseEvent.bind(caseEvents),
    deliverNotification: notifications.deliverNotification.bind(notifications),
    composeWeeklyDigest: schedules.composeWeeklyDigest.bind(schedules),
    casesInCultivation: schedules.casesInCultivation.bind(schedules),
    planDeadline: deadlines.planDeadline.bind(deadlines),
    planNextReminder: deadlines.planNextReminder.bind(deadlines),
  };
}
