import type { FilterQuery } from '@mikro-orm/core';
import { dueOnRange, type DueStatus, type IsoDate } from '#domain';
import type { CaseRecordEntity } from './entities/index.js';

/**
 * The read-model condition for cases whose current due date stands in `status` on `today` (逾期 / 临期 / 正常 /
 * 无期限): the dashboard counts with it and the ledger filters with it, so the two always agree.
 */
export function dueStatusCondition(status: DueStatus, today: IsoDate): FilterQuery<CaseRecordEntity> {
  const range = dueOnRange(status, today);
  if (range.kind === 'none') return { dueOn: null };
  return { dueOn: { $ne: null, ...(range.from === null ? {} : { $gte: range.from }), ...(range.to === null ? {} : { $lte: range.to }) } };
}
