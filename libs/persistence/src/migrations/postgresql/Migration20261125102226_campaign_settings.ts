import { Migration } from '@mikro-orm/migrations';

export class Migration20261125102226_campaign_settings extends Migration {

  override name = 'Migration20261125102226_campaign_settings';

  override up(): void | Promise<void> {
    this.addSql(`alter table "campaign" add "settings" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "campaign" drop column "settings";`);

  }

}
