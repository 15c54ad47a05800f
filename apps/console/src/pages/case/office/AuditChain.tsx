import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Space, Switch, theme, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import { Refusal } from '../../../ui/problems';
import { Hint } from '../actions/parts';
import type { CaseEvent } from '../CasePage';
import { formatMoment, shortHash } from './labels';

type AuditReport = Schemas['AuditReportDto'];

const LINK_PROBLEMS: Readonly<Record<string, string>> = {
  sequence: '序号不连续（有记录缺失或插入）',
  prev_hash: '“前一哈希”与上一条记录的哈希不符（链接断开）',
  hash: '记录内容与其哈希不符（内容被改动）',
};

export const DOCUMENT_PROBLEMS: Readonly<Record<string, string>> = {
  missing: '文件缺失',
  altered: '文件内容被改动',
};

/** A hash as a short prefix that opens to the whole (by click or tap, and on hover), with a copy button. */
function HashValue({ label, value }: { label: string; value: string }) {
  const [open, setOpen] = useState(false);
  const genesis = /^0+$/.test(value);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline', flexWrap: 'wrap', gap: 4, maxWidth: '100%' }}>
      <span>{label}</span>
      <Tooltip title={open ? undefined : <code style={{ wordBreak: 'break-all' }}>{value}</code>}>
        <Button
          type="text"
          size="small"
          aria-expanded={open}
          aria-label={`${label}：${open ? value : shortHash(value)}（${open ? '收起' : '展开完整哈希'}）`}
          onClick={() => setOpen(!open)}
          style={{ height: 'auto', padding: '0 2px', fontFamily: 'monospace', whiteSpace: 'normal', wordBreak: 'break-all', textAlign: 'start' }}
        >
          {open ? value : shortHash(value)}
        </Button>
      </Tooltip>
      {genesis && <span>（链首）</span>}
      <Typography.Text copyable={{ text: value, tooltips: [`复制${label}`, '已复制'] }} />
    </span>
  );
}

/** One event's place in its case's chain: its sequence, its hash and the hash it links to. */
export function EventChain({ event }: { event: CaseEvent }) {
  const { token } = theme.useToken();
  return (
    <div style={{ color: token.colorTextSecondary, fontSize: 12, display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>
      <span>序号 {event.sequence}</span>
      <HashValue label="哈希" value={event.hash} />
      <HashValue label="前一哈希" value={event.prevHash} />
    </div>
  );
}

/** The files a verification re-hashed, all intact, as the end of its sentence. */
export function filesIntact(documents: NonNullable<AuditReport['documents']>): string {
  return documents.referencesChecked > 0
    ? `；记录所引用的 ${String(documents.referencesChecked)} 处文件（${String(documents.filesHashed)} 个文件）已重新计算哈希，均与记录一致`
    : '；记录未引用文件';
}

/** The first broken link in words: where (`where`: the case, when several were verified), what does not hold, expected against found. */
export function BrokenLinkLines({ broken, where }: { broken: NonNullable<AuditReport['firstBrokenLink']>; where?: ReactNode }) {
  return (
    <>
      <div>
        第一个断裂处：{where}
        {where ? '，' : ''}第 {broken.sequence} 条记录，{LINK_PROBLEMS[broken.problem] ?? broken.problem}。
      </div>
      <div style={{ wordBreak: 'break-all' }}>
        应为：<code>{broken.expected}</code>
      </div>
      <div style={{ wordBreak: 'break-all' }}>
        实际：<code>{broken.found}</code>
      </div>
    </>
  );
}

/** What the verification found, in words: whole, or the first broken link and every missing or altered file. */
function VerificationReport({ report, at }: { report: AuditReport; at: string }) {
  const documents = report.documents;
  const broken = report.firstBrokenLink;
  const problems = documents?.problems ?? [];
  if (report.ok && !broken && problems.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled aria-hidden />}
        title="完整：本案审计链未被改动"
        description={
          <>
            已校验 {report.eventsChecked} 条记录，哈希逐条相连，无缺失、无改动
            {documents && filesIntact(documents)}
            。
            <br />
            校验时间：{formatMoment(at)}
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      icon={<CloseCircleFilled aria-hidden />}
      title="不完整：本案审计链有问题"
      description={
        <>
          {broken ? <BrokenLinkLines broken={broken} /> : <div>哈希链完整（已校验 {report.eventsChecked} 条记录）。</div>}
          {documents && documents.problemCount > 0 && (
            <>
              <div style={{ marginTop: 8 }}>
                {documents.problemCount} 处文件引用有问题{documents.problemCount > problems.length ? `（列出前 ${problems.length} 处）` : ''}：
              </div>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((problem) => (
                  <li key={`${String(problem.sequence)}:${problem.documentId}`} style={{ wordBreak: 'break-all' }}>
                    第 {problem.sequence} 条记录引用的“{problem.name}”：{DOCUMENT_PROBLEMS[problem.problem] ?? problem.problem}（记录的 SHA-256{' '}
                    <code>{problem.expected}</code>
                    {problem.found ? (
                      <>
                        ，现存 <code>{problem.found}</code>
                      </>
                    ) : (
                      '，现已不存'
                    )}
                    ）
                  </li>
                ))}
              </ul>
            </>
          )}
          <div>校验时间：{formatMoment(at)}</div>
        </>
      }
    />
  );
}

/**
 * 审计链: every record of the case carries SHA-256(前一哈希 ‖ 规范化内容); the office and the auditors can show each
 * record's hashes in the timeline and have the api verify the case's chain and the files it references.
 */
export function AuditChainCard({ caseId, showHashes, onShowHashes }: { caseId: string; showHashes: boolean; onShowHashes: (show: boolean) => void }) {
  const verification = useMutation({
    mutationFn: async () => ({
      report: await unwrap(api.GET('/api/audit/verify', { params: { query: { caseId, documents: 'true' } } })),
      at: new Date().toISOString(),
    }),
  });
  return (
    <Card title="审计链" size="small">
      <Hint>每条记录的哈希由前一条记录的哈希与本条内容计算（SHA-256），记录一经改动、删除或插入，其后的链接即对不上。</Hint>
      <Space wrap style={{ marginBottom: verification.data || verification.error ? 12 : 0 }}>
        <Space size="small">
          <Switch id="show-hashes" checked={showHashes} onChange={onShowHashes} />
          <label htmlFor="show-hashes">显示每条记录的序号与哈希</label>
        </Space>
        <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={verification.isPending} onClick={() => verification.mutate()}>
          校验本案审计链
        </Button>
      </Space>
      <div aria-live="polite">
        {verification.data && <VerificationReport report={verification.data.report} at={verification.data.at} />}
        <Refusal error={verification.error} />
      </div>
    </Card>
  );
}
