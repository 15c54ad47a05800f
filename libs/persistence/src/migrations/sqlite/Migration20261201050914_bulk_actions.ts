import { Migration } from '@mikro-orm/migrations';

export class Migration20261201050914_bulk_actions extends Migration {

  override name = 'Migration20261201050914_bulk_actions';

  override up(): void | Promise<void> {
    this.addSql(`create table \`bulk_action\` (\`id\` text not null primary key, \`kind\` text not null, \`parameters\` json not null, \`started_by_id\` text not null, \`started_by_role\` text not null, \`started_by_name\` text null, \`started_at\` datetime not null, \`total\` integer not null, \`succeeded\` integer not null, \`refused\` integer not null, \`failed\` integer not null, \`status\` text not null, \`finished_at\` datetime null);`);
    this.addSql(`create index \`bulk_action_started_index\` on \`bulk_action\` (\`started_at\`);`);

    this.addSql(`create table \`bulk_action_item\` (\`bulk_action_id\` text not null, \`case_id\` text not null, \`unit_name\` text not null, \`stage\` text not null, \`status\` text not null, \`code\` text null, \`message\` text null, \`finished_at\` datetime null, primary key (\`bulk_action_id\`, \`case_id\`));`);
    this.addSql(`create index \`bulk_action_item_status_index\` on \`bulk_action_item\` (\`bulk_action_id\`, \`status\`, \`case_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`bulk_action\`;`);
    this.addSql(`drop table if exists \`bulk_action_item\`;`);
  }

}
