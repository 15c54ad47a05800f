import { useMemo } from 'react';
import { Alert, Card, Col, Empty, Grid, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CASE_STAGES, type CaseStage } from '@domain/stages';
import { CATEGORY_CODES, type CategoryCode } from '@domain/categories';
import { api, unwrap, type Schemas } from '../../api/client';
import { EChart, type ChartOption } from '../../ui/EChart';
import { CATEGORY_NAMES, DUE_STATUS, STAGE_NAMES } from '../../ui/labels';
import { ledgerHref, type LedgerFilter } from '../ledger/ledger-filter';

type Statistics = Schemas['CampaignStatisticsDto'];
type Campaign = Schemas['CampaignDto'];
type DueStatusKey = keyof Statistics['dueStatus'];

const DUE_ORDER: readonly DueStatusKey[] = ['overdue', 'due_soon', 'on_track', 'no_due_date'];
/** Stages a case moves through; the closing ones are shown after them. */
const STAGE_COLUMNS: readonly CaseStage[] = CASE_STAGES.filter((stage) => stage !== 'enrolled');

const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const days = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${value.toFixed(1)} 天`);

/** The last day of a YYYY-MM month. */
function monthEnd(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** 督办看板: where every unit of a campaign stands, each figure a link to exactly those cases in the ledger. */
export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const campaigns = useQuery({ queryKey: ['campaigns', 'all'], queryFn: () => unwrap(api.GET('/api/campaigns', { params: { query: {} } })) });
  const years = useMemo(() => [...new Set((campaigns.data ?? []).map((campaign) => campaign.year))].sort((a, b) => b - a), [campaigns.data]);
  const year = Number(params.get('year')) || years[0];
  const ofYear: Campaign[] = (campaigns.data ?? []).filter((campaign) => campaign.year === year);
  const campaign = ofYear.find((candidate) => candidate.id === params.get('campaignId')) ?? ofYear[0];
  const statistics = useQuery({
    queryKey: ['campaigns', campaign?.id, 'statistics'],
    queryFn: () => unwrap(api.GET('/api/campaigns/{campaignId}/statistics', { params: { path: { campaignId: campaign?.id ?? '' }, query: {} } })),
    enabled: Boolean(campaign),
  });
  const link = (filter: LedgerFilter): string => ledgerHref({ campaignId: campaign?.id, ...filter });
  const go = (filter: LedgerFilter) => void navigate(link(filter));

  const title = (
    <Space wrap>
      <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
        督办看板
      </Typography.Title>
      <Select
        aria-label="年度"
        value={year}
        style={{ width: 110 }}
        options={years.map((value) => ({ value, label: `${String(value)} 年度` }))}
        onChange={(value: number) => setParams({ year: String(value) }, { replace: true })}
      />
      {ofYear.length > 1 && (
        <Select
          aria-label="创建活动"
          value={campaign?.id}
          style={{ minWidth: 220 }}
          options={ofYear.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          onChange={(value: string) => setParams({ year: String(year), campaignId: value }, { replace: true })}
        />
      )}
    </Space>
  );

  if (campaigns.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!campaign) return <Card title={title}>{<Empty description="尚无创建活动" />}</Card>;
  const data = statistics.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={title} extra={<Link to={`/campaigns/${campaign.id}/roster`}>认定名单</Link>}>
        <Typography.Text type="secondary">
          {campaign.name}
          {data && ` · 统计日：${data.asOf}`}
        </Typography.Text>
        {statistics.isError && <Alert type="error" showIcon title="暂时无法读取统计，请稍后重试" style={{ marginTop: 12 }} />}
        {data && <Summary data={data} link={link} />}
      </Card>
      {data && (
        <>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>分领域分阶段（对照目标）</h2>}>
            <CategoryStageTable data={data} link={link} phone={!screens.md} />
            <EChart label="各领域各阶段案件数柱状图" height={320} option={categoryStageChart(data)} onClick={(click) => go(categoryStageClick(click))} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>在办案件期限状态</h2>} style={{ height: '100%' }}>
                <DueStatusList data={data} link={link} />
                <EChart label="在办案件期限状态图" height={220} option={dueStatusChart(data)} onClick={(click) => go(dueClick(click))} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>各阶段用时（已结束的停留）</h2>} style={{ height: '100%' }}>
                <TimeInStage data={data} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card
                title={<h2 style={{ fontSize: 16, margin: 0 }}>停留最久的案件（瓶颈）</h2>}
                extra={<Link to={link({ open: 'true', sort: 'stageEnteredAt', order: 'asc' })}>在台账中查看</Link>}
                style={{ height: '100%' }}
              >
                <LongestWaiting data={data} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>认定进度（按月）</h2>} style={{ height: '100%' }}>
                {data.certificationsByMonth.length === 0 ? (
                  <Empty description="尚无认定" />
                ) : (
                  <>
                    <EChart
                      label="各月认定数柱状图"
                      height={220}
                      option={certificationsChart(data)}
                      onClick={(click) => go({ stage: 'certified', certifiedFrom: `${click.name}-01`, certifiedTo: monthEnd(click.name) })}
                    />
                    <Space wrap>
                      {data.certificationsByMonth.map(({ month, count }) => (
                        <Link key={month} to={link({ stage: 'certified', certifiedFrom: `${month}-01`, certifiedTo: monthEnd(month) })}>
                          {month}：{count} 家
                        </Link>
                      ))}
                    </Space>
                  </>
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}

function Summary({ data, link }: { data: Statistics; link: (filter: LedgerFilter) => string }) {
  const certified = CATEGORY_CODES.reduce((sum, category) => sum + data.byCategory[category].certified, 0);
  const figures: { label: string; value: number | string; to: string; color?: string }[] = [
    { label: '案件总数', value: data.cases, to: link({}) },
    { label: '在办', value: DUE_ORDER.reduce((sum, key) => sum + data.dueStatus[key], 0), to: link({ open: 'true' }) },
    { label: '已认定', value: certified, to: link({ stage: 'certified' }) },
    { label: '逾期', value: data.dueStatus.overdue, to: link({ open: 'true', dueStatus: 'overdue' }), color: DUE_STATUS.overdue?.color },
    { label: '临期', value: data.dueStatus.due_soon, to: link({ open: 'true', dueStatus: 'due_soon' }), color: DUE_STATUS.due_soon?.color },
    { label: '检查通过率', value: percent(data.passRate), to: link({}) },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      {figures.map(({ label, value, to, color }) => (
        <Col key={label} xs={12} sm={8} lg={4}>
          <Link to={to} aria-label={`${label} ${String(value)}，在台账中查看`}>
            <Statistic title={label} value={value} styles={color ? { content: { color } } : undefined} />
          </Link>
        </Col>
      ))}
    </Row>
  );
}

function CategoryStageTable({ data, link, phone }: { data: Statistics; link: (filter: LedgerFilter) => string; phone: boolean }) {
  const stages = STAGE_COLUMNS.filter((stage) => CATEGORY_CODES.some((category) => (data.byCategory[category].byStage[stage] ?? 0) > 0));
  const rows = CATEGORY_CODES.filter((category) => data.byCategory[category].total > 0 || data.byCategory[category].target !== null).map((category) => ({
    category,
    ...data.byCategory[category],
  }));
  return (
    <Table
      rowKey="category"
      size={phone ? 'small' : 'middle'}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      locale={{ emptyText: <Empty description="本活动尚无案件" /> }}
      columns={[
        { title: '领域', dataIndex: 'category', fixed: 'left', render: (category: CategoryCode) => CATEGORY_NAMES[category] ?? category },
        {
          title: '案件数',
          dataIndex: 'total',
          render: (total: number, row) => <Link to={link({ category: row.category })}>{total}</Link>,
        },
        {
          title: '认定 / 目标',
          key: 'target',
          render: (_: unknown, row) => (
            <span>
              <Link to={link({ category: row.category, stage: 'certified' })} style={{ textDecoration: 'underline' }}>
                {row.certified}
              </Link>{' '}
              / {row.target ?? '未设'}
              {row.target !== null && row.certified >= row.target && (
                <Tag color="#237804" style={{ marginInlineStart: 8 }}>
                  达标
                </Tag>
              )}
            </span>
          ),
        },
        ...stages.map((stage) => ({
          title: STAGE_NAMES[stage] ?? stage,
          key: stage,
          align: 'right' as const,
          render: (_: unknown, row: (typeof rows)[number]) => {
            const count = row.byStage[stage] ?? 0;
            return count === 0 ? <span aria-label="0">·</span> : <Link to={link({ category: row.category, stage })}>{count}</Link>;
          },
        })),
      ]}
    />
  );
}

function categoryStageChart(data: Statistics): ChartOption {
  const categories = CATEGORY_CODES.filter((category) => data.byCategory[category].total > 0);
  const stages = STAGE_COLUMNS.filter((stage) => categories.some((category) => (data.byCategory[category].byStage[stage] ?? 0) > 0));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: categories.map((category) => CATEGORY_NAMES[category] ?? category) },
    yAxis: { type: 'value', minInterval: 1 },
    series: stages.map((stage) => ({
      type: 'bar' as const,
      stack: 'stage',
      name: STAGE_NAMES[stage] ?? stage,
      data: categories.map((category) => data.byCategory[category].byStage[stage] ?? 0),
    })),
  };
}

const codeOf = <K extends string>(names: Readonly<Record<string, string>>, keys: readonly K[], name: string | undefined): K | undefined =>
  keys.find((key) => names[key] === name);

function categoryStageClick(click: { seriesName?: string; name: string }): LedgerFilter {
  return { category: codeOf(CATEGORY_NAMES, CATEGORY_CODES, click.name), stage: codeOf(STAGE_NAMES, CASE_STAGES, click.seriesName) };
}

function DueStatusList({ data, link }: { data: Statistics; link: (filter: LedgerFilter) => string }) {
  return (
    <Space wrap size="large">
      {DUE_ORDER.map((key) => {
        const status = DUE_STATUS[key] ?? { word: key, color: '#595959' };
        return (
          <Link key={key} to={link({ open: 'true', dueStatus: key })} aria-label={`${status.word} ${String(data.dueStatus[key])} 件，在台账中查看`}>
            <Tag color={status.color}>{status.word}</Tag>
            <Typography.Text strong>{data.dueStatus[key]}</Typography.Text>
          </Link>
        );
      })}
    </Space>
  );
}

function dueStatusChart(data: Statistics): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        label: { formatter: '{b}：{c}' },
        data: DUE_ORDER.map((key) => ({
          name: DUE_STATUS[key]?.word ?? key,
          value: data.dueStatus[key],
          itemStyle: { color: DUE_STATUS[key]?.color },
        })),
      },
    ],
  };
}

function dueClick(click: { name: string }): LedgerFilter {
  const key = DUE_ORDER.find((candidate) => DUE_STATUS[candidate]?.word === click.name);
  return { open: 'true', dueStatus: key };
}

function TimeInStage({ data }: { data: Statistics }) {
  const rows = STAGE_COLUMNS.flatMap((stage) => {
    const duration = data.timeInStage[stage];
    return duration ? [{ stage, ...duration }] : [];
  });
  if (rows.length === 0) return <Empty description="尚无已结束的阶段" />;
  return (
    <Table
      rowKey="stage"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '阶段', dataIndex: 'stage', render: (stage: string) => STAGE_NAMES[stage] ?? stage },
        { title: '已结束次数', dataIndex: 'completed', align: 'right' },
        { title: '平均', dataIndex: 'meanDays', align: 'right', render: days },
        { title: '第 90 百分位', dataIndex: 'p90Days', align: 'right', render: days },
      ]}
    />
  );
}

function LongestWaiting({ data }: { data: Statistics }) {
  if (data.longestWaiting.length === 0) return <Empty description="没有在办案件" />;
  return (
    <Table
      rowKey="caseId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={data.longestWaiting}
      columns={[
        { title: '单位', dataIndex: 'unitName', render: (name: string, row) => <Link to={`/cases/${encodeURIComponent(row.caseId)}`}>{name}</Link> },
        { title: '阶段', dataIndex: 'stage', render: (stage: string) => <Tag>{STAGE_NAMES[stage] ?? stage}</Tag> },
        { title: '已停留', dataIndex: 'daysInStage', align: 'right', render: (value: number) => `${String(value)} 天` },
        { title: '到期日', dataIndex: 'dueOn', render: (value: string | null) => value ?? '无期限' },
      ]}
    />
  );
}

function certificationsChart(data: Statistics): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.certificationsByMonth.map(({ month }) => month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '认定数', data: data.certificationsByMonth.map(({ count }) => count), itemStyle: { color: '#237804' } }],
  };
}
