import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import {
  CASE_STAGE_NAMES,
  CATEGORY_CODES,
  CATEGORY_NAMES,
  caseListScope,
  DUE_STATUS_NAMES,
  LEDGER_COLUMN_NAMES,
  PLAN_STATUS_NAMES,
  type LedgerColumn,
  type Principal,
} from '#domain';
import { CaseRecords } from '#persistence';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { OfficeCalendar } from '../common/office-calendar.js';
import { caseFilterOf, caseOrderOf, ledgerEntries, type LedgerEntry } from './ledger.js';
import { ledgerColumnsOf, type CertificationRosterDto, type CertifiedUnitDto, type ExportCasesQuery } from './ledger-export.dto.js';
import { sendSheet, type SheetColumn } from './spreadsheet.js';

const text = (value: string | null) => (value === null ? null : { text: value });
const day = (value: string | null) => (value === null ? null : { day: value });
const moment = (value: Date | null) => (value === null ? null : { moment: value });

/** Each ledger column in a file: its width and its cell, in Chinese (the header is LEDGER_COLUMN_NAMES). */
const LEDGER_CELLS: Readonly<Record<LedgerColumn, Omit<SheetColumn<LedgerEntry>, 'header'>>> = {
  unitName: { width: 28, value: ({ record }) => text(record.unitName) },
  category: { width: 12, value: ({ record }) => text(CATEGORY_NAMES[record.category].zh) },
  stage: { width: 18, value: ({ record }) => text(CASE_STAGE_NAMES[record.stage].zh) },
  planStatus: { width: 10, value: ({ record }) => text(PLAN_STATUS_NAMES[record.planStatus].zh) },
  dueOn: { width: 12, value: ({ record }) => day(record.dueOn) },
  dueStatus: { width: 10, value: ({ dueStatus }) => text(DUE_STATUS_NAMES[dueStatus].zh) },
  workingDaysLeft: { width: 10, value: ({ workingDaysLeft }) => (workingDaysLeft === null ? null : { number: workingDaysLeft }) },
  stageEnteredAt: { width: 17, value: ({ record }) => moment(record.stageEnteredAt) },
  certifiedOn: { width: 12, value: ({ record }) => day(record.certifiedOn) },
  documentNumber: { width: 20, value: ({ documentNumber }) => text(documentNumber) },
  updatedAt: { width: 17, value: ({ record }) => moment(record.updatedAt) },
  caseId: { width: 40, value: ({ record }) => text(record.caseId) },
};

const ledgerColumn = (column: LedgerColumn): SheetColumn<LedgerEntry> => ({ header: LEDGER_COLUMN_NAMES[column].zh, ...LEDGER_CELLS[column] });

/** 认定名单 in a file: a numbered list of the certified units, by the ledger's columns. */
interface RosterLine {
  readonly position: number;
  readonly unit: CertifiedUnitDto;
}
const ROSTER_COLUMNS: readonly SheetColumn<RosterLine>[] = [
  { header: '序号', width: 6, value: ({ position }) => ({ number: position }) },
  { header: LEDGER_COLUMN_NAMES.unitName.zh, width: 36, value: ({ unit }) => text(unit.unitName) },
  { header: LEDGER_COLUMN_NAMES.category.zh, width: 12, value: ({ unit }) => text(CATEGORY_NAMES[unit.category].zh) },
  { header: LEDGER_COLUMN_NAMES.documentNumber.zh, width: 22, value: ({ unit }) => text(unit.documentNumber) },
  { header: LEDGER_COLUMN_NAMES.certifiedOn.zh, width: 12, value: ({ unit }) => day(unit.certifiedOn) },
];

const byName = new Intl.Collator('zh-CN');

/** 台账导出 and 认定名单: the whole filtered ledger, or a campaign's certified units, within the caller's scope. */
@Injectable()
export class LedgerExportsService {
  constructor(
    @Inject(CaseRecords) private readonly records: CaseRecords,
    @Inject(OfficeCalendar) private readonly calendar: OfficeCalendar,
    private readonly campaigns: CampaignsService,
  ) {}

  /** Streams every case the query selects (not a page of them) in the ledger's order, with the chosen columns. */
  async exportCases(query: ExportCasesQuery, principal: Principal, response: Response): Promise<void> {
    const today = query.asOf ?? this.calendar.today();
    const columns = ledgerColumnsOf(query.columns);
    // Only the document number lives in the folded state alone; without it the rows are read without their state.
    const records = this.records.eachMatching(caseFilterOf(query, today), caseListScope(principal), caseOrderOf(query), {
      state: columns.includes('documentNumber'),
    });
    const entryOf = ledgerEntries(today);
    async function* entries(): AsyncGenerator<LedgerEntry> {
      for await (const record of records) yield entryOf(record);
    }
    await sendSheet(response, query.format ?? 'xlsx', `台账-${today}`, { name: '台账', columns: columns.map(ledgerColumn), rows: entries() });
  }

  /** The units the campaign certified (and not revoked since) that the caller sees: by category, then date, then unit name. */
  async roster(campaignId: string, principal: Principal): Promise<CertificationRosterDto> {
    const campaign = await this.campaigns.find(campaignId);
    const items = await this.certifiedUnits(campaignId, principal);
    return { campaignId: campaign.id, campaignName: campaign.name, year: campaign.year, items, total: items.length };
  }

  /** 认定名单 as a print-ready XLSX: a title row with the campaign's name, then one numbered row per unit. */
  async rosterSheet(campaignId: string, principal: Principal, response: Response): Promise<void> {
    const campaign = await this.campaigns.find(campaignId);
    const units = this.certifiedUnits(campaignId, principal);
    async function* lines(): AsyncGenerator<RosterLine> {
      for (const [index, unit] of (await units).entries()) yield { position: index + 1, unit };
    }
    const title = `${campaign.name} 认定名单`;
    await sendSheet(response, 'xlsx', title, { name: '认定名单', title, columns: ROSTER_COLUMNS, rows: lines() });
  }

  /** A campaign's roster is short (its certified units): read whole, then put in the roster's order. */
  private async certifiedUnits(campaignId: string, principal: Principal): Promise<CertifiedUnitDto[]> {
    const units: CertifiedUnitDto[] = [];
    const filter = { campaignId, stage: 'certified' as const, today: this.calendar.today() };
    for await (const record of this.records.eachMatching(filter, caseListScope(principal), { sort: 'certifiedOn', order: 'asc' })) {
      const category = CATEGORY_NAMES[record.category];
      units.push({
        caseId: record.caseId,
        unitId: record.unitId,
        unitName: record.unitName,
        category: record.category,
        categoryName: `${category.zh} / ${category.en}`,
        documentNumber: record.state?.certification?.documentNumber ?? '',
        certifiedOn: record.certifiedOn ?? record.state?.certification?.certifiedOn ?? '',
      });
    }
    return units.sort(
      (a, b) =>
        CATEGORY_CODES.indexOf(a.category) - CATEGORY_CODES.indexOf(b.category) ||
        a.certifiedOn.localeCompare(b.certifiedOn) ||
        byName.compare(a.unitName, b.unitName) ||
        a.caseId.localeCompare(b.caseId),
    );
  }
}
