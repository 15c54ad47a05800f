import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { downloadDocument } from '../../api/documents';
import { session } from '../../session/session';
import { formatSize, formatTime, PLAN_STATUS_NAMES } from '../../ui/labels';
import { NotFoundPage } from '../NotFoundPage';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { CaseTimeline } from './CaseTimeline';
import { AuditChainCard } from './office/AuditChain';
import { seesRecord } from './office/labels';
import { AsOfPicker, PastCase } from './office/PastCase';
import { RemindersCard } from './office/Reminders';
import { ScoreSheetsCard } from './office/ScoreSheets';
import { useAccountNames } from './office/useAccountNames';

export type CaseState = Schemas['CaseStateDto'];
export type CaseEvent = Schemas['CaseEventDto'];

export const caseQueryKey = (caseId: string) => ['case', caseId] as const;

/**
 * 案件: where the case stands, what it rests on, what happened, and the steps the person may take now. The program
 * office and the auditors also see the audit chain, the reminders sent, the concluded score sheets and, with
 * `?asOf=<moment>`, the case as it stood then.
 */
export default function CasePage() {
  const caseId = decodeURIComponent(useParams().caseId ?? '');
  const [params, setParams] = useSearchParams();
  const [showHashes, setShowHashes] = useState(false);
  const queries = useQueryClient();
  const state = useQuery({
    queryKey: [...caseQueryKey(caseId), 'state'],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}', { params: { path: { caseId } } })),
  });
  const events = useQuery({
    queryKey: [...caseQueryKey(caseId), 'events'],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/events', { params: { path: { caseId } } })),
    enabled: state.isSuccess,
  });
  const documents = useQuery({
    queryKey: [...caseQueryKey(caseId), 'documents'],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/documents', { params: { path: { caseId } } })),
    enabled: state.isSuccess,
  });
  const refresh = () => queries.invalidateQueries({ queryKey: caseQueryKey(caseId) });
  const person = session.person;
  const record = seesRecord(person);
  const nameOf = useAccountNames(record);
  const asOf = record ? params.get('asOf') : null;
  const showAsOf = (moment: string) => setParams({ asOf: moment });

  if (state.error instanceof ApiError && (state.error.hidden || state.error.status === 400)) return <NotFoundPage what="案件" />;
  if (state.isError) return <Alert type="error" showIcon title="暂时无法读取案件，请稍后重试" />;
  if (!state.data) return <Skeleton active />;
  if (asOf) return <PastCase caseId={caseId} asOf={asOf} events={events.data} person={person} onAsOf={showAsOf} onBack={() => setParams({})} />;
  const current = state.data;
  const returned = current.planStatus === 'returned' ? (events.data ?? []).filter((event) => event.type === 'PlanReturned').at(-1) : undefined;
  const inspected = current.inspection !== null || (events.data ?? []).some((event) => event.type === 'InspectionConcluded');
  const certification = current.certification as { documentNumber: string; certifiedOn: string } | null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <CaseHeader state={current}>{record && <AsOfPicker onAsOf={showAsOf} />}</CaseHeader>
      {returned && <Alert type="warning" showIcon title="创建方案已退回" description={`退回理由：${returned.reason ?? '（未填写）'}`} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {person && <CaseActions state={current} person={person} events={events.data ?? []} onDone={refresh} />}
            <Card title="案件信息" size="small">
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label="创建方案">{PLAN_STATUS_NAMES[current.planStatus] ?? current.planStatus}</Descriptions.Item>
                <Descriptions.Item label="进度报告">{current.progressReports} 份</Descriptions.Item>
                <Descriptions.Item label="自评总分">{current.selfAssessmentTotal ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="检查组">
                  {current.assessorIds.length ? (
                    <>
                      <span>{`${String(current.assessorIds.length)} 人`}</span>
                      {record && <span>（{current.assessorIds.map(nameOf).join('、')}）</span>}
                    </>
                  ) : (
                    '未指派'
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="整改轮次">{current.rectificationRounds}</Descriptions.Item>
                {certification && (
                  <Descriptions.Item label="认定文号">
                    {certification.documentNumber}（{certification.certifiedOn}）
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card title="文件" size="small">
              <List
                dataSource={documents.data ?? []}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无文件" /> }}
                renderItem={(document) => (
                  <List.Item
                    actions={[
                      <Button
                        key="download"
                        type="link"
                        icon={<DownloadOutlined />}
                        onClick={() => void downloadDocument(document)}
                        aria-label={`下载 ${document.fileName}`}
                      >
                        下载
                      </Button>,
                    ]}
                  >
                    {/* Not List.Item.Meta: its title is an h4, out of the page's heading order. */}
                    <div style={{ minWidth: 0, wordBreak: 'break-all' }}>
                      <div>{document.fileName}</div>
                      <Typography.Text type="secondary">{`${formatSize(document.size)} · ${formatTime(document.createdAt)}`}</Typography.Text>
                    </div>
                  </List.Item>
                )}
              />
            </Card>
            {record && events.data && inspected && <ScoreSheetsCard state={current} events={events.data} nameOf={nameOf} />}
            {record && events.data && <RemindersCard events={events.data} nameOf={nameOf} />}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {record && <AuditChainCard caseId={caseId} showHashes={showHashes} onShowHashes={setShowHashes} />}
            <Card title="办理记录" size="small">
              {events.data ? (
                <CaseTimeline events={events.data} person={person} hashes={record && showHashes} {...(record ? { onAsOf: showAsOf } : {})} />
              ) : (
                <Skeleton active />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
