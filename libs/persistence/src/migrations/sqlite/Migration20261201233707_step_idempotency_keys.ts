import { Migration } from '@mikro-orm/migrations';

/** The Idempotency-Keys of steps: one row per caller and key, holding the request's fingerprint, its update id and the first answer. */
export class Migration20261201233707_step_idempotency_keys extends Migration {

  override name = 'Migration20261201233707_step_idempotency_keys';

  override up(): void | Promise<void> {
    this.addSql(`create table \`step_idempotency_key\` (\`actor_id\` text not null, \`idempotency_key\` text not null, \`case_id\` text not null, \`fingerprint\` text not null, \`update_id\` text not null, \`response\` json null, \`created_at\` datetime not null, primary key (\`actor_id\`, \`idempotency_key\`));`);
    this.addSql(`create index \`step_idempotency_key_case_index\` on \`step_idempotency_key\` (\`case_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`step_idempotency_key\`;`);
  }

}
