import { Migration } from '@mikro-orm/migrations';
import { backfillStageStatistics } from '../../stage-statistics.js';

export class Migration20261201045923_stage_statistics extends Migration {

  override name = 'Migration20261201045923_stage_statistics';

  override async up(): Promise<void> {
    await this.execute(`create table "campaign_stage_count" ("campaign_id" varchar(36) not null, "category" varchar(20) not null, "stage" varchar(30) not null, "cases" int not null, "ended_stays" int not null, "ended_stay_ms" bigint not null, primary key ("campaign_id", "category", "stage"));`);

    await this.execute(`create table "case_stage_stay" ("case_id" varchar(200) not null, "entered_sequence" int not null, "campaign_id" varchar(36) not null, "category" varchar(20) not null, "stage" varchar(30) not null, "entered_at" timestamptz not null, "left_at" timestamptz null, "duration_days" double precision null, primary key ("case_id", "entered_sequence"));`);
    await this.execute(`create index "case_stage_stay_ended_index" on "case_stage_stay" ("campaign_id", "stage", "duration_days") where "duration_days" is not null;`);

    await this.execute(`alter table "case_record" add "stage_entered_at" timestamptz null, add "certified_on" varchar(10) null;`);
    await this.execute(`create index "case_record_campaign_certified_index" on "case_record" ("campaign_id", "certified_on") where "certified_on" is not null;`);
    await this.execute(`create index "case_record_open_waiting_index" on "case_record" ("campaign_id", "stage_entered_at", "case_id") where "stage" != 'not_recommended' and "stage" != 'not_certified' and "stage" != 'revoked' and "stage" != 'withdrawn';`);
    await this.execute(`create index "case_record_campaign_due_index" on "case_record" ("campaign_id", "due_on", "stage");`);
    // Cases already under way: their stays, stage entry and certification date, and the counters, from their events.
    await backfillStageStatistics((sql, params) => this.execute(sql, params), 'postgresql');
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "campaign_stage_count" cascade;`);
    this.addSql(`drop table if exists "case_stage_stay" cascade;`);

    this.addSql(`drop index "case_record_campaign_certified_index";`);
    this.addSql(`drop index "case_record_open_waiting_index";`);
    this.addSql(`drop index "case_record_campaign_due_index";`);
    this.addSql(`alter table "case_record" drop column "stage_entered_at", drop column "certified_on";`);
  }

}
