import { Migration } from '@mikro-orm/migrations';
import { backfillAccountEventChain } from '../../account-event-chain.js';

export class Migration20261201092959_account_event_chain extends Migration {

  override name = 'Migration20261201092959_account_event_chain';

  override async up(): Promise<void> {
    await this.execute(`alter table \`account_event\` add column \`sequence\` integer null;`);
    await this.execute(`alter table \`account_event\` add column \`prev_hash\` text null;`);
    await this.execute(`alter table \`account_event\` add column \`hash\` text null;`);
    // The events already recorded become the start of the chain, so an existing deployment verifies from the first.
    await backfillAccountEventChain((sql, params) => this.execute(sql, params));

    // SQLite cannot make a column NOT NULL in place: the table is rebuilt with the chain's columns required.
    await this.execute(`create table \`account_event_chained\` (\`id\` text not null primary key, \`type\` text not null, \`account_id\` text null, \`username\` text null, \`actor_id\` text not null, \`actor_role\` text not null, \`detail\` json not null, \`ip\` text null, \`occurred_at\` datetime not null, \`sequence\` integer not null, \`prev_hash\` text not null, \`hash\` text not null);`);
    await this.execute(`insert into \`account_event_chained\` select \`id\`, \`type\`, \`account_id\`, \`username\`, \`actor_id\`, \`actor_role\`, \`detail\`, \`ip\`, \`occurred_at\`, \`sequence\`, \`prev_hash\`, \`hash\` from \`account_event\`;`);
    await this.execute(`drop table \`account_event\`;`);
    await this.execute(`alter table \`account_event_chained\` rename to \`account_event\`;`);
    await this.execute(`create index \`account_event_account_index\` on \`account_event\` (\`account_id\`, \`occurred_at\`);`);
    await this.execute(`create unique index \`account_event_sequence_unique\` on \`account_event\` (\`sequence\`);`);

    // Append-only, as case_event: the database itself refuses to change or remove an account event.
    await this.execute(`create trigger \`account_event_refuse_update\` before update on \`account_event\` begin select raise(abort, 'account_event is append-only: UPDATE refused'); end;`);
    await this.execute(`create trigger \`account_event_refuse_delete\` before delete on \`account_event\` begin select raise(abort, 'account_event is append-only: DELETE refused'); end;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists \`account_event_refuse_update\`;`);
    this.addSql(`drop trigger if exists \`account_event_refuse_delete\`;`);
    this.addSql(`drop index \`account_event_sequence_unique\`;`);
    this.addSql(`alter table \`account_event\` drop column \`sequence\`;`);
    this.addSql(`alter table \`account_event\` drop column \`prev_hash\`;`);
    this.addSql(`alter table \`account_event\` drop column \`hash\`;`);
  }

}
