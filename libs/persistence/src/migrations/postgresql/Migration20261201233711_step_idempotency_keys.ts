import { Migration } from '@mikro-orm/migrations';

/** The Idempotency-Keys of steps: one row per caller and key, holding the request's fingerprint, its update id and the first answer. */
export class Migration20261201233711_step_idempotency_keys extends Migration {

  override name = 'Migration20261201233711_step_idempotency_keys';

  override up(): void | Promise<void> {
    this.addSql(`create table "step_idempotency_key" ("actor_id" varchar(100) not null, "idempotency_key" varchar(255) not null, "case_id" varchar(200) not null, "fingerprint" varchar(64) not null, "update_id" varchar(36) not null, "response" jsonb null, "created_at" timestamptz not null, primary key ("actor_id", "idempotency_key"));`);
    this.addSql(`create index "step_idempotency_key_case_index" on "step_idempotency_key" ("case_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "step_idempotency_key" cascade;`);
  }

}
