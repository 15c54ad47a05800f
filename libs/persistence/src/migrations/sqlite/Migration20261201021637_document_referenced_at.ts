import { Migration } from '@mikro-orm/migrations';

export class Migration20261201021637_document_referenced_at extends Migration {

  override name = 'Migration20261201021637_document_referenced_at';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`document\` add column \`referenced_at\` datetime null;`);
    this.addSql(`create index \`document_unreferenced_index\` on \`document\` (\`referenced_at\`, \`created_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`document_unreferenced_index\`;`);
    this.addSql(`alter table \`document\` drop column \`referenced_at\`;`);
  }

}
