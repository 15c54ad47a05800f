import { Migration } from '@mikro-orm/migrations';

/** The database's identity: one row, made once, which a worker pairs with its Temporal namespace and task queue. */
export class Migration20261201235000_deployment_identity extends Migration {

  override name = 'Migration20261201235000_deployment_identity';

  override up(): void | Promise<void> {
    this.addSql(`create table \`deployment\` (\`id\` text not null primary key, \`created_at\` datetime not null);`);
    this.addSql(`insert into \`deployment\` (\`id\`, \`created_at\`) values (lower(hex(randomblob(16))), cast((julianday('now') - 2440587.5) * 86400000 as integer));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`deployment\`;`);
  }

}
