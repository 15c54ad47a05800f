import type { CaseState } from '#domain';
import { caseTaskColumns } from './entities/case-record.entity.js';

/** A migration's `execute`: raw SQL with `?` parameters, run in the migration's transaction. */
export type ExecuteSql = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Works out the task columns of 我的待办 again from each row's folded state, in pages: for the migration that added
 * them and for any later one that changes the rules of libs/domain/src/tasks.ts. A row without a state (written
 * before it was kept) gets them when its next event refolds it.
 */
export async function refreshCaseTaskColumns(execute: ExecuteSql, batchSize = 500): Promise<number> {
  let after = '';
  let refreshed = 0;
  for (;;) {
    const rows = await execute('select case_id, state from case_record where case_id > ? and state is not null order by case_id limit ?', [after, batchSize]);
    for (const row of rows) {
      const state = (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as CaseState;
      const columns = caseTaskColumns(state);
      await execute('update case_record set due_on = ?, unit_task = ?, office_task = ?, jinhua_task = ?, scores_owed_by = ? where case_id = ?', [
        columns.dueOn,
        columns.unitTask,
        columns.officeTask,
        columns.jinhuaTask,
        columns.scoresOwedBy,
        row.case_id,
      ]);
      refreshed += 1;
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return refreshed;
    after = String(last.case_id);
  }
}
