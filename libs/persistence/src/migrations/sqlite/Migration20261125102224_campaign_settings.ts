import { Migration } from '@mikro-orm/migrations';

export class Migration20261125102224_campaign_settings extends Migration {

  override name = 'Migration20261125102224_campaign_settings';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`campaign\` add column \`settings\` json null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`campaign\` drop column \`settings\`;`);

  }

}
