import { Migration } from '@mikro-orm/migrations';

export class Migration20261125091922_initial extends Migration {

  override name = 'Migration20261125091922_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table \`campaign\` (\`id\` text not null primary key, \`year\` integer not null, \`name\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`campaign_year_name_unique\` on \`campaign\` (\`year\`, \`name\`);`);

    this.addSql(`create table \`case_event\` (\`id\` text not null primary key, \`case_id\` text not null, \`sequence\` integer not null, \`type\` text not null, \`actor_id\` text not null, \`actor_role\` text not null, \`reason\` text null, \`payload\` json not null, \`occurred_at\` datetime not null, \`framework_version\` text null, \`prev_hash\` text not null, \`hash\` text not null);`);
    this.addSql(`create index \`case_event_occurred_at_index\` on \`case_event\` (\`occurred_at\`);`);
    this.addSql(`create unique index \`case_event_case_sequence_unique\` on \`case_event\` (\`case_id\`, \`sequence\`);`);

    this.addSql(`create table \`case_record\` (\`case_id\` text not null primary key, \`campaign_id\` text not null, \`unit_id\` text not null, \`unit_name\` text not null, \`category\` text not null, \`stage\` text not null, \`plan_status\` text not null, \`last_sequence\` integer not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`case_record_campaign_stage_index\` on \`case_record\` (\`campaign_id\`, \`stage\`);`);

    // The audit trail is append-only: the database itself refuses to change or remove an event.
    this.addSql(`create trigger \`case_event_refuse_update\` before update on \`case_event\` begin select raise(abort, 'case_event is append-only: UPDATE refused'); end;`);
    this.addSql(`create trigger \`case_event_refuse_delete\` before delete on \`case_event\` begin select raise(abort, 'case_event is append-only: DELETE refused'); end;`);

    this.addSql(`create table \`unit\` (\`id\` text not null primary key, \`name\` text not null, \`category\` text not null, \`ownership\` text null, \`created_at\` datetime not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`campaign\`;`);
    this.addSql(`drop table if exists \`case_event\`;`);
    this.addSql(`drop table if exists \`case_record\`;`);
    this.addSql(`drop table if exists \`unit\`;`);
  }

}
