import { Migration } from '@mikro-orm/migrations';

export class Migration20261125141531_notifications extends Migration {

  override name = 'Migration20261125141531_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table \`inbox_notification\` (\`id\` text not null primary key, \`account_id\` text not null, \`kind\` text not null, \`title\` text not null, \`body\` text not null, \`case_id\` text null, \`created_at\` datetime not null, \`read_at\` datetime null, \`dedupe_key\` text not null);`);
    this.addSql(`create index \`inbox_notification_account_index\` on \`inbox_notification\` (\`account_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`inbox_notification_dedupe_unique\` on \`inbox_notification\` (\`dedupe_key\`, \`account_id\`);`);

    this.addSql(`create table \`notification_delivery\` (\`id\` text not null primary key, \`dedupe_key\` text not null, \`channel\` text not null, \`recipient\` text not null, \`status\` text not null, \`attempts\` integer not null, \`last_error\` text null, \`claimed_at\` datetime not null, \`sent_at\` datetime null);`);
    this.addSql(`create unique index \`notification_delivery_unique\` on \`notification_delivery\` (\`dedupe_key\`, \`channel\`, \`recipient\`);`);

    this.addSql(`create table \`notification_preference\` (\`account_id\` text not null primary key, \`email_enabled\` integer not null, \`email_address\` text null, \`webhook_enabled\` integer not null, \`updated_at\` datetime not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`inbox_notification\`;`);
    this.addSql(`drop table if exists \`notification_delivery\`;`);
    this.addSql(`drop table if exists \`notification_preference\`;`);
  }

}
