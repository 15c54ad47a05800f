import { AccountEventEntity } from './account-event.entity.js';
import { AccountSessionEntity } from './account-session.entity.js';
import { AccountEntity } from './account.entity.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { CampaignEntity } from './campaign.entity.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CaseRecordEntity } from './case-record.entity.js';
import { DeploymentEntity } from './deployment.entity.js';
import { DocumentEntity } from './document.entity.js';
import { LoginThrottleEntity } from './login-throttle.entity.js';
import { UnitEntity } from './unit.entity.js';
import { SavedViewEntity } from './saved-view.entity.js';
import { StepIdempotencyKeyEntity } from './step-idempotency-key.entity.js';
import { CampaignStageCountEntity, CaseStageStayEntity } from './stage-statistics.entities.js';
import { InboxNotificationEntity, NotificationDeliveryEntity, NotificationPreferenceEntity, UnitGroupChatEntity } from './notification.entities.js';
import { BulkActionEntity, BulkActionItemEntity } from './bulk-action.entities.js';

export { ACCOUNT_EVENT_TYPES, type AccountEventType } from './account-event.entity.js';
export type { AccountStatus } from './account.entity.js';
export { ANY_CLIENT } from './login-throttle.entity.js';
export { caseRecordChanges } from './case-record.entity.js';
export type { NotificationDeliveryStatus } from './notification.entities.js';
export { InboxNotificationEntity, NotificationDeliveryEntity, NotificationPreferenceEntity, UnitGroupChatEntity };
export { CampaignStageCountEntity, CaseStageStayEntity };
export { BulkActionEntity, BulkActionItemEntity };
export {
  AccountEntity,
  AccountEventEntity,
  AccountSessionEntity,
  ApiTokenEntity,
  CampaignEntity,
  CaseEventEntity,
  CaseRecordEntity,
  DeploymentEntity,
  DocumentEntity,
  LoginThrottleEntity,
  SavedViewEntity,
  StepIdempotencyKeyEntity,
  UnitEntity,
};

export const ENTITIES = [
  UnitEntity,
  CampaignEntity,
  CaseEventEntity,
  CaseRecordEntity,
  AccountEntity,
  AccountSessionEntity,
  ApiTokenEntity,
  AccountEventEntity,
  InboxNotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  UnitGroupChatEntity,
  LoginThrottleEntity,
  DocumentEntity,
  CaseStageStayEntity,
  CampaignStageCountEntity,
  SavedViewEntity,
  BulkActionEntity,
  BulkActionItemEntity,
  StepIdempotencyKeyEntity,
  DeploymentEntity,
];
