import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125091923_initial } from './Migration20261125091923_initial.js';
import { Migration20261125101521_case_record_state } from './Migration20261125101521_case_record_state.js';
import { Migration20261125102226_campaign_settings } from './Migration20261125102226_campaign_settings.js';
import { Migration20261125130803_accounts } from './Migration20261125130803_accounts.js';
import { Migration20261125141534_notifications } from './Migration20261125141534_notifications.js';
import { Migration20261125153952_unit_group_chat } from './Migration20261125153952_unit_group_chat.js';
import { Migration20261201001521_login_throttle } from './Migration20261201001521_login_throttle.js';
import { Migration20261201013502_documents } from './Migration20261201013502_documents.js';
import { Migration20261201021638_document_referenced_at } from './Migration20261201021638_document_referenced_at.js';
import { Migration20261201024434_case_record_tasks } from './Migration20261201024434_case_record_tasks.js';
import { Migration20261201045923_stage_statistics } from './Migration20261201045923_stage_statistics.js';
import { Migration20261201050629_saved_views } from './Migration20261201050629_saved_views.js';
import { Migration20261201050923_bulk_actions } from './Migration20261201050923_bulk_actions.js';
import { Migration20261201051341_audit_log_campaign_edits } from './Migration20261201051341_audit_log_campaign_edits.js';
import { Migration20261201093011_account_event_chain } from './Migration20261201093011_account_event_chain.js';
import { Migration20261201101856_group_chat_sealed_secret } from './Migration20261201101856_group_chat_sealed_secret.js';
import { Migration20261201233711_step_idempotency_keys } from './Migration20261201233711_step_idempotency_keys.js';
import { Migration20261201235000_deployment_identity } from './Migration20261201235000_deployment_identity.js';

/** Every PostgreSQL migration, oldest first. `npm run migration:create` prints the line to add here. */
export const POSTGRESQL_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125091923_initial', class: Migration20261125091923_initial },
  { name: 'Migration20261125101521_case_record_state', class: Migration20261125101521_case_record_state },
  { name: 'Migration20261125102226_campaign_settings', class: Migration20261125102226_campaign_settings },
  { name: 'Migration20261125130803_accounts', class: Migration20261125130803_accounts },
  { name: 'Migration20261125141534_notifications', class: Migration20261125141534_notifications },
  { name: 'Migration20261125153952_unit_group_chat', class: Migration20261125153952_unit_group_chat },
  { name: 'Migration20261201001521_login_throttle', class: Migration20261201001521_login_throttle },
  { name: 'Migration20261201013502_documents', class: Migration20261201013502_documents },
  { name: 'Migration20261201021638_document_referenced_at', class: Migration20261201021638_document_referenced_at },
  { name: 'Migration20261201024434_case_record_tasks', class: Migration20261201024434_case_record_tasks },
  { name: 'Migration20261201045923_stage_statistics', class: Migration20261201045923_stage_statistics },
  { name: 'Migration20261201050629_saved_views', class: Migration20261201050629_saved_views },
  { name: 'Migration20261201050923_bulk_actions', class: Migration20261201050923_bulk_actions },
  { name: 'Migration20261201051341_audit_log_campaign_edits', class: Migration20261201051341_audit_log_campaign_edits },
  { name: 'Migration20261201093011_account_event_chain', class: Migration20261201093011_account_event_chain },
  { name: 'Migration20261201101856_group_chat_sealed_secret', class: Migration20261201101856_group_chat_sealed_secret },
  { name: 'Migration20261201233711_step_idempotency_keys', class: Migration20261201233711_step_idempotency_keys },
  { name: 'Migration20261201235000_deployment_identity', class: Migration20261201235000_deployment_identity },
];
