import { Migration } from '@mikro-orm/migrations';

export class Migration20261125153952_unit_group_chat extends Migration {

  override name = 'Migration20261125153952_unit_group_chat';

  override up(): void | Promise<void> {
    this.addSql(`create table "unit_group_chat" ("unit_id" varchar(36) not null, "webhook_url" varchar(1000) not null, "secret" varchar(200) not null, "updated_at" timestamptz not null, "updated_by" varchar(100) not null, primary key ("unit_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "unit_group_chat" cascade;`);
  }

}
