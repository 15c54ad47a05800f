import { Migration } from '@mikro-orm/migrations';

export class Migration20261201013501_documents extends Migration {

  override name = 'Migration20261201013501_documents';

  override up(): void | Promise<void> {
    this.addSql(`create table \`document\` (\`id\` text not null primary key, \`case_id\` text not null, \`unit_id\` text not null, \`sha256\` text not null, \`size\` integer not null, \`media_type\` text not null, \`file_name\` text not null, \`uploaded_by\` text not null, \`uploaded_by_role\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`document_sha256_index\` on \`document\` (\`sha256\`);`);
    this.addSql(`create index \`document_case_index\` on \`document\` (\`case_id\`, \`created_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`document\`;`);
  }

}
