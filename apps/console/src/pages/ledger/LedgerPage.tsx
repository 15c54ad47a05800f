import { useState } from 'react';
import { Button, Card, Flex, Grid, List, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { LedgerColumn } from '@domain/ledger';
import { api, unwrap } from '../../api/client';
import { may } from '../../session/may';
import { session } from '../../session/session';
import { DueStatusTag, workingDaysText } from '../../ui/DueStatusTag';
import { ListEmpty } from '../../ui/ListEmpty';
import { CATEGORY_NAMES, STAGE_NAMES } from '../../ui/labels';
import { useUrlParams } from '../../ui/useUrlParams';
import { ScrollRegion } from '../case/office/ScrollRegion';
import { BulkActionDialog } from './BulkActionDialog';
import { casePath, ColumnChooser, columnName, LEDGER_CELLS, SORTABLE_COLUMNS, type LedgerRow } from './ledger-columns';
import type { LedgerFilter } from './ledger-filter';
import { columnsParam, DEFAULT_ORDER, ledgerPlaceOf, ledgerQueryOf, PAGE_SIZES, viewHref, type SortField } from './ledger-view';
import { LedgerExports } from './LedgerExports';
import { LedgerFilters, SELECTING_KEYS } from './LedgerFilters';
import { SavedViews } from './SavedViews';

/**
 * 台账: every case in the person's scope, in one table — filtered, ordered and paged on the server, everything in the
 * URL (so a link, a reload and a saved view show the same ledger), exported whole, and acted on in bulk by the office.
 */
export default function LedgerPage() {
  const url = useUrlParams();
  const { params } = url;
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const { filter, columns, page, pageSize } = ledgerPlaceOf(params);
  const sort = (filter.sort ?? DEFAULT_ORDER.sort) as SortField;
  const order = filter.order ?? DEFAULT_ORDER.order;
  const [bulk, setBulk] = useState(false);
  const cases = useQuery({
    queryKey: ['ledger', filter, page, pageSize],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { ...ledgerQueryOf(filter), page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
  const total = cases.data?.total;

  /** Changes the URL: a new filter or order starts again at the first page. */
  const set = (changes: Readonly<Record<string, string | undefined>>, keepPage = false) => url.set(keepPage ? changes : { ...changes, page: undefined });
  const setFilter = (changes: LedgerFilter) => set(changes);
  const setColumns = (chosen: readonly LedgerColumn[]) => set({ columns: columnsParam(chosen) }, true);
  const selecting = SELECTING_KEYS.some((key) => filter[key]);
  const empty = <ListEmpty failed={cases.isError} filtered={selecting} source="台账" item="案件" />;
  const pagination = {
    current: page,
    pageSize,
    total: total ?? 0,
    showTotal: (count: number) => `共 ${String(count)} 件`,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    onChange: (nextPage: number, nextSize: number) =>
      set(
        { page: nextPage === 1 || nextSize !== pageSize ? undefined : String(nextPage), pageSize: nextSize === PAGE_SIZES[0] ? undefined : String(nextSize) },
        true,
      ),
  };

  const tableColumns: TableColumnsType<LedgerRow> = columns.map((column) => {
    const field = LEDGER_CELLS[column].sort;
    return {
      key: column,
      title: columnName(column),
      render: (_: unknown, row: LedgerRow) => LEDGER_CELLS[column].render(row),
      ...(field
        ? {
            sorter: true,
            // Never unsorted: a third click turns the order round again, as the api always orders.
            sortDirections: ['ascend', 'descend', 'ascend'] as const,
            sortOrder: sort === field ? (order === 'desc' ? 'descend' : 'ascend') : null,
            showSorterTooltip: { title: `按${columnName(column)}排序` },
          }
        : {}),
    };
  });

  return (
    <Card
      title={
        <Flex wrap gap={8} align="baseline">
          <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
            台账
          </Typography.Title>
          <Typography.Text aria-live="polite">{total === undefined ? '' : `共 ${String(total)} 件`}</Typography.Text>
        </Flex>
      }
      extra={filter.campaignId && !phone ? <Link to={`/campaigns/${filter.campaignId}/roster`}>认定名单</Link> : undefined}
    >
      <LedgerFilters filter={filter} onChange={setFilter} />
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 16 }}>
        <SavedViews filter={filter} columns={columns} current={viewHref(filter, columns)} />
        <Space wrap>
          {phone ? (
            <PhoneOrder sort={sort} order={order} onChange={(nextSort, nextOrder) => set({ sort: nextSort, order: nextOrder })} />
          ) : (
            <ColumnChooser columns={columns} onChange={setColumns} />
          )}
          <LedgerExports filter={filter} columns={columns} total={total} />
          {may(session.person?.role, 'bulk-actions:start') && (
            <Button type="primary" disabled={!total} onClick={() => setBulk(true)}>
              对筛选结果批量操作
            </Button>
          )}
          {filter.campaignId && phone && <Link to={`/campaigns/${filter.campaignId}/roster`}>认定名单</Link>}
        </Space>
      </Flex>
      {phone ? (
        <List<LedgerRow>
          loading={cases.isFetching}
          dataSource={cases.data?.items ?? []}
          locale={{ emptyText: empty }}
          pagination={{ ...pagination, showSizeChanger: false, size: 'small' }}
          renderItem={(row) => <PhoneRow row={row} />}
        />
      ) : (
        <ScrollRegion label="台账表格">
          <Table<LedgerRow>
            rowKey="caseId"
            loading={cases.isFetching}
            dataSource={cases.data?.items ?? []}
            columns={tableColumns}
            size="middle"
            locale={{ emptyText: empty }}
            pagination={pagination}
            onChange={(_pagination, _filters, sorter, extra) => {
              if (extra.action !== 'sort' || Array.isArray(sorter)) return;
              const field = LEDGER_CELLS[sorter.columnKey as LedgerColumn].sort;
              if (field) set({ sort: field, order: sorter.order === 'descend' ? 'desc' : 'asc' });
            }}
          />
        </ScrollRegion>
      )}
      {bulk && <BulkActionDialog filter={filter} onClose={() => setBulk(false)} />}
    </Card>
  );
}

/** A case on a phone: its unit, due status in colour and word, stage, category and due date. */
function PhoneRow({ row }: { row: LedgerRow }) {
  return (
    <List.Item>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <DueStatusTag status={row.dueStatus} name={row.dueStatusName} />
          <Link to={casePath(row.caseId)}>{row.unitName}</Link>
        </Space>
        <Space wrap size={4}>
          <Tag>{STAGE_NAMES[row.stage] ?? row.stageName}</Tag>
          <Typography.Text>{CATEGORY_NAMES[row.category] ?? row.category}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          {row.certifiedOn
            ? `认定 ${row.certifiedOn}${row.documentNumber ? `（${row.documentNumber}）` : ''}`
            : row.dueOn
              ? `期限 ${row.dueOn}（${workingDaysText(row.workingDaysLeft ?? 0)}）`
              : '无期限'}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

/** The order on a phone, where there are no column headers to click. */
function PhoneOrder({ sort, order, onChange }: { sort: SortField; order: string; onChange: (sort: SortField, order: 'asc' | 'desc') => void }) {
  const options = SORTABLE_COLUMNS.flatMap((column) => {
    const field = LEDGER_CELLS[column].sort;
    if (!field) return [];
    return (['asc', 'desc'] as const).map((direction) => ({
      value: `${field}:${direction}`,
      label: `${columnName(column)}${direction === 'asc' ? '（升序）' : '（降序）'}`,
    }));
  });
  return (
    <Select<string>
      aria-label="排序"
      value={`${sort}:${order}`}
      options={options}
      style={{ minWidth: 180 }}
      onChange={(value) => {
        const [field, direction] = value.split(':') as [SortField, 'asc' | 'desc'];
        onChange(field, direction);
      }}
    />
  );
}
