import { Grid, Select, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { ACCOUNT_EVENT_NAMES, formatTime } from '../../ui/labels';
import { ListEmpty } from '../../ui/ListEmpty';
import { urlPagination, useUrlParams } from '../../ui/useUrlParams';
import { actorName, detailOf } from '../settings/AccountRecordsPage';
import { accountPath } from '../settings/AccountsPage';
import { PageCard } from '../settings/parts';
import { AccountSelect } from './AccountSelect';
import { TimeRangeFilter } from './TimeRangeFilter';

type AccountEvent = Schemas['AccountEventDto'];
type AccountEventType = AccountEvent['type'];

const PAGE_SIZE = 20;
const FILTERS = ['accountId', 'type', 'from', 'to'] as const;
const TYPE_OPTIONS = Object.entries(ACCOUNT_EVENT_NAMES).map(([value, label]) => ({ value: value as AccountEventType, label }));

/**
 * 账户记录: logins, failures, lockouts, sessions ended, accounts and api tokens created or disabled, campaign settings
 * edited, across every account, newest first; by account, kind and time. The filters live in the URL.
 */
export default function AccountEventsPage() {
  const screens = Grid.useBreakpoint();
  const url = useUrlParams();
  const { set, page } = url;
  const filter = url.pick(FILTERS);
  const events = useQuery({
    queryKey: ['account-events', 'all', filter, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/account-events', {
          params: { query: { ...filter, type: filter.type as AccountEventType | undefined, page, pageSize: PAGE_SIZE } },
        }),
      ),
  });
  const accounts = useQuery({ queryKey: ['accounts', {}], queryFn: () => unwrap(api.GET('/api/accounts')) });
  const filtered = FILTERS.some((name) => filter[name] !== undefined);

  return (
    <PageCard title="账户记录">
      <Space wrap style={{ marginBottom: 16 }}>
        <AccountSelect
          aria-label="按账户筛选"
          placeholder="全部账户"
          allowClear
          value={filter.accountId}
          onChange={(value: string | undefined) => set({ accountId: value, page: undefined })}
          style={{ width: 260 }}
        />
        <Select<AccountEventType>
          aria-label="按记录类型筛选"
          placeholder="全部类型"
          allowClear
          value={filter.type as AccountEventType | undefined}
          onChange={(value: AccountEventType | undefined) => set({ type: value, page: undefined })}
          options={TYPE_OPTIONS}
          style={{ width: 180 }}
        />
        <TimeRangeFilter />
      </Space>
      <Table<AccountEvent>
        rowKey="id"
        loading={events.isLoading}
        dataSource={events.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        size={screens.md ? 'middle' : 'small'}
        locale={{ emptyText: <ListEmpty failed={events.isError} filtered={filtered} source="账户记录" item="记录" /> }}
        pagination={urlPagination(url, PAGE_SIZE, events.data?.total)}
        columns={[
          { title: '时间', dataIndex: 'occurredAt', render: (value: string) => formatTime(value) },
          { title: '事项', dataIndex: 'type', render: (type: string) => ACCOUNT_EVENT_NAMES[type] ?? type },
          {
            title: '账户',
            key: 'account',
            render: (_: unknown, row) => (row.accountId ? <Link to={accountPath(row.accountId)}>{row.username ?? row.accountId}</Link> : (row.username ?? '—')),
          },
          { title: '说明', key: 'detail', render: (_: unknown, row) => detailOf(row) || '—' },
          { title: '操作人', key: 'actor', render: (_: unknown, row) => actorName(row, accounts.data) },
          { title: '来源地址', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
        ]}
      />
    </PageCard>
  );
}
