import { App, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CATEGORY_CODES } from '@domain/categories';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { downloadFile } from '../../api/documents';
import { CATEGORY_NAMES } from '../../ui/labels';
import { ScrollRegion } from '../case/office/ScrollRegion';
import { ledgerHref } from '../ledger/ledger-filter';
import './roster.css';

type CertifiedUnit = Schemas['CertifiedUnitDto'];

/** The roster's units by category (in the domain's order), each numbered as the XLSX numbers them. */
function byCategory(items: readonly CertifiedUnit[]): { category: string; units: { position: number; unit: CertifiedUnit }[] }[] {
  const numbered = items.map((unit, index) => ({ position: index + 1, unit }));
  return CATEGORY_CODES.map((category) => ({ category, units: numbered.filter(({ unit }) => unit.category === category) })).filter(
    (group) => group.units.length > 0,
  );
}

/**
 * 认定名单: a campaign's certified units (revoked ones left out), by category, ready to print (the console's frame is
 * left off the paper) or to take as XLSX.
 */
export default function RosterPage() {
  const { campaignId = '' } = useParams();
  const { message } = App.useApp();
  const roster = useQuery({
    queryKey: ['campaigns', campaignId, 'certification-roster'],
    queryFn: () => unwrap(api.GET('/api/campaigns/{campaignId}/certification-roster', { params: { path: { campaignId }, query: {} } })),
  });
  const download = useMutation({
    mutationFn: () => downloadFile(`/api/campaigns/${encodeURIComponent(campaignId)}/certification-roster?format=xlsx`),
    onError: (error) => message.error(error instanceof ApiError ? `下载失败：${error.messageZh}` : '下载失败，请稍后重试'),
  });

  if (roster.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!roster.data) {
    const hidden = roster.error instanceof ApiError && roster.error.hidden;
    return (
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>认定名单</h1>}>
        <Empty description={hidden ? '创建活动不存在' : '暂时无法读取认定名单，请稍后重试'} />
      </Card>
    );
  }
  const { campaignName, items, total } = roster.data;

  return (
    <Card
      className="roster-sheet"
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal', textAlign: 'center' }}>
          {campaignName} 认定名单
        </Typography.Title>
      }
    >
      <Space wrap className="roster-actions" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={total === 0}>
          打印
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} loading={download.isPending} onClick={() => download.mutate()} disabled={total === 0}>
          下载 XLSX
        </Button>
        <Link to={ledgerHref({ campaignId, stage: 'certified', sort: 'certifiedOn' })}>在台账中查看</Link>
      </Space>
      <Typography.Paragraph>共 {total} 家单位获金华市级认定（已撤销命名的不列入）。</Typography.Paragraph>
      {total === 0 ? (
        <Empty description="本活动尚无获认定的单位" />
      ) : (
        <ScrollRegion label="认定名单表格" minWidth={560}>
          <table>
            <caption style={{ captionSide: 'top', textAlign: 'start', paddingBottom: 8 }}>按领域分组，组内按认定日期、单位名称排列</caption>
            <thead>
              <tr>
                <th scope="col" style={{ width: '4em' }}>
                  序号
                </th>
                <th scope="col">单位名称</th>
                <th scope="col">领域</th>
                <th scope="col">认定文号</th>
                <th scope="col" style={{ width: '8em' }}>
                  认定日期
                </th>
              </tr>
            </thead>
            {byCategory(items).map(({ category, units }) => (
              <tbody key={category}>
                <tr className="roster-group">
                  <th scope="colgroup" colSpan={5}>
                    {CATEGORY_NAMES[category] ?? category}（{units.length} 家）
                  </th>
                </tr>
                {units.map(({ position, unit }) => (
                  <tr key={unit.caseId}>
                    <td>{position}</td>
                    <td>{unit.unitName}</td>
                    <td>{CATEGORY_NAMES[unit.category] ?? unit.category}</td>
                    <td>{unit.documentNumber}</td>
                    <td>{unit.certifiedOn}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
