import { DUE_STATUS_NAMES, dueStanding, type DueStatus, type IsoDate } from '#domain';
import type { CaseFilter, CaseOrder, CaseRecordEntity } from '#persistence';
import type { LedgerQuery } from '../cases/case.dto.js';

/** The read model's filter for a ledger query on `today` (blank search text is no filter). */
export function caseFilterOf(query: LedgerQuery, today: IsoDate): CaseFilter {
  const text = query.q?.trim() ?? '';
  return {
    ...(query.campaignId === undefined ? {} : { campaignId: query.campaignId }),
    ...(query.category === undefined ? {} : { category: query.category }),
    ...(query.stage === undefined ? {} : { stage: query.stage }),
    ...(query.dueStatus === undefined ? {} : { dueStatus: query.dueStatus }),
    ...(query.open === undefined ? {} : { open: query.open === 'true' }),
    ...(text === '' ? {} : { text }),
    ...(query.certifiedFrom === undefined ? {} : { certifiedFrom: query.certifiedFrom }),
    ...(query.certifiedTo === undefined ? {} : { certifiedTo: query.certifiedTo }),
    today,
  };
}

/** A ledger query's order: by unit name unless it says otherwise. */
export function caseOrderOf(query: LedgerQuery): CaseOrder {
  return { sort: query.sort ?? 'unitName', order: query.order ?? 'asc' };
}

/** How a due date stands on `today`, with the word for it (逾期 / 临期 / 正常 / 无期限) in both languages. */
export interface NamedDueStanding {
  readonly workingDaysLeft: number | null;
  readonly dueStatus: DueStatus;
  readonly dueStatusName: string;
}

export function namedDueStanding(dueOn: IsoDate | null, today: IsoDate): NamedDueStanding {
  const { workingDaysLeft, status } = dueStanding(dueOn, today);
  const name = DUE_STATUS_NAMES[status];
  return { workingDaysLeft, dueStatus: status, dueStatusName: `${name.zh} / ${name.en}` };
}

/** A case as the ledger (台账) shows it on a day: the read model's row, its due standing and its certification. */
export interface LedgerEntry extends NamedDueStanding {
  readonly record: CaseRecordEntity;
  readonly documentNumber: string | null;
}

/**
 * The ledger's entries of many cases on one day: each due date's standing is worked out once (counting working days
 * is a walk over the calendar, and a campaign's cases share few due dates).
 */
export function ledgerEntries(today: IsoDate): (record: CaseRecordEntity) => LedgerEntry {
  const standings = new Map<IsoDate | null, NamedDueStanding>();
  return (record) => {
    let standing = standings.get(record.dueOn);
    if (standing === undefined) {
      standing = namedDueStanding(record.dueOn, today);
      standings.set(record.dueOn, standing);
    }
    return { record, ...standing, documentNumber: record.state?.certification?.documentNumber ?? null };
  };
}
