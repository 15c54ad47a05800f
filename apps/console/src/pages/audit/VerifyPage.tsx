import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Progress, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { downloadFile } from '../../api/documents';
import { Refusal } from '../../ui/problems';
import { BrokenLinkLines, DOCUMENT_PROBLEMS, filesIntact } from '../case/office/AuditChain';
import { formatMoment } from '../case/office/labels';
import { PageCard } from '../settings/parts';
import { verifyChains, type AuditReport, type VerifyProgress } from './verify-stream';
import { checkpointsHold, TrailProblems } from './TrailProblems';

interface Verification {
  readonly report: AuditReport;
  /** When it finished, and how long it took. */
  readonly at: string;
  readonly seconds: number;
}

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

/** A case by its unit's name, leading to its page (the id while the name loads, or when the case cannot be read). */
function CaseLink({ caseId }: { caseId: string }) {
  const state = useQuery({
    queryKey: ['case', caseId, 'state'],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}', { params: { path: { caseId } } })),
    retry: false,
  });
  // Underlined: a link inside a sentence must not be told by its colour alone (WCAG 1.4.1).
  return (
    <Link to={casePath(caseId)} style={{ textDecoration: 'underline' }}>
      {state.data?.unitName ?? caseId}
    </Link>
  );
}

/** How far the walk has got, in a bar and in words: cases and records checked of those there are. */
function ProgressLine({ progress, running }: { progress: VerifyProgress | null; running: boolean }) {
  if (!progress) return running ? <Typography.Paragraph>正在统计案件与记录…</Typography.Paragraph> : null;
  const { casesChecked, casesTotal, eventsChecked, eventsTotal } = progress;
  const percent = eventsTotal > 0 ? Math.floor((eventsChecked / eventsTotal) * 100) : 100;
  return (
    <div style={{ marginBottom: 16 }}>
      <Progress percent={percent} status={running ? 'active' : 'normal'} aria-label="校验进度" />
      <Typography.Text>
        已校验 {casesChecked} / {casesTotal} 个案件，{eventsChecked} / {eventsTotal} 条记录
      </Typography.Text>
    </div>
  );
}

/** 完整, or the first broken link (and every missing or altered file), said in words and in red. */
function ChainsReport({ verification }: { verification: Verification }) {
  const { report, at, seconds } = verification;
  const documents = report.documents;
  const broken = report.firstBrokenLink;
  const problems = documents?.problems ?? [];
  const when = `校验完成：${formatMoment(at)}（用时 ${seconds < 1 ? '不到 1' : seconds.toFixed(0)} 秒）`;
  if (report.ok) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled aria-hidden />}
        title="完整：全部审计链未被改动"
        description={
          <>
            已校验 {report.casesChecked} 个案件、{report.eventsChecked} 条记录，哈希逐条相连，无缺失、无改动
            {documents && filesIntact(documents)}
            {checkpointsHold(report)}
            。
            <br />
            {when}
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
      title="不完整：审计记录有问题"
      description={
        <>
          {broken ? (
            <>
              <BrokenLinkLines broken={broken} where={<CaseLink caseId={broken.caseId} />} />
              <div>
                已校验 {report.casesChecked} 个案件、{report.eventsChecked} 条记录。
              </div>
            </>
          ) : (
            <div>
              哈希链完整（已校验 {report.casesChecked} 个案件、{report.eventsChecked} 条记录）。
            </div>
          )}
          <TrailProblems report={report} where={(caseId) => <CaseLink caseId={caseId} />} />
          {documents && documents.problemCount > 0 && (
            <>
              <div style={{ marginTop: 8 }}>
                {documents.problemCount} 处文件引用有问题{documents.problemCount > problems.length ? `（列出前 ${String(problems.length)} 处）` : ''}：
              </div>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((problem) => (
                  <li key={`${problem.caseId}:${String(problem.sequence)}:${problem.documentId}`} style={{ wordBreak: 'break-all' }}>
                    <CaseLink caseId={problem.caseId} /> 第 {problem.sequence} 条记录引用的“{problem.name}”：
                    {DOCUMENT_PROBLEMS[problem.problem] ?? problem.problem}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div>{when}</div>
        </>
      }
    />
  );
}

/**
 * 校验审计链: every case's hash chain walked from its first record, with its progress as the api streams it; then
 * 完整, or the first broken link; and the verification report as a file to keep.
 */
export default function VerifyPage() {
  const [documents, setDocuments] = useState(false);
  const [progress, setProgress] = useState<VerifyProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const verification = useMutation({
    mutationFn: async (withDocuments: boolean): Promise<Verification | null> => {
      const stop = new AbortController();
      running.current = stop;
      setProgress(null);
      const startedAt = performance.now();
      try {
        const report = await verifyChains({ documents: withDocuments }, setProgress, stop.signal);
        setProgress((last) => ({
          casesChecked: report.casesChecked,
          casesTotal: last?.casesTotal ?? report.casesChecked,
          eventsChecked: report.eventsChecked,
          eventsTotal: last?.eventsTotal ?? report.eventsChecked,
        }));
        return { report, at: new Date().toISOString(), seconds: (performance.now() - startedAt) / 1000 };
      } catch (error) {
        // Stopped by the person: no result, and no fault either.
        if (stop.signal.aborted) return null;
        throw error;
      } finally {
        running.current = null;
      }
    },
  });
  const download = useMutation({ mutationFn: () => downloadFile(`/api/audit/verify/report?documents=${String(documents)}`) });

  return (
    <PageCard title="校验审计链">
      <Typography.Paragraph>
        每个案件的办理记录构成一条哈希链：每条记录的哈希由前一条记录的哈希与本条内容计算（SHA-256）。逐案重新计算，任何改动、删除或插入都会在第一个断裂处被发现；再与库外保存的签名检查点比对，删去末尾记录、删去整个案件或改写后重算哈希，也都会被指出。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Checkbox checked={documents} onChange={(event) => setDocuments(event.target.checked)} disabled={verification.isPending}>
          同时校验记录所引用的文件（较慢）
        </Checkbox>
        {verification.isPending ? (
          <Button onClick={() => running.current?.abort()}>停止校验</Button>
        ) : (
          <Button type="primary" icon={<SafetyCertificateOutlined aria-hidden />} onClick={() => verification.mutate(documents)}>
            开始校验
          </Button>
        )}
        <Button icon={<DownloadOutlined aria-hidden />} loading={download.isPending} onClick={() => download.mutate()}>
          下载校验报告
        </Button>
      </Space>
      <Refusal error={download.error} />
      <div aria-live="polite">
        <ProgressLine progress={progress} running={verification.isPending} />
        {verification.data && <ChainsReport verification={verification.data} />}
        {verification.isSuccess && verification.data === null && <Alert type="info" showIcon title="已停止校验，未得出结论" />}
        <Refusal error={verification.error} />
      </div>
    </PageCard>
  );
}
