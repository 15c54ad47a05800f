import type { ReactNode } from 'react';
import type { AuditReport } from './verify-stream';

type CheckpointProblem = NonNullable<AuditReport['checkpoints']>['problems'][number];

const ACCOUNT_CHAIN = 'account-events';

/** Where a problem is: a case (as its link) or the account records. */
type Where = (chain: string) => ReactNode;

function chainOf(chain: string | null, where: Where): ReactNode {
  if (chain === null) return null;
  return chain === ACCOUNT_CHAIN ? '账户记录' : where(chain);
}

/** One checkpoint problem in words: what is gone or changed, where, against which checkpoint. */
function checkpointLine(problem: CheckpointProblem, where: Where): ReactNode {
  const against = problem.checkpoint === null ? '' : `（检查点 #${String(problem.checkpoint)}）`;
  const span =
    problem.fromSequence === problem.toSequence ? `第 ${String(problem.toSequence)} 条` : `第 ${String(problem.fromSequence)}–${String(problem.toSequence)} 条`;
  const chain = chainOf(problem.chain, where);
  switch (problem.problem) {
    case 'case_missing':
      return (
        <>
          {chain}：整个案件的记录已不存在（曾记录至第 {problem.toSequence} 条）{against}
        </>
      );
    case 'events_missing':
      return (
        <>
          {chain}：{span}记录已缺失{against}
        </>
      );
    case 'head_changed':
      return (
        <>
          {chain}：记录在第 {(problem.fromSequence ?? 1) - 1} 条之后、第 {problem.toSequence} 条及以前被改写并重新计算了哈希{against}
        </>
      );
    case 'chain_gap':
      return <>{chain}：记录序号有缺口</>;
    case 'unreadable':
      return <>检查点文件无法读取{against}</>;
    case 'signature':
      return <>检查点签名无效或签名密钥不受信任{against}</>;
    case 'root':
      return <>检查点的根哈希或计数与其叶子不符{against}</>;
    case 'link':
      return <>检查点序列断开，缺少或替换了检查点{against}</>;
    case 'missing_from_store':
      return (
        <>
          检查点在 {problem.store} 中缺失{against}
        </>
      );
    case 'overwritten':
      return (
        <>
          检查点在 {problem.store} 中被覆盖或隐藏{against}
        </>
      );
  }
}

function List({ children }: { children: ReactNode[] }) {
  return <ul style={{ margin: 0, paddingInlineStart: 20 }}>{children}</ul>;
}

/** What the checks after the chains found: the signed checkpoints, the read model, the account records, the workflows. */
export function TrailProblems({ report, where }: { report: AuditReport; where: Where }) {
  const checkpoints = report.checkpoints;
  const readModel = report.readModel;
  const account = report.accountEvents;
  const workflows = report.workflows;
  const more = (count: number, listed: number) => (count > listed ? `（列出前 ${String(listed)} 处）` : '');
  return (
    <>
      {checkpoints && checkpoints.problemCount > 0 && (
        <>
          <div style={{ marginTop: 8 }}>
            与签名检查点不符 {checkpoints.problemCount} 处{more(checkpoints.problemCount, checkpoints.problems.length)}：
          </div>
          <List>
            {checkpoints.problems.map((problem, index) => (
              <li key={index} style={{ wordBreak: 'break-all' }}>
                {checkpointLine(problem, where)}
              </li>
            ))}
          </List>
        </>
      )}
      {readModel.problemCount > 0 && (
        <>
          <div style={{ marginTop: 8 }}>
            案件视图与记录不符 {readModel.problemCount} 处{more(readModel.problemCount, readModel.problems.length)}：
          </div>
          <List>
            {readModel.problems.map((problem) => (
              <li key={problem.caseId} style={{ wordBreak: 'break-all' }}>
                {where(problem.caseId)}：
                {problem.problem === 'no_record'
                  ? '有记录而无案件视图'
                  : problem.problem === 'no_events'
                    ? '有案件视图而无任何记录'
                    : `案件视图记至第 ${String(problem.recordLastSequence)} 条，记录链至第 ${String(problem.chainLastSequence)} 条`}
              </li>
            ))}
          </List>
        </>
      )}
      {account && !account.ok && account.firstBrokenLink && <div style={{ marginTop: 8 }}>账户记录链在第 {account.firstBrokenLink.sequence} 条断裂。</div>}
      {workflows && !workflows.reachable && <div style={{ marginTop: 8 }}>未能询问工作流：{workflows.error}</div>}
      {workflows && workflows.problemCount > 0 && (
        <>
          <div style={{ marginTop: 8 }}>工作流与记录不符 {workflows.problemCount} 处：</div>
          <List>
            {workflows.problems.map((problem) => (
              <li key={problem.caseId} style={{ wordBreak: 'break-all' }}>
                {where(problem.caseId)}：
                {problem.problem === 'missing'
                  ? '无工作流'
                  : `工作流记至第 ${String(problem.workflowLastSequence)} 条，记录链至第 ${String(problem.chainLastSequence)} 条`}
              </li>
            ))}
          </List>
        </>
      )}
    </>
  );
}

/** 与 N 个签名检查点相符: said after 完整 when there are checkpoints. */
export function checkpointsHold(report: AuditReport): string {
  const latest = report.checkpoints?.latest;
  return latest ? `；与 ${String(report.checkpoints?.checkpointsChecked ?? 0)} 个签名检查点相符（最新第 ${String(latest.number)} 号）` : '';
}
