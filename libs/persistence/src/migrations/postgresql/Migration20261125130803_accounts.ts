import { Migration } from '@mikro-orm/migrations';

export class Migration20261125130803_accounts extends Migration {

  override name = 'Migration20261125130803_accounts';

  override up(): void | Promise<void> {
    this.addSql(`create table "account" ("id" varchar(36) not null, "username" varchar(64) not null, "display_name" varchar(100) not null, "role" varchar(30) not null, "unit_id" varchar(36) null, "password_hash" varchar(200) not null, "status" varchar(20) not null, "failed_logins" int not null, "last_failed_login_at" timestamptz null, "created_at" timestamptz not null, "created_by" varchar(100) not null, "password_changed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "account" add constraint "account_username_unique" unique ("username");`);
    this.addSql(`create index "account_unit_id_index" on "account" ("unit_id");`);

    this.addSql(`create table "account_event" ("id" varchar(36) not null, "type" varchar(40) not null, "account_id" varchar(36) null, "username" varchar(64) null, "actor_id" varchar(100) not null, "actor_role" varchar(30) not null, "detail" jsonb not null, "ip" varchar(100) null, "occurred_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "account_event_account_index" on "account_event" ("account_id", "occurred_at");`);

    this.addSql(`create table "account_session" ("id" varchar(36) not null, "account_id" varchar(36) not null, "refresh_token_hash" varchar(64) not null, "previous_refresh_token_hash" varchar(64) null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" varchar(40) null, primary key ("id"));`);
    this.addSql(`alter table "account_session" add constraint "account_session_refresh_unique" unique ("refresh_token_hash");`);
    this.addSql(`create index "account_session_previous_refresh_index" on "account_session" ("previous_refresh_token_hash");`);
    this.addSql(`create index "account_session_account_index" on "account_session" ("account_id");`);

    this.addSql(`create table "api_token" ("id" varchar(36) not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "role" varchar(30) not null, "unit_id" varchar(36) null, "created_at" timestamptz not null, "created_by" varchar(100) not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "api_token" add constraint "api_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "case_record" add "assessor_scope" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "account" cascade;`);
    this.addSql(`drop table if exists "account_event" cascade;`);
    this.addSql(`drop table if exists "account_session" cascade;`);
    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`alter table "case_record" drop column "assessor_scope";`);
  }

}
