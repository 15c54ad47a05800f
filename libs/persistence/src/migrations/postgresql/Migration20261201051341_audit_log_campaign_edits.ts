import { Migration } from '@mikro-orm/migrations';

export class Migration20261201051341_audit_log_campaign_edits extends Migration {

  override name = 'Migration20261201051341_audit_log_campaign_edits';

  override up(): void | Promise<void> {
    this.addSql(`alter table "campaign" add "updated_at" timestamptz null, add "updated_by" varchar(100) null;`);

    this.addSql(`create index "case_event_type_occurred_at_index" on "case_event" ("type", "occurred_at");`);
    this.addSql(`create index "case_event_actor_occurred_at_index" on "case_event" ("actor_id", "occurred_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "campaign" drop column "updated_at", drop column "updated_by";`);

    this.addSql(`drop index "case_event_type_occurred_at_index";`);
    this.addSql(`drop index "case_event_actor_occurred_at_index";`);
  }

}
