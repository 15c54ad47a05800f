import { Migration } from '@mikro-orm/migrations';

export class Migration20261201050923_bulk_actions extends Migration {

  override name = 'Migration20261201050923_bulk_actions';

  override up(): void | Promise<void> {
    this.addSql(`create table "bulk_action" ("id" varchar(36) not null, "kind" varchar(30) not null, "parameters" jsonb not null, "started_by_id" varchar(100) not null, "started_by_role" varchar(30) not null, "started_by_name" varchar(200) null, "started_at" timestamptz not null, "total" int not null, "succeeded" int not null, "refused" int not null, "failed" int not null, "status" varchar(20) not null, "finished_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "bulk_action_started_index" on "bulk_action" ("started_at");`);

    this.addSql(`create table "bulk_action_item" ("bulk_action_id" varchar(36) not null, "case_id" varchar(120) not null, "unit_name" varchar(200) not null, "stage" varchar(30) not null, "status" varchar(20) not null, "code" varchar(60) null, "message" text null, "finished_at" timestamptz null, primary key ("bulk_action_id", "case_id"));`);
    this.addSql(`create index "bulk_action_item_status_index" on "bulk_action_item" ("bulk_action_id", "status", "case_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "bulk_action" cascade;`);
    this.addSql(`drop table if exists "bulk_action_item" cascade;`);
  }

}
