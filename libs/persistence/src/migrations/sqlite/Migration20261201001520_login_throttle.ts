import { Migration } from '@mikro-orm/migrations';

export class Migration20261201001520_login_throttle extends Migration {

  override name = 'Migration20261201001520_login_throttle';

  override up(): void | Promise<void> {
    this.addSql(`create table \`login_throttle\` (\`username\` text not null, \`client\` text not null, \`failed_logins\` integer not null, \`last_failed_login_at\` datetime not null, primary key (\`username\`, \`client\`));`);

    this.addSql(`alter table \`account\` drop column \`failed_logins\`;`);
    this.addSql(`alter table \`account\` drop column \`last_failed_login_at\`;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`login_throttle\`;`);

    this.addSql(`alter table \`account\` add column \`failed_logins\` INTEGER not null default 0;`);
    this.addSql(`alter table \`account\` add column \`last_failed_login_at\` datetime null;`);
  }

}
