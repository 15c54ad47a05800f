/** A tiny workflow for the workflow tier: calls the real deliverNotification activity with a fast retry policy. */
import { proxyActivities } from '@temporalio/workflow';
import type { DeliverNotificationInput, DeliveryReport, NotificationActivities } from '#contracts';

const { deliverNotification } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '100 ms', backoffCoefficient: 2, maximumInterval: '1 second', maximumAttempts: 5 },
});

export async function deliverNotificationWorkflow(input: DeliverNotificationInput): Promise<DeliveryReport> {
  return deliverNotification(input);
}
