import { Migration } from '@mikro-orm/migrations';

export class Migration20261201001521_login_throttle extends Migration {

  override name = 'Migration20261201001521_login_throttle';

  override up(): void | Promise<void> {
    this.addSql(`create table "login_throttle" ("username" text not null, "client" text not null, "failed_logins" int not null, "last_failed_login_at" timestamptz not null, primary key ("username", "client"));`);

    this.addSql(`alter table "account" drop column "failed_logins", drop column "last_failed_login_at";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`alter table "account" add "failed_logins" int4 not null default 0, add "last_failed_login_at" timestamptz(6) null;`);
  }

}
