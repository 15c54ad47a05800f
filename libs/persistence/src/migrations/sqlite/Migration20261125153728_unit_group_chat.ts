import { Migration } from '@mikro-orm/migrations';

export class Migration20261125153728_unit_group_chat extends Migration {

  override name = 'Migration20261125153728_unit_group_chat';

  override up(): void | Promise<void> {
    this.addSql(`create table \`unit_group_chat\` (\`unit_id\` text not null primary key, \`webhook_url\` text not null, \`secret\` text not null, \`updated_at\` datetime not null, \`updated_by\` text not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`unit_group_chat\`;`);
  }

}
