import { Migration } from '@mikro-orm/migrations';

export class Migration20261201050629_saved_views extends Migration {

  override name = 'Migration20261201050629_saved_views';

  override up(): void | Promise<void> {
    this.addSql(`create table "saved_view" ("id" varchar(36) not null, "owner_id" varchar(100) not null, "name" varchar(60) not null, "query" jsonb not null, "columns" jsonb not null, "shared_with_role" varchar(30) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "saved_view_shared_index" on "saved_view" ("shared_with_role");`);
    this.addSql(`alter table "saved_view" add constraint "saved_view_owner_name_unique" unique ("owner_id", "name");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "saved_view" cascade;`);
  }

}
