import { Migration } from '@mikro-orm/migrations';

/** The database's identity: one row, made once, which a worker pairs with its Temporal namespace and task queue. */
export class Migration20261201235000_deployment_identity extends Migration {

  override name = 'Migration20261201235000_deployment_identity';

  override up(): void | Promise<void> {
    this.addSql(`create table "deployment" ("id" varchar(32) not null primary key, "created_at" timestamptz not null);`);
    this.addSql(`insert into "deployment" ("id", "created_at") values (replace(gen_random_uuid()::text, '-', ''), now());`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "deployment" cascade;`);
  }

}
