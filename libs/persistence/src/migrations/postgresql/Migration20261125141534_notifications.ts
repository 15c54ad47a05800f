import { Migration } from '@mikro-orm/migrations';

export class Migration20261125141534_notifications extends Migration {

  override name = 'Migration20261125141534_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table "inbox_notification" ("id" varchar(36) not null, "account_id" varchar(36) not null, "kind" varchar(40) not null, "title" varchar(200) not null, "body" text not null, "case_id" varchar(120) null, "created_at" timestamptz not null, "read_at" timestamptz null, "dedupe_key" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "inbox_notification_account_index" on "inbox_notification" ("account_id", "created_at");`);
    this.addSql(`alter table "inbox_notification" add constraint "inbox_notification_dedupe_unique" unique ("dedupe_key", "account_id");`);

    this.addSql(`create table "notification_delivery" ("id" varchar(36) not null, "dedupe_key" varchar(200) not null, "channel" varchar(20) not null, "recipient" varchar(100) not null, "status" varchar(20) not null, "attempts" int not null, "last_error" text null, "claimed_at" timestamptz not null, "sent_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "notification_delivery" add constraint "notification_delivery_unique" unique ("dedupe_key", "channel", "recipient");`);

    this.addSql(`create table "notification_preference" ("account_id" varchar(36) not null, "email_enabled" boolean not null, "email_address" varchar(254) null, "webhook_enabled" boolean not null, "updated_at" timestamptz not null, primary key ("account_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "inbox_notification" cascade;`);
    this.addSql(`drop table if exists "notification_delivery" cascade;`);
    this.addSql(`drop table if exists "notification_preference" cascade;`);
  }

}
