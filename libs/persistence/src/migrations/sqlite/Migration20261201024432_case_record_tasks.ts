import { Migration } from '@mikro-orm/migrations';
import { refreshCaseTaskColumns } from '../../case-task-columns.js';

export class Migration20261201024432_case_record_tasks extends Migration {

  override name = 'Migration20261201024432_case_record_tasks';

  override async up(): Promise<void> {
    await this.execute(`alter table \`case_record\` add column \`due_on\` text null;`);
    await this.execute(`alter table \`case_record\` add column \`unit_task\` text null;`);
    await this.execute(`alter table \`case_record\` add column \`office_task\` text null;`);
    await this.execute(`alter table \`case_record\` add column \`jinhua_task\` text null;`);
    await this.execute(`alter table \`case_record\` add column \`scores_owed_by\` text null;`);
    await this.execute(`create index \`case_record_scores_owed_index\` on \`case_record\` (\`due_on\`, \`unit_name\`, \`case_id\`) where \`scores_owed_by\` is not null;`);
    await this.execute(`create index \`case_record_jinhua_tasks_index\` on \`case_record\` (\`due_on\`, \`unit_name\`, \`case_id\`) where \`jinhua_task\` is not null;`);
    await this.execute(`create index \`case_record_office_tasks_index\` on \`case_record\` (\`due_on\`, \`unit_name\`, \`case_id\`) where \`office_task\` is not null;`);
    await this.execute(`create index \`case_record_unit_index\` on \`case_record\` (\`unit_id\`);`);
    // Cases already under way: their tasks from the state each row keeps.
    await refreshCaseTaskColumns((sql, params) => this.execute(sql, params));
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`case_record_scores_owed_index\`;`);
    this.addSql(`drop index \`case_record_jinhua_tasks_index\`;`);
    this.addSql(`drop index \`case_record_office_tasks_index\`;`);
    this.addSql(`drop index \`case_record_unit_index\`;`);
    this.addSql(`alter table \`case_record\` drop column \`due_on\`;`);
    this.addSql(`alter table \`case_record\` drop column \`unit_task\`;`);
    this.addSql(`alter table \`case_record\` drop column \`office_task\`;`);
    this.addSql(`alter table \`case_record\` drop column \`jinhua_task\`;`);
    this.addSql(`alter table \`case_record\` drop column \`scores_owed_by\`;`);
  }

}
