import type { INestApplicationContext } from '@nestjs/common';
import type {
  AuditCheckpointActivities,
  BulkActionActivities,
  CaseActivities,
  DeadlineActivities,
  DocumentActivities,
  DocumentHousekeepingActivities,
  NotificationActivities,
  ScheduleActivities,
} from '#contracts';
import { DeadlinePlanningActivities } from './deadline.activities.js';
import { DocumentStoreActivities } from './document.activities.js';
import { EmailChannel } from '../notifications/email.channel.js';
import { NotificationDeliveryActivities } from './notification.activities.js';
import { WebhookChannel } from '../notifications/webhook.channel.js';
import { CaseEventActivities } from './case-event.activities.js';
import { ScheduleActivitiesService } from './schedule.activities.js';
import { BulkActionActivitiesService } from './bulk-action.activities.js';
import { AuditCheckpointActivitiesService } from './audit-checkpoint.activities.js';

export const ACTIVITY_PROVIDERS = [
  CaseEventActivities,
  EmailChannel,
  WebhookChannel,
  NotificationDeliveryActivities,
  ScheduleActivitiesService,
  DeadlinePlanningActivities,
  DocumentStoreActivities,
  BulkActionActivitiesService,
  AuditCheckpointActivitiesService,
];

/**
 * Every activity the worker serves: the case's appends, due dates and documents, notification delivery, the schedules'
 * queries and housekeeping, the bulk actions' steps and the audit checkpoints.
 */
export type WorkerActivities = CaseActivities &
  DeadlineActivities &
  DocumentActivities &
  NotificationActivities &
  ScheduleActivities &
  DocumentHousekeepingActivities &
  BulkActionActivities &
  AuditCheckpointActivities;

/** Exactly the activities the worker registers, bound to their Nest providers. */
export function activitiesFrom(app: INestApplicationContext): WorkerActivities {
  const caseEvents = app.get(CaseEventActivities);
  const notifications = app.get(NotificationDeliveryActivities);
  const schedules = app.get(ScheduleActivitiesService);
  const deadlines = app.get(DeadlinePlanningActivities);
  const documents = app.get(DocumentStoreActivities);
  const bulkActions = app.get(BulkActionActivitiesService);
  const checkpoints = app.get(AuditCheckpointActivitiesService);
  return {
    appendCaseEvent: caseEvents.appendCaseEvent.bind(caseEvents),
    appendCaseStep: caseEvents.appendCaseStep.bind(caseEvents),
    deliverNotification: notifications.deliverNotification.bind(notifications),
    composeWeeklyDigest: schedules.composeWeeklyDigest.bind(schedules),
    casesInCultivation: schedules.casesInCultivation.bind(schedules),
    planDeadline: deadlines.planDeadline.bind(deadlines),
    planNextReminder: deadlines.planNextReminder.bind(deadlines),
    findCaseDocuments: documents.findCaseDocuments.bind(documents),
    removeUnreferencedDocuments: documents.removeUnreferencedDocuments.bind(documents),
    pendingBulkActionCases: bulkActions.pendingBulkActionCases.bind(bulkActions),
    applyBulkActionStep: bulkActions.applyBulkActionStep.bind(bulkActions),
    recordBulkActionFailure: bulkActions.recordBulkActionFailure.bind(bulkActions),
    completeBulkAction: bulkActions.completeBulkAction.bind(bulkActions),
    writeAuditCheckpoint: checkpoints.writeAuditCheckpoint.bind(checkpoints),
  };
}
