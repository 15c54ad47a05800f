import { Migration } from '@mikro-orm/migrations';

export class Migration20261125091923_initial extends Migration {

  override name = 'Migration20261125091923_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "campaign" ("id" varchar(36) not null, "year" int not null, "name" varchar(200) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "campaign" add constraint "campaign_year_name_unique" unique ("year", "name");`);

    this.addSql(`create table "case_event" ("id" varchar(36) not null, "case_id" varchar(200) not null, "sequence" int not null, "type" varchar(60) not null, "actor_id" varchar(100) not null, "actor_role" varchar(30) not null, "reason" text null, "payload" jsonb not null, "occurred_at" timestamptz not null, "framework_version" varchar(40) null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, primary key ("id"));`);
    this.addSql(`create index "case_event_occurred_at_index" on "case_event" ("occurred_at");`);
    this.addSql(`alter table "case_event" add constraint "case_event_case_sequence_unique" unique ("case_id", "sequence");`);

    this.addSql(`create table "case_record" ("case_id" varchar(200) not null, "campaign_id" varchar(36) not null, "unit_id" varchar(36) not null, "unit_name" varchar(200) not null, "category" varchar(20) not null, "stage" varchar(30) not null, "plan_status" varchar(20) not null, "last_sequence" int not null, "updated_at" timestamptz not null, primary key ("case_id"));`);
    this.addSql(`create index "case_record_campaign_stage_index" on "case_record" ("campaign_id", "stage");`);

    // The audit trail is append-only: the database itself refuses to change or remove an event.
    this.addSql(`create function "case_event_refuse_change"() returns trigger language plpgsql as $$ begin raise exception 'case_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end $$;`);
    this.addSql(`create trigger "case_event_refuse_update_delete" before update or delete on "case_event" for each row execute function "case_event_refuse_change"();`);
    this.addSql(`create trigger "case_event_refuse_truncate" before truncate on "case_event" for each statement execute function "case_event_refuse_change"();`);

    this.addSql(`create table "unit" ("id" varchar(36) not null, "name" varchar(200) not null, "category" varchar(20) not null, "ownership" varchar(20) null, "created_at" timestamptz not null, primary key ("id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "campaign" cascade;`);
    this.addSql(`drop table if exists "case_event" cascade;`);
    this.addSql(`drop table if exists "case_record" cascade;`);
    this.addSql(`drop table if exists "unit" cascade;`);
    this.addSql(`drop function if exists "case_event_refuse_change"();`);
  }

}
