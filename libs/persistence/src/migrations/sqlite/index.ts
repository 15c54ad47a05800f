import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125091922_initial } from './Migration20261125091922_initial.js';
import { Migration20261125101518_case_record_state } from './Migration20261125101518_case_record_state.js';
import { Migration20261125102224_campaign_settings } from './Migration20261125102224_campaign_settings.js';
import { Migration20261125130801_accounts } from './Migration20261125130801_accounts.js';
import { Migration20261125141531_notifications } from './Migration20261125141531_notifications.js';
import { Migration20261125153728_unit_group_chat } from './Migration20261125153728_unit_group_chat.js';
import { Migration20261201001520_login_throttle } from './Migration20261201001520_login_throttle.js';
import { Migration20261201013501_documents } from './Migration20261201013501_documents.js';
import { Migration20261201021637_document_referenced_at } from './Migration20261201021637_document_referenced_at.js';
import { Migration20261201024432_case_record_tasks } from './Migration20261201024432_case_record_tasks.js';
import { Migration20261201045921_stage_statistics } from './Migration20261201045921_stage_statistics.js';
import { Migration20261201050621_saved_views } from './Migration20261201050621_saved_views.js';
import { Migration20261201050914_bulk_actions } from './Migration20261201050914_bulk_actions.js';
import { Migration20261201051319_audit_log_campaign_edits } from './Migration20261201051319_audit_log_campaign_edits.js';
import { Migration20261201092959_account_event_chain } from './Migration20261201092959_account_event_chain.js';
import { Migration20261201233707_step_idempotency_keys } from './Migration20261201233707_step_idempotency_keys.js';
import { Migration20261201235000_deployment_identity } from './Migration20261201235000_deployment_identity.js';

/** Every SQLite migration, oldest first. `npm run migration:create` prints the line to add here. */
export const SQLITE_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125091922_initial', class: Migration20261125091922_initial },
  { name: 'Migration20261125101518_case_record_state', class: Migration20261125101518_case_record_state },
  { name: 'Migration20261125102224_campaign_settings', class: Migration20261125102224_campaign_settings },
  { name: 'Migration20261125130801_accounts', class: Migration20261125130801_accounts },
  { name: 'Migration20261125141531_notifications', class: Migration20261125141531_notifications },
  { name: 'Migration20261125153728_unit_group_chat', class: Migration20261125153728_unit_group_chat },
  { name: 'Migration20261201001520_login_throttle', class: Migration20261201001520_login_throttle },
  { name: 'Migration20261201013501_documents', class: Migration20261201013501_documents },
  { name: 'Migration20261201021637_document_referenced_at', class: Migration20261201021637_document_referenced_at },
  { name: 'Migration20261201024432_case_record_tasks', class: Migration20261201024432_case_record_tasks },
  { name: 'Migration20261201045921_stage_statistics', class: Migration20261201045921_stage_statistics },
  { name: 'Migration20261201050621_saved_views', class: Migration20261201050621_saved_views },
  { name: 'Migration20261201050914_bulk_actions', class: Migration20261201050914_bulk_actions },
  { name: 'Migration20261201051319_audit_log_campaign_edits', class: Migration20261201051319_audit_log_campaign_edits },
  { name: 'Migration20261201092959_account_event_chain', class: Migration20261201092959_account_event_chain },
  { name: 'Migration20261201233707_step_idempotency_keys', class: Migration20261201233707_step_idempotency_keys },
  { name: 'Migration20261201235000_deployment_identity', class: Migration20261201235000_deployment_identity },
];
