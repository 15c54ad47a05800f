import { Migration } from '@mikro-orm/migrations';

export class Migration20261201050621_saved_views extends Migration {

  override name = 'Migration20261201050621_saved_views';

  override up(): void | Promise<void> {
    this.addSql(`create table \`saved_view\` (\`id\` text not null primary key, \`owner_id\` text not null, \`name\` text not null, \`query\` json not null, \`columns\` json not null, \`shared_with_role\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`saved_view_shared_index\` on \`saved_view\` (\`shared_with_role\`);`);
    this.addSql(`create unique index \`saved_view_owner_name_unique\` on \`saved_view\` (\`owner_id\`, \`name\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`saved_view\`;`);
  }

}
