import { Migration } from '@mikro-orm/migrations';

export class Migration20261125101518_case_record_state extends Migration {

  override name = 'Migration20261125101518_case_record_state';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`case_record\` add column \`state\` json null;`);
  }

  override down(): void | Promise<void> {

    this.addSql(`alter table \`case_record\` drop column \`state\`;`);
  }

}
