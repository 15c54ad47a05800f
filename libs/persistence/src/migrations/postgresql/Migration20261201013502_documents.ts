import { Migration } from '@mikro-orm/migrations';

export class Migration20261201013502_documents extends Migration {

  override name = 'Migration20261201013502_documents';

  override up(): void | Promise<void> {
    this.addSql(`create table "document" ("id" varchar(36) not null, "case_id" varchar(120) not null, "unit_id" varchar(36) not null, "sha256" varchar(64) not null, "size" int not null, "media_type" varchar(100) not null, "file_name" varchar(255) not null, "uploaded_by" varchar(100) not null, "uploaded_by_role" varchar(30) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "document_sha256_index" on "document" ("sha256");`);
    this.addSql(`create index "document_case_index" on "document" ("case_id", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "document" cascade;`);
  }

}
