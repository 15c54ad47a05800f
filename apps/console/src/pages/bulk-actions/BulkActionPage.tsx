import { Card, Descriptions, Empty, Flex, Grid, Progress, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { session } from '../../session/session';
import { formatTime, ROLE_NAMES, STAGE_NAMES } from '../../ui/labels';
import { chineseOf } from '../../ui/problems';
import { urlPagination, useUrlParams } from '../../ui/useUrlParams';
import { useAccountNames } from '../case/office/useAccountNames';
import { ScrollRegion } from '../case/office/ScrollRegion';
import { ACTION_STATUS, ITEM_STATUS, kindNameOf, parametersText } from './bulk-action-labels';

type Item = Schemas['BulkActionItemDto'];
type ItemStatus = Item['status'];
const PAGE_SIZE = 20;
/** How often a running action is read again. */
const REFRESH_MS = 1_000;

const percentOf = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);

/**
 * 批量操作的进度与结果: who started it and when, what it does, how far it is (refreshing while it runs), and each
 * case's result — done, refused by the case's rules (with the reason) or failed — with its case a click away.
 */
export default function BulkActionPage() {
  const { bulkActionId = '' } = useParams();
  const url = useUrlParams();
  const screens = Grid.useBreakpoint();
  const { page } = url;
  const status = url.get('status') as ItemStatus | undefined;
  const nameOf = useAccountNames(true);
  const action = useQuery({
    queryKey: ['bulk-actions', bulkActionId, { page, status }],
    queryFn: () =>
      unwrap(
        api.GET('/api/bulk-actions/{bulkActionId}', {
          params: { path: { bulkActionId }, query: { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.status === 'completed' ? false : REFRESH_MS),
  });

  if (action.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  const data = action.data;
  if (!data) {
    const hidden = action.error instanceof ApiError && action.error.hidden;
    return (
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>批量操作</h1>}>
        <Empty description={hidden ? '没有这项批量操作' : '暂时无法读取批量操作，请稍后重试'} />
      </Card>
    );
  }
  const done = data.succeeded + data.refused + data.failed;
  const state = ACTION_STATUS[data.status] ?? { word: data.status, color: 'default' };
  const counts: [ItemStatus, number][] = [
    ['succeeded', data.succeeded],
    ['refused', data.refused],
    ['failed', data.failed],
    ['pending', data.pending],
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Flex wrap gap={8} align="center">
            <Typography.Title level={1} style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}>
              批量操作：{kindNameOf(data)}
            </Typography.Title>
            <Tag color={state.color}>{state.word}</Tag>
          </Flex>
        }
        extra={screens.md ? <Link to="/bulk-actions">全部批量操作</Link> : undefined}
      >
        <Progress
          percent={percentOf(done, data.total)}
          success={{ percent: percentOf(data.succeeded, data.total) }}
          // Beyond the succeeded (green): the refused and the failed.
          strokeColor={ITEM_STATUS.refused?.color}
          status={data.status === 'running' ? 'active' : 'normal'}
          format={() => `${String(done)} / ${String(data.total)}`}
          aria-label={`已处理 ${String(done)} / ${String(data.total)} 件`}
        />
        <Typography.Paragraph aria-live="polite" style={{ marginTop: 8 }}>
          共 {data.total} 件：
          {counts.map(([key, count]) => (
            <Tag key={key} color={ITEM_STATUS[key]?.color}>
              {ITEM_STATUS[key]?.word} {count}
            </Tag>
          ))}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={screens.md ? 2 : 1}
          items={[
            {
              key: 'by',
              label: '发起人',
              children: `${data.startedBy.name ?? data.startedBy.id}（${(ROLE_NAMES as Readonly<Record<string, string>>)[data.startedBy.role] ?? data.startedBy.role}）`,
            },
            { key: 'at', label: '发起时间', children: formatTime(data.startedAt) },
            { key: 'parameters', label: '内容', children: parametersText(data.parameters, nameOf) },
            { key: 'finished', label: '完成时间', children: data.finishedAt ? formatTime(data.finishedAt) : '—' },
          ]}
        />
      </Card>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>各案件结果</h2>}
        extra={
          <Select<ItemStatus>
            aria-label="按结果筛选"
            placeholder="全部结果"
            allowClear
            value={status}
            style={{ width: 130 }}
            options={counts.map(([key]) => ({ value: key, label: ITEM_STATUS[key]?.word ?? key }))}
            onChange={(value) => url.set({ status: value, page: undefined })}
          />
        }
      >
        {/* On a phone the table fits the screen, so a refusal's reason wraps rather than running off it. */}
        <ScrollRegion label="各案件结果表格" minWidth={screens.md ? 'max-content' : 320}>
          <Table<Item>
            rowKey="caseId"
            size={screens.md ? 'middle' : 'small'}
            dataSource={data.results.items}
            locale={{ emptyText: <Empty description={status ? '没有此结果的案件' : '暂无结果'} /> }}
            pagination={{ ...urlPagination(url, PAGE_SIZE, data.results.total, '件'), hideOnSinglePage: true }}
            columns={[
              {
                title: '单位',
                dataIndex: 'unitName',
                render: (name: string, row) => <Link to={`/cases/${encodeURIComponent(row.caseId)}`}>{name}</Link>,
              },
              {
                title: '结果',
                dataIndex: 'status',
                render: (value: string) => <Tag color={ITEM_STATUS[value]?.color}>{ITEM_STATUS[value]?.word ?? value}</Tag>,
              },
              { title: '原因', dataIndex: 'message', render: (value: string | null) => (value ? chineseOf(value) : '—') },
              { title: '确认时阶段', dataIndex: 'stage', render: (value: string) => STAGE_NAMES[value] ?? value, responsive: ['md'] },
              { title: '完成时间', dataIndex: 'finishedAt', render: (value: string | null) => (value ? formatTime(value) : '—'), responsive: ['lg'] },
            ]}
          />
        </ScrollRegion>
        {session.person?.role === 'administrator' && data.refused + data.failed > 0 && data.status === 'completed' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            被拒绝或失败的案件未作改动；可在案件页逐一办理，或调整筛选后再次批量操作。
          </Typography.Paragraph>
        )}
      </Card>
    </Space>
  );
}
