import { Card, Empty, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { CATEGORY_NAMES, PLAN_STATUS_NAMES, STAGE_NAMES } from '../ui/labels';
import { useUrlParams } from '../ui/useUrlParams';

type Stage = NonNullable<Schemas['CaseSummaryDto']['stage']>;
const PAGE_SIZE = 20;

/** 案件列表: the cases in the person's scope, searched by unit name and stage; the filter lives in the URL. */
export default function CaseListPage() {
  const { get, set, page } = useUrlParams();
  const screens = Grid.useBreakpoint();
  const q = get('q') ?? '';
  const stage = get('stage') as Stage | undefined;
  const cases = useQuery({
    queryKey: ['cases', q, stage, page],
    queryFn: () =>
      unwrap(api.GET('/api/cases', { params: { query: { q: q || undefined, stage, page, pageSize: PAGE_SIZE, sort: 'unitName', order: 'asc' } } })),
  });
  const filtered = Boolean(q || stage);

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          案件
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="按单位名称搜索"
          placeholder="单位名称"
          allowClear
          defaultValue={q}
          onSearch={(value) => set({ q: value.trim() || undefined, page: undefined })}
          style={{ width: 240 }}
        />
        <Select
          aria-label="按阶段筛选"
          placeholder="全部阶段"
          allowClear
          value={stage}
          onChange={(value: Stage | undefined) => set({ stage: value, page: undefined })}
          options={Object.entries(STAGE_NAMES).map(([value, label]) => ({ value, label }))}
          style={{ width: 160 }}
        />
      </Space>
      <Table<Schemas['CaseSummaryDto']>
        rowKey="caseId"
        loading={cases.isLoading}
        dataSource={cases.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        size={screens.md ? 'middle' : 'small'}
        locale={{
          emptyText: cases.isError ? (
            <Empty description="暂时无法读取案件，请稍后重试" />
          ) : (
            <Empty description={filtered ? '没有符合筛选条件的案件（清空筛选）' : '暂无案件'} />
          ),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: cases.data?.total ?? 0,
          showTotal: (total) => `共 ${String(total)} 条`,
          showSizeChanger: false,
          onChange: (next) => set({ page: next === 1 ? undefined : String(next) }),
        }}
        columns={[
          { title: '单位', dataIndex: 'unitName', render: (name: string, row) => <Link to={`/cases/${encodeURIComponent(row.caseId)}`}>{name}</Link> },
          { title: '领域', dataIndex: 'category', render: (category: string) => CATEGORY_NAMES[category] ?? category, responsive: ['md'] },
          { title: '阶段', dataIndex: 'stage', render: (value: string) => <Tag>{STAGE_NAMES[value] ?? value}</Tag> },
          { title: '创建方案', dataIndex: 'planStatus', render: (value: string) => PLAN_STATUS_NAMES[value] ?? value, responsive: ['lg'] },
        ]}
      />
    </Card>
  );
}
