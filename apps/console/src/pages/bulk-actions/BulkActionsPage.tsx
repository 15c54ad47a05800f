import { Grid, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatTime } from '../../ui/labels';
import { ListEmpty } from '../../ui/ListEmpty';
import { urlPagination, useUrlParams } from '../../ui/useUrlParams';
import { ScrollRegion } from '../case/office/ScrollRegion';
import { ledgerHref } from '../ledger/ledger-filter';
import { PageCard } from '../settings/parts';
import { ACTION_STATUS, bulkActionPath, ITEM_STATUS, kindNameOf } from './bulk-action-labels';

type Summary = Schemas['BulkActionSummaryDto'];
const PAGE_SIZE = 20;
const REFRESH_MS = 2_000;

/** 批量操作: every bulk action, newest first, with its progress; read again while any runs. */
export default function BulkActionsPage() {
  const url = useUrlParams();
  const screens = Grid.useBreakpoint();
  const { page } = url;
  const actions = useQuery({
    queryKey: ['bulk-actions', { page }],
    queryFn: () => unwrap(api.GET('/api/bulk-actions', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((action) => action.status === 'running') ? REFRESH_MS : false),
  });

  return (
    <PageCard title="批量操作" action={<Link to={ledgerHref({})}>在台账中筛选后发起</Link>}>
      <ScrollRegion label="批量操作列表">
        <Table<Summary>
          rowKey="id"
          loading={actions.isLoading}
          size={screens.md ? 'middle' : 'small'}
          dataSource={actions.data?.items ?? []}
          locale={{ emptyText: <ListEmpty failed={actions.isError} filtered={false} source="批量操作" item="批量操作" /> }}
          pagination={{ ...urlPagination(url, PAGE_SIZE, actions.data?.total, '项'), hideOnSinglePage: true }}
          columns={[
            { title: '操作', key: 'kind', render: (_: unknown, row) => <Link to={bulkActionPath(row.id)}>{kindNameOf(row)}</Link> },
            { title: '发起时间', dataIndex: 'startedAt', render: (value: string) => formatTime(value) },
            {
              title: '结果',
              key: 'results',
              render: (_: unknown, row) =>
                `完成 ${String(row.succeeded)} · 被拒绝 ${String(row.refused)} · 失败 ${String(row.failed)} / 共 ${String(row.total)} 件`,
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (value: string) => <Tag color={ACTION_STATUS[value]?.color ?? ITEM_STATUS.pending?.color}>{ACTION_STATUS[value]?.word ?? value}</Tag>,
            },
            { title: '发起人', key: 'by', render: (_: unknown, row) => row.startedBy.name ?? row.startedBy.id, responsive: ['md'] },
          ]}
        />
      </ScrollRegion>
    </PageCard>
  );
}
