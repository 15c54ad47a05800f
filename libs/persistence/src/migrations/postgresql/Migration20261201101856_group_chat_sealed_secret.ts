import { Migration } from '@mikro-orm/migrations';

/** Room for a sealed robot secret (`sealed:v1:…`, AES-256-GCM, base64url): a 200-character secret seals to about 330. */
export class Migration20261201101856_group_chat_sealed_secret extends Migration {

  override name = 'Migration20261201101856_group_chat_sealed_secret';

  override up(): void | Promise<void> {
    this.addSql(`alter table "unit_group_chat" alter column "secret" type varchar(512) using ("secret"::varchar(512));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "unit_group_chat" alter column "secret" type varchar(200) using ("secret"::varchar(200));`);
  }

}
