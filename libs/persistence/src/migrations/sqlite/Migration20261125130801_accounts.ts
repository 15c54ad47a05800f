import { Migration } from '@mikro-orm/migrations';

export class Migration20261125130801_accounts extends Migration {

  override name = 'Migration20261125130801_accounts';

  override up(): void | Promise<void> {
    this.addSql(`create table \`account\` (\`id\` text not null primary key, \`username\` text not null, \`display_name\` text not null, \`role\` text not null, \`unit_id\` text null, \`password_hash\` text not null, \`status\` text not null, \`failed_logins\` integer not null, \`last_failed_login_at\` datetime null, \`created_at\` datetime not null, \`created_by\` text not null, \`password_changed_at\` datetime not null);`);
    this.addSql(`create unique index \`account_username_unique\` on \`account\` (\`username\`);`);
    this.addSql(`create index \`account_unit_id_index\` on \`account\` (\`unit_id\`);`);

    this.addSql(`create table \`account_event\` (\`id\` text not null primary key, \`type\` text not null, \`account_id\` text null, \`username\` text null, \`actor_id\` text not null, \`actor_role\` text not null, \`detail\` json not null, \`ip\` text null, \`occurred_at\` datetime not null);`);
    this.addSql(`create index \`account_event_account_index\` on \`account_event\` (\`account_id\`, \`occurred_at\`);`);

    this.addSql(`create table \`account_session\` (\`id\` text not null primary key, \`account_id\` text not null, \`refresh_token_hash\` text not null, \`previous_refresh_token_hash\` text null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, \`revoked_reason\` text null);`);
    this.addSql(`create unique index \`account_session_refresh_unique\` on \`account_session\` (\`refresh_token_hash\`);`);
    this.addSql(`create index \`account_session_previous_refresh_index\` on \`account_session\` (\`previous_refresh_token_hash\`);`);
    this.addSql(`create index \`account_session_account_index\` on \`account_session\` (\`account_id\`);`);

    this.addSql(`create table \`api_token\` (\`id\` text not null primary key, \`name\` text not null, \`token_hash\` text not null, \`prefix\` text not null, \`role\` text not null, \`unit_id\` text null, \`created_at\` datetime not null, \`created_by\` text not null, \`expires_at\` datetime null, \`revoked_at\` datetime null, \`last_used_at\` datetime null);`);
    this.addSql(`create unique index \`api_token_hash_unique\` on \`api_token\` (\`token_hash\`);`);

    this.addSql(`alter table \`case_record\` add column \`assessor_scope\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`account\`;`);
    this.addSql(`drop table if exists \`account_event\`;`);
    this.addSql(`drop table if exists \`account_session\`;`);
    this.addSql(`drop table if exists \`api_token\`;`);

    this.addSql(`alter table \`case_record\` drop column \`assessor_scope\`;`);
  }

}
