import type { INestApplicationContext } from '@nestjs/common';
import type { CaseActivities, NotificationActivities } from '#contracts';
import { EmailChannel } from '../notifications/email.channel.js';
import { NotificationDeliveryActivities } from '../notifications/notification.activities.js';
import { WebhookChannel } from '../notifications/webhook.channel.js';
import { CaseEventActivities } from './case-event.activities.js';

export const ACTIVITY_PROVIDERS = [CaseEventActivities, EmailChannel, WebhookChannel, NotificationDeliveryActivities];

/** Every activity the case worker serves. */
export type WorkerActivities = CaseActivities & NotificationActivities;

/** Exactly the activities the worker registers, bound to their Nest providers. */
export function activitiesFrom(app: INestApplicationContext): WorkerActivities {
  const caseEvents = app.get(CaseEventActivities);
  const notifications = app.get(NotificationDeliveryActivities);
  return {
    appendCaseEvent: caseEvents.appendCaseEvent.bind(caseEvents),
    deliverNotification: notifications.deliverNotification.bind(notifications),
  };
}
