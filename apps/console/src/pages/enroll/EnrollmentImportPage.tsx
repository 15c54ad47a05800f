import { useRef, useState } from 'react';
import { Alert, Breadcrumb, Button, Descriptions, Form, Grid, Popconfirm, Progress, Space, Switch, Table, Tag, theme, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ENROLLMENT_SHEET_COLUMNS } from '@domain/enrollment-sheet';
import { type Schemas } from '../../api/client';
import { saveBlob, uploadFile } from '../../api/documents';
import { CampaignSelect } from '../../ui/CampaignSelect';
import { CATEGORY_NAMES, formatSize, OWNERSHIP_NAMES } from '../../ui/labels';
import { Refusal } from '../../ui/problems';
import { useUrlParams } from '../../ui/useUrlParams';
import { ledgerHref } from '../ledger/ledger-filter';
import { ScrollRegion } from '../case/office/ScrollRegion';
import { PageCard } from '../settings/parts';

type Preview = Schemas['EnrollmentFileDto'];
type PreviewRow = Schemas['EnrollmentPreviewRowDto'];
type SheetProblem = Schemas['SheetProblemDto'];

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Each row's status in word and colour (never the colour alone). */
const ROW_STATUS: Readonly<Record<PreviewRow['status'], { word: string; color: string }>> = {
  new: { word: '新纳入', color: '#237804' },
  already_enrolled: { word: '已纳入', color: '#595959' },
  invalid: { word: '有误', color: '#a8071a' },
};

/** The header (the names the api reads first) and a few example rows, as Excel in China opens it (UTF-8 with a BOM). */
function templateCsv(): string {
  const header = [ENROLLMENT_SHEET_COLUMNS.name[1], ENROLLMENT_SHEET_COLUMNS.category[1], ENROLLMENT_SHEET_COLUMNS.ownership[1]];
  const examples = [
    ['永康市第一人民医院（示例，请删除）', CATEGORY_NAMES.hospital ?? 'hospital', ''],
    ['某某五金有限公司（示例，请删除）', CATEGORY_NAMES.enterprise ?? 'enterprise', OWNERSHIP_NAMES.private ?? 'private'],
  ];
  return `\uFEFF${[header, ...examples].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/** Where a problem is, as the spreadsheet shows it: 第 3 行 B 列（领域）. */
function placeOf(problem: SheetProblem): string {
  const column = problem.column ? ` ${problem.column} 列${problem.header ? `（${problem.header}）` : ''}` : '';
  return `第 ${String(problem.row)} 行${column}`;
}

/** What the import reads, said before the person chooses a file. */
const FORMAT_HINT = `CSV（UTF-8 或 Excel 另存的 GB 18030）或 Excel（.xlsx，读第一个工作表）；第一行为表头：单位名称、领域、企业性质（可有“序号”列）。领域填 ${Object.values(
  CATEGORY_NAMES,
).join('、')}（可省去“清廉”二字）；企业性质仅企业填：民营企业 或 国有企业。`;

/** The preview: the summary, the file's own problems, and every row with its status and, when bad, where and why. */
function PreviewTable({ preview }: { preview: Preview }) {
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const [onlyBad, setOnlyBad] = useState(false);
  const { summary } = preview;
  const rows = onlyBad ? preview.rows.filter((row) => row.status === 'invalid') : preview.rows;
  const bad = (row: PreviewRow) => row.status === 'invalid';
  const badCell = (row: PreviewRow, field: string) => row.errors.some((problem) => problem.field === field);
  const cell = (row: PreviewRow) => ({ style: bad(row) ? { background: token.colorErrorBg } : {} });
  const value = (text: string, row: PreviewRow, field: string) =>
    badCell(row, field) ? (
      <Typography.Text strong style={{ color: token.colorError }}>
        {text || '（空）'}
      </Typography.Text>
    ) : (
      text || '—'
    );

  return (
    <>
      <Descriptions
        bordered
        size="small"
        style={{ marginBottom: 16 }}
        column={{ xs: 2, sm: 2, md: 4, lg: 4, xl: 4, xxl: 4 }}
        items={[
          { key: 'rows', label: '单位行数', children: `${String(summary.rows)} 行` },
          { key: 'valid', label: '可新纳入', children: `${String(summary.valid)} 个` },
          { key: 'already', label: '已纳入', children: `${String(summary.alreadyEnrolled)} 个` },
          {
            key: 'bad',
            label: '有误',
            children: summary.bad > 0 ? <Typography.Text style={{ color: token.colorError }}>{summary.bad} 行</Typography.Text> : '0 行',
          },
        ]}
      />
      {preview.problems.length > 0 && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="表头或文件有问题"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {preview.problems.map((problem) => (
                <li key={`${placeOf(problem)}:${problem.messageZh}`}>
                  {placeOf(problem)}：{problem.messageZh}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {summary.bad > 0 && (
        <Space size="small" style={{ marginBottom: 12 }}>
          <Switch id="only-bad-rows" checked={onlyBad} onChange={setOnlyBad} />
          <label htmlFor="only-bad-rows">只看有误的行</label>
        </Space>
      )}
      <ScrollRegion label="名单预览表" minWidth={640}>
        <Table<PreviewRow>
          rowKey="row"
          dataSource={rows}
          size={screens.md ? 'middle' : 'small'}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => `共 ${String(total)} 行` }}
          columns={[
            { title: '行号', dataIndex: 'row', onCell: cell },
            { title: '单位名称', key: 'name', onCell: cell, render: (_: unknown, row) => value(row.name, row, 'name') },
            { title: '领域', key: 'category', onCell: cell, render: (_: unknown, row) => value(CATEGORY_NAMES[row.category] ?? row.category, row, 'category') },
            {
              title: '企业性质',
              key: 'ownership',
              onCell: cell,
              render: (_: unknown, row) => value(row.ownership ? (OWNERSHIP_NAMES[row.ownership] ?? row.ownership) : '', row, 'ownership'),
            },
            {
              title: '状态',
              key: 'status',
              onCell: cell,
              render: (_: unknown, row) => <Tag color={ROW_STATUS[row.status].color}>{ROW_STATUS[row.status].word}</Tag>,
            },
            {
              title: '问题',
              key: 'errors',
              onCell: cell,
              render: (_: unknown, row) =>
                row.errors.length === 0 ? (
                  '—'
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: 16, color: token.colorError, minWidth: 200, maxWidth: 420, whiteSpace: 'normal' }}>
                    {row.errors.map((problem) => (
                      <li key={`${problem.column ?? ''}:${problem.messageZh}`}>
                        {problem.column ? `${problem.column} 列${problem.header ? `（${problem.header}）` : ''}：` : ''}
                        {problem.messageZh}
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

/** Why the import waits, or null when it may go ahead. */
function importBlocked(preview: Preview): string | null {
  if (!preview.ok) {
    const parts = [...(preview.problems.length > 0 ? ['表头或文件有问题'] : []), ...(preview.summary.bad > 0 ? [`${String(preview.summary.bad)} 行有误`] : [])];
    return `${parts.join('，')}：请改正文件后重新选择；改正前不会导入任何单位。`;
  }
  if (preview.summary.valid === 0) return '名单中的单位均已纳入该活动，无需导入。';
  return null;
}

/**
 * 批量导入培育对象: the office chooses a campaign and a list (CSV or XLSX), sees every row as the import would take it
 * — new, already enrolled, or bad with the column and why — and imports exactly what it saw (the file's SHA-256
 * travels with it), only when no row is bad; then the result and the campaign's ledger.
 */
export default function EnrollmentImportPage() {
  const { get, set } = useUrlParams();
  const campaignId = get('campaignId');
  const queries = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const path = (query: Record<string, string>) =>
    `/api/campaigns/${encodeURIComponent(campaignId ?? '')}/enrollments/file?${new URLSearchParams(query).toString()}`;
  const preview = useMutation({
    mutationFn: (chosen: File) => {
      setPercent(0);
      return uploadFile<Preview>(path({ dryRun: 'true' }), chosen, { accepted: 200, onProgress: setPercent });
    },
  });
  const enrollment = useMutation({
    mutationFn: ({ chosen, sha256 }: { chosen: File; sha256: string }) => {
      setPercent(0);
      return uploadFile<Preview>(path({ dryRun: 'false', sha256 }), chosen, { accepted: 200, onProgress: setPercent });
    },
    onSuccess: async () => {
      await Promise.all(['cases', 'units', 'ledger'].map((key) => queries.invalidateQueries({ queryKey: [key] })));
    },
  });
  const start = (chosen: File | null) => {
    setFile(chosen);
    enrollment.reset();
    if (chosen) preview.mutate(chosen);
    else preview.reset();
  };
  const checked = preview.data;
  const blocked = checked ? importBlocked(checked) : null;
  const imported = enrollment.data?.result;
  const busy = preview.isPending || enrollment.isPending;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/enroll">确定培育对象</Link> }, { title: '批量导入' }]} />
      <PageCard title="批量导入培育对象">
        <Typography.Paragraph>
          上传名单后先预览：每一行将新纳入、已纳入还是有误（有误的行给出列和原因）。只有全部行无误时才能导入；导入的正是预览的文件，任一行有误则不导入任何单位，重复导入不会重复纳入。
        </Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label="创建活动" htmlFor="import-campaign" required>
            <CampaignSelect
              id="import-campaign"
              placeholder="请选择创建活动"
              value={campaignId}
              disabled={busy}
              onChange={(value: string | undefined) => {
                set({ campaignId: value });
                start(null);
              }}
            />
          </Form.Item>
          <Form.Item label="名单文件" extra={FORMAT_HINT}>
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              hidden
              aria-label="名单文件"
              onChange={(event) => {
                start(event.target.files?.[0] ?? null);
                event.target.value = '';
              }}
            />
            <Space wrap>
              <Button icon={<UploadOutlined aria-hidden />} disabled={!campaignId || busy} onClick={() => input.current?.click()}>
                {file ? '重新选择文件' : '选择文件并预览'}
              </Button>
              <Button
                icon={<DownloadOutlined aria-hidden />}
                onClick={() => saveBlob(new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' }), '培育对象名单模板.csv')}
              >
                下载模板（CSV）
              </Button>
              {!campaignId && <Typography.Text type="secondary">请先选择创建活动</Typography.Text>}
            </Space>
            {file && (
              <div style={{ marginTop: 8, wordBreak: 'break-all' }}>
                <FileExcelOutlined aria-hidden /> {file.name} · {formatSize(file.size)}
              </div>
            )}
            {busy && <Progress percent={percent} size="small" aria-label={preview.isPending ? '上传预览进度' : '导入进度'} />}
          </Form.Item>
        </Form>
        <div aria-live="polite">
          <Refusal error={preview.error ?? enrollment.error} />
          {imported && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              title={`导入完成：新纳入 ${String(imported.enrolled)} 个单位，此前已纳入 ${String(imported.alreadyEnrolled)} 个`}
              description={
                <Space wrap>
                  <Link to={ledgerHref({ campaignId })}>在台账中查看本活动的案件</Link>
                  <Button size="small" onClick={() => start(null)}>
                    导入另一份名单
                  </Button>
                </Space>
              }
            />
          )}
        </div>
        {checked && !imported && file && (
          <>
            <Space wrap align="center" style={{ marginBottom: 16 }}>
              <Popconfirm
                title={`确认将 ${String(checked.summary.valid)} 个单位确定为培育对象？`}
                description={checked.summary.alreadyEnrolled > 0 ? `另有 ${String(checked.summary.alreadyEnrolled)} 个已纳入的单位不再重复纳入。` : undefined}
                okText="导入"
                cancelText="取消"
                disabled={blocked !== null}
                onConfirm={() => enrollment.mutate({ chosen: file, sha256: checked.sha256 })}
              >
                <Button type="primary" disabled={blocked !== null} loading={enrollment.isPending} aria-describedby={blocked ? 'import-blocked' : undefined}>
                  导入 {checked.summary.valid} 个单位
                </Button>
              </Popconfirm>
              {blocked && (
                <Typography.Text id="import-blocked" type={checked.ok ? 'secondary' : 'danger'}>
                  {blocked}
                </Typography.Text>
              )}
            </Space>
            <PreviewTable preview={checked} />
          </>
        )}
        {imported && enrollment.data && <PreviewTable preview={enrollment.data} />}
      </PageCard>
    </Space>
  );
}
