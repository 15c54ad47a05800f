import { Grid, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CASE_EVENT_TYPES } from '@domain/case-event-types';
import { api, unwrap, type Schemas } from '../../api/client';
import { session } from '../../session/session';
import { CampaignSelect } from '../../ui/CampaignSelect';
import { EVENT_NAMES, formatTime } from '../../ui/labels';
import { ListEmpty } from '../../ui/ListEmpty';
import { urlPagination, useUrlParams } from '../../ui/useUrlParams';
import { actorOf } from '../case/CaseTimeline';
import { shortHash } from '../case/office/labels';
import { PageCard } from '../settings/parts';
import { AccountSelect } from './AccountSelect';
import { TimeRangeFilter } from './TimeRangeFilter';

type AuditEvent = Schemas['AuditEventDto'];
type EventType = AuditEvent['type'];

const PAGE_SIZE = 20;
const FILTERS = ['actorId', 'type', 'campaignId', 'from', 'to'] as const;
export const EVENT_TYPE_OPTIONS = CASE_EVENT_TYPES.map((type) => ({ value: type, label: EVENT_NAMES[type] ?? type }));

/**
 * 审计日志: the records of every case, newest first, by person, event type, campaign and time; each with its case,
 * who took it (name and role), the reason and the start of its hash. The filters live in the URL.
 */
export default function AuditLogPage() {
  const screens = Grid.useBreakpoint();
  const url = useUrlParams();
  const { set, page } = url;
  const filter = url.pick(FILTERS);
  const events = useQuery({
    queryKey: ['audit-events', filter, page],
    queryFn: () =>
      unwrap(api.GET('/api/audit/events', { params: { query: { ...filter, type: filter.type as EventType | undefined, page, pageSize: PAGE_SIZE } } })),
  });
  const filtered = FILTERS.some((name) => filter[name] !== undefined);

  return (
    <PageCard title="审计日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <AccountSelect
          aria-label="按操作人筛选"
          placeholder="全部操作人"
          allowClear
          extra={[{ value: 'system', label: '系统（期限、提醒）' }]}
          value={filter.actorId}
          onChange={(value: string | undefined) => set({ actorId: value, page: undefined })}
          style={{ width: 260 }}
        />
        <Select<EventType>
          aria-label="按事件类型筛选"
          placeholder="全部事件"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filter.type as EventType | undefined}
          onChange={(value: EventType | undefined) => set({ type: value, page: undefined })}
          options={EVENT_TYPE_OPTIONS}
          style={{ width: 180 }}
        />
        <CampaignSelect
          aria-label="按创建活动筛选"
          placeholder="全部创建活动"
          allowClear
          value={filter.campaignId}
          onChange={(value: string | undefined) => set({ campaignId: value, page: undefined })}
          style={{ width: 260 }}
        />
        <TimeRangeFilter />
      </Space>
      <Table<AuditEvent>
        rowKey="eventId"
        loading={events.isLoading}
        dataSource={events.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        size={screens.md ? 'middle' : 'small'}
        locale={{ emptyText: <ListEmpty failed={events.isError} filtered={filtered} source="审计日志" item="记录" /> }}
        pagination={urlPagination(url, PAGE_SIZE, events.data?.total)}
        columns={[
          { title: '时间', dataIndex: 'occurredAt', render: (value: string) => formatTime(value) },
          {
            title: '单位',
            key: 'case',
            render: (_: unknown, row) => <Link to={`/cases/${encodeURIComponent(row.caseId)}`}>{row.unitName ?? row.caseId}</Link>,
          },
          {
            title: '事项',
            key: 'type',
            render: (_: unknown, row) => (
              <>
                {EVENT_NAMES[row.type] ?? row.type}
                <Typography.Text type="secondary"> · 第 {row.sequence} 条</Typography.Text>
              </>
            ),
          },
          { title: '操作人', key: 'actor', render: (_: unknown, row) => actorOf(row, session.person?.id) },
          {
            title: '理由',
            dataIndex: 'reason',
            render: (reason: string | null) => <div style={{ minWidth: 120, maxWidth: 320, whiteSpace: 'normal' }}>{reason ?? '—'}</div>,
          },
          {
            title: '哈希',
            dataIndex: 'hash',
            render: (hash: string) => (
              <Typography.Text code copyable={{ text: hash, tooltips: ['复制完整哈希', '已复制'] }} title={hash}>
                {shortHash(hash)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
