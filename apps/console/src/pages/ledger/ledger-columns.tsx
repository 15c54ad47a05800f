import type { ReactNode } from 'react';
import { Button, Checkbox, Popover, Space, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { LEDGER_COLUMN_NAMES, LEDGER_COLUMNS, type LedgerColumn } from '@domain/ledger';
import type { Schemas } from '../../api/client';
import { DueStatusTag, workingDaysText } from '../../ui/DueStatusTag';
import { CATEGORY_NAMES, formatTime, PLAN_STATUS_NAMES, STAGE_NAMES } from '../../ui/labels';
import type { SortField } from './ledger-view';

export type LedgerRow = Schemas['CaseSummaryDto'];

export const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;
export const columnName = (column: LedgerColumn): string => LEDGER_COLUMN_NAMES[column].zh;

const orNone = (value: string | null): string => value ?? '—';

/** How each column shows a case, and the api's sort field it orders by (none: the column cannot be sorted on). */
export const LEDGER_CELLS: Readonly<Record<LedgerColumn, { readonly render: (row: LedgerRow) => ReactNode; readonly sort?: SortField }>> = {
  unitName: { render: (row) => <Link to={casePath(row.caseId)}>{row.unitName}</Link>, sort: 'unitName' },
  category: { render: (row) => CATEGORY_NAMES[row.category] ?? row.category, sort: 'category' },
  stage: { render: (row) => <Tag>{STAGE_NAMES[row.stage] ?? row.stageName}</Tag>, sort: 'stage' },
  planStatus: { render: (row) => PLAN_STATUS_NAMES[row.planStatus] ?? row.planStatus },
  dueOn: { render: (row) => orNone(row.dueOn), sort: 'dueOn' },
  dueStatus: { render: (row) => <DueStatusTag status={row.dueStatus} name={row.dueStatusName} /> },
  workingDaysLeft: { render: (row) => (row.workingDaysLeft === null ? '—' : workingDaysText(row.workingDaysLeft)) },
  stageEnteredAt: { render: (row) => (row.stageEnteredAt ? formatTime(row.stageEnteredAt) : '—'), sort: 'stageEnteredAt' },
  certifiedOn: { render: (row) => orNone(row.certifiedOn), sort: 'certifiedOn' },
  documentNumber: { render: (row) => orNone(row.documentNumber) },
  updatedAt: { render: (row) => formatTime(row.updatedAt), sort: 'updatedAt' },
  caseId: { render: (row) => <Typography.Text code>{row.caseId}</Typography.Text> },
};

/** The sort fields a person may choose from (on a phone, where there are no column headers to click). */
export const SORTABLE_COLUMNS: readonly LedgerColumn[] = LEDGER_COLUMNS.filter((column) => LEDGER_CELLS[column].sort !== undefined);

/** 列: which columns the ledger shows (at least one), in the ledger's own order. */
export function ColumnChooser({ columns, onChange }: { columns: readonly LedgerColumn[]; onChange: (columns: LedgerColumn[]) => void }) {
  const chooser = (
    <Checkbox.Group<LedgerColumn>
      aria-label="显示的列"
      value={[...columns]}
      onChange={(chosen) => {
        if (chosen.length) onChange(LEDGER_COLUMNS.filter((column) => chosen.includes(column)));
      }}
    >
      <Space orientation="vertical" size={4}>
        {LEDGER_COLUMNS.map((column) => (
          <Checkbox key={column} value={column} disabled={columns.length === 1 && columns[0] === column}>
            {columnName(column)}
          </Checkbox>
        ))}
      </Space>
    </Checkbox.Group>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示的列" content={chooser}>
      <Button icon={<SettingOutlined aria-hidden />} aria-label="选择显示的列">
        列
      </Button>
    </Popover>
  );
}
