import { Button, Empty, Grid, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { may } from '../../session/may';
import { session } from '../../session/session';
import { formatTime } from '../../ui/labels';
import { settingsOf } from './CampaignSettingsView';
import { PageCard, UrlFilter } from './parts';

export const campaignPath = (campaignId: string) => `/settings/campaigns/${campaignId}`;

/** 活动设置: the campaigns of a year (or all), each leading to its settings; the office creates new ones. */
export default function CampaignsPage() {
  const [params] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const year = Number(params.get('year')) || undefined;
  const all = useQuery({ queryKey: ['campaigns'], queryFn: () => unwrap(api.GET('/api/campaigns')) });
  const shown = useQuery({
    queryKey: ['campaigns', { year }],
    queryFn: () => unwrap(api.GET('/api/campaigns', { params: { query: { year } } })),
  });
  const years = [...new Set((all.data ?? []).map((campaign) => campaign.year))].sort((a, b) => b - a);

  return (
    <PageCard
      title="活动设置"
      action={
        may(session.person?.role, 'campaigns:create') && (
          <Button type="primary" onClick={() => void navigate('/settings/campaigns/new')}>
            新建创建活动
          </Button>
        )
      }
    >
      <UrlFilter
        param="year"
        label="按年度筛选"
        placeholder="全部年度"
        options={years.map((value) => ({ value: String(value), label: `${String(value)} 年` }))}
        width={140}
      />
      <Table<Schemas['CampaignDto']>
        rowKey="id"
        loading={shown.isLoading}
        dataSource={shown.data ?? []}
        scroll={{ x: 'max-content' }}
        size={screens.md ? 'middle' : 'small'}
        pagination={false}
        locale={{
          emptyText: shown.isError ? (
            <Empty description="暂时无法读取创建活动，请稍后重试" />
          ) : (
            <Empty description={year ? `${String(year)} 年没有创建活动（清空筛选）` : '暂无创建活动'} />
          ),
        }}
        columns={[
          { title: '年度', dataIndex: 'year', render: (value: number) => `${String(value)} 年` },
          { title: '活动名称', dataIndex: 'name', render: (name: string, row) => <Link to={campaignPath(row.id)}>{name}</Link> },
          {
            title: '创建目标',
            key: 'targets',
            render: (_: unknown, row) => {
              const counts = Object.values(settingsOf(row).targets);
              return counts.length ? `${String(counts.reduce((sum, count) => sum + count, 0))} 个` : '未设';
            },
          },
          { title: '合格线', key: 'pass', render: (_: unknown, row) => `${String(settingsOf(row).thresholds.pass)} 分`, responsive: ['md'] },
          { title: '创建时间', dataIndex: 'createdAt', render: (value: string) => formatTime(value), responsive: ['lg'] },
        ]}
      />
    </PageCard>
  );
}
