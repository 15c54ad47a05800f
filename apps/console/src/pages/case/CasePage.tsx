import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { downloadDocument } from '../../api/documents';
import { session } from '../../session/session';
import { CATEGORY_NAMES, EVENT_NAMES, formatSize, formatTime, PLAN_STATUS_NAMES, ROLE_NAMES, STAGE_NAMES, STAGE_STEPS } from '../../ui/labels';
import { NotFoundPage } from '../NotFoundPage';
import { CaseActions } from './CaseActions';

export type CaseState = Schemas['CaseStateDto'];
export type CaseEvent = Schemas['CaseEventDto'];

const FAILED: Readonly<Record<string, number>> = { not_recommended: 2, not_certified: 5, withdrawn: -1, revoked: 6 };

/** Where the stepper stands: the current step, or past the end once certified; a failed path is marked where it stopped. */
function stepOf(stage: string): { current: number; status: 'process' | 'finish' | 'error' } {
  const index = STAGE_STEPS.findIndex((step) => step.key === stage);
  if (index >= 0) return { current: index, status: 'process' };
  if (stage === 'certified') return { current: STAGE_STEPS.length, status: 'finish' };
  return { current: Math.max(FAILED[stage] ?? 0, 0), status: 'error' };
}

/** Who took a step, as the timeline says it: name and role (本人 for oneself), or 系统 for the rules and timers. */
function actorOf(event: CaseEvent, myId: string | undefined): string {
  const role = (ROLE_NAMES as Readonly<Record<string, string | undefined>>)[event.actor.role];
  if (!role) return '系统';
  return `${event.actor.name ?? event.actor.id}（${role}${event.actor.id === myId ? '，本人' : ''}）`;
}

export const caseQueryKey = (caseId: string) => ['case', caseId] as const;

/** 案件: where the case stands, what it rests on, what happened, and the steps the person may take now. */
export default function CasePage() {
  const caseId = decodeURIComponent(useParams().caseId ?? '');
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

  if (state.error instanceof ApiError && (state.error.hidden || state.error.status === 400)) return <NotFoundPage what="案件" />;
  if (state.isError) return <Alert type="error" showIcon title="暂时无法读取案件，请稍后重试" />;
  if (!state.data) return <Skeleton active />;
  const current = state.data;
  const person = session.person;
  const dueOn = (current.deadlines as Record<string, string | undefined>)[current.stage];
  const returned = current.planStatus === 'returned' ? (events.data ?? []).filter((event) => event.type === 'PlanReturned').at(-1) : undefined;
  const step = stepOf(current.stage);
  const certification = current.certification as { documentNumber: string; certifiedOn: string } | null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
          {current.unitName}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 16 }}>
          <Tag>{CATEGORY_NAMES[current.category] ?? current.category}</Tag>
          <Tag color="red">{STAGE_NAMES[current.stage] ?? current.stageName}</Tag>
          {dueOn && <Typography.Text>本阶段期限：{dueOn}</Typography.Text>}
          {current.pendingDeadline && <Typography.Text type="warning">期限待定（工作日历尚未覆盖）</Typography.Text>}
        </Space>
        <Steps current={step.current} status={step.status} size="small" responsive items={STAGE_STEPS.map(({ title }) => ({ title }))} aria-label="案件进度" />
      </Card>
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
                <Descriptions.Item label="检查组">{current.assessorIds.length ? `${String(current.assessorIds.length)} 人` : '未指派'}</Descriptions.Item>
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
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="办理记录" size="small">
            {events.data ? (
              <Timeline
                items={events.data
                  .filter((event) => !event.type.startsWith('Deadline') || event.type === 'DeadlineExtended')
                  .map((event) => ({
                    key: event.eventId,
                    content: (
                      <>
                        <Typography.Text strong>{EVENT_NAMES[event.type] ?? event.type}</Typography.Text>
                        <br />
                        <Typography.Text type="secondary">
                          {formatTime(event.occurredAt)} · {actorOf(event, person?.id)}
                        </Typography.Text>
                        {event.reason && <div>理由：{event.reason}</div>}
                      </>
                    ),
                  }))}
              />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
