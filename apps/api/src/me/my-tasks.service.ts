import { Inject, Injectable } from '@nestjs/common';
import { CASE_STAGE_NAMES, caseListScope, DUE_STATUS_NAMES, dueStanding, TASK_TITLES, taskOwnerOf, type Principal } from '#domain';
import { CaseRecords } from '#persistence';
import { OfficeCalendar } from '../common/office-calendar.js';
import type { MyTaskListDto, MyTasksQuery } from './my-tasks.dto.js';

/** 我的待办: the steps that wait on the principal, from the case read model, with how near each due date is. */
@Injectable()
export class MyTasksService {
  constructor(
    @Inject(CaseRecords) private readonly records: CaseRecords,
    @Inject(OfficeCalendar) private readonly calendar: OfficeCalendar,
  ) {}

  async list(principal: Principal, query: MyTasksQuery): Promise<MyTaskListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const asOf = query.asOf ?? this.calendar.today();
    const { items, total } = await this.records.tasks({ owner: taskOwnerOf(principal), scope: caseListScope(principal), page, pageSize });
    return {
      items: items.map(({ task, ...row }) => {
        const stage = CASE_STAGE_NAMES[row.stage];
        const title = TASK_TITLES[task];
        const { workingDaysLeft, status } = dueStanding(row.dueOn, asOf);
        const statusName = DUE_STATUS_NAMES[status];
        return {
          ...row,
          stageName: `${stage.zh} / ${stage.en}`,
          kind: task,
          title: `${title.zh} / ${title.en}`,
          workingDaysLeft,
          dueStatus: status,
          dueStatusName: `${statusName.zh} / ${statusName.en}`,
        };
      }),
      total,
      page,
      pageSize,
      asOf,
    };
  }
}
