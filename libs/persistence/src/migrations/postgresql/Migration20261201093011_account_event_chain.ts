import { Migration } from '@mikro-orm/migrations';
import { backfillAccountEventChain } from '../../account-event-chain.js';

export class Migration20261201093011_account_event_chain extends Migration {

  override name = 'Migration20261201093011_account_event_chain';

  override async up(): Promise<void> {
    await this.execute(`alter table "account_event" add "sequence" int null, add "prev_hash" varchar(64) null, add "hash" varchar(64) null;`);
    // The events already recorded become the start of the chain, so an existing deployment verifies from the first.
    await backfillAccountEventChain((sql, params) => this.execute(sql, params));
    await this.execute(`alter table "account_event" alter column "sequence" set not null, alter column "prev_hash" set not null, alter column "hash" set not null;`);
    await this.execute(`alter table "account_event" add constraint "account_event_sequence_unique" unique ("sequence");`);

    // Append-only, as case_event: the database itself refuses to change or remove an account event.
    await this.execute(`create function "account_event_refuse_change"() returns trigger language plpgsql as $$ begin raise exception 'account_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end $$;`);
    await this.execute(`create trigger "account_event_refuse_update_delete" before update or delete on "account_event" for each row execute function "account_event_refuse_change"();`);
    await this.execute(`create trigger "account_event_refuse_truncate" before truncate on "account_event" for each statement execute function "account_event_refuse_change"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "account_event_refuse_update_delete" on "account_event";`);
    this.addSql(`drop trigger if exists "account_event_refuse_truncate" on "account_event";`);
    this.addSql(`drop function if exists "account_event_refuse_change"();`);
    this.addSql(`alter table "account_event" drop constraint "account_event_sequence_unique";`);
    this.addSql(`alter table "account_event" drop column "sequence", drop column "prev_hash", drop column "hash";`);
  }

}
