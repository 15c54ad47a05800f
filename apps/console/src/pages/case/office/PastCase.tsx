import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Grid, Row, Skeleton, Space } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { DEADLINE_KINDS } from '@domain/stages';
import { api, ApiError, unwrap } from '../../../api/client';
import type { Person } from '../../../session/session';
import { PLAN_STATUS_NAMES, STAGE_NAMES } from '../../../ui/labels';
import { Refusal } from '../../../ui/problems';
import { CaseHeader } from '../CaseHeader';
import { caseQueryKey, type CaseEvent } from '../CasePage';
import { CaseTimeline } from '../CaseTimeline';
import { deadlineName, formatMoment, OUTCOME_NAMES } from './labels';
import { useAccountNames } from './useAccountNames';

const MOMENT = 'YYYY-MM-DD HH:mm:ss';

/**
 * 历史状态: a moment (to the second, Shanghai time) to see the case as it stood then. `moment` is the one shown now, if
 * any; choosing another and 查看 shows it.
 */
export function AsOfPicker({ moment, onAsOf }: { moment?: string; onAsOf: (moment: string) => void }) {
  const [chosen, setChosen] = useState<Dayjs | null>(moment ? dayjs(moment) : null);
  return (
    <Space wrap style={{ marginTop: 16 }}>
      <label htmlFor="as-of">查看历史状态（某一时刻的案件）</label>
      <DatePicker
        id="as-of"
        showTime
        needConfirm={false}
        format={MOMENT}
        value={chosen}
        onChange={setChosen}
        disabledDate={(day) => day.isAfter(dayjs(), 'day')}
        placeholder="选择日期与时间"
        style={{ width: 220 }}
      />
      <Button disabled={!chosen} onClick={() => chosen && onAsOf(chosen.toISOString())}>
        查看
      </Button>
    </Space>
  );
}

/**
 * The case as it stood at `asOf`, folded by the api from the records up to that moment: marked as a past view
 * throughout, read-only, with the records up to then and a way back to the case as it is now.
 */
export function PastCase({
  caseId,
  asOf,
  events,
  person,
  onAsOf,
  onBack,
}: {
  caseId: string;
  asOf: string;
  events: readonly CaseEvent[] | undefined;
  person: Person | null;
  onAsOf: (moment: string) => void;
  onBack: () => void;
}) {
  const past = useQuery({
    queryKey: [...caseQueryKey(caseId), 'asOf', asOf],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/state', { params: { path: { caseId }, query: { asOf } } })),
  });
  const nameOf = useAccountNames(true);
  const phone = !Grid.useBreakpoint().md;
  const moment = formatMoment(asOf);
  const until = Date.parse(asOf);
  const back = (
    <Button icon={<RollbackOutlined aria-hidden />} onClick={onBack}>
      返回当前状态
    </Button>
  );
  const notYet = past.error instanceof ApiError && past.error.status === 404;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        title={`历史状态：以下是 ${moment}（北京时间）时的案件`}
        description={
          <>
            由截至该时刻的办理记录推算，只读；此后的办理不在其中，也不能在此办理。
            {/* On a phone the way back goes under the words, which need the width. */}
            {phone && <div style={{ marginTop: 8 }}>{back}</div>}
          </>
        }
        action={phone ? undefined : back}
      />
      {past.data ? (
        <>
          <CaseHeader state={past.data} past={moment}>
            <AsOfPicker key={asOf} moment={asOf} onAsOf={onAsOf} />
          </CaseHeader>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title="当时的案件信息" size="small">
                <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                  <Descriptions.Item label="阶段">{STAGE_NAMES[past.data.stage] ?? past.data.stageName}</Descriptions.Item>
                  <Descriptions.Item label="创建方案">{PLAN_STATUS_NAMES[past.data.planStatus] ?? past.data.planStatus}</Descriptions.Item>
                  <Descriptions.Item label="进度报告">{past.data.progressReports} 份</Descriptions.Item>
                  <Descriptions.Item label="自评总分">{past.data.selfAssessmentTotal ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="检查组">{past.data.assessorIds.length ? past.data.assessorIds.map(nameOf).join('、') : '未指派'}</Descriptions.Item>
                  {past.data.conflictedAssessorIds.length > 0 && (
                    <Descriptions.Item label="须回避">{past.data.conflictedAssessorIds.map(nameOf).join('、')}</Descriptions.Item>
                  )}
                  <Descriptions.Item label="检查轮次">
                    {past.data.inspection ? `第 ${String(past.data.inspection.round)} 轮，已评分 ${String(past.data.inspection.submittedBy.length)} 人` : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label="最近检查结论">{outcomeOf(past.data.lastOutcome)}</Descriptions.Item>
                  <Descriptions.Item label="整改轮次">{past.data.rectificationRounds}</Descriptions.Item>
                  {DEADLINE_KINDS.filter((kind) => past.data.deadlines[kind]).map((kind) => (
                    <Descriptions.Item key={kind} label={deadlineName(kind)}>
                      {past.data.deadlines[kind]}
                    </Descriptions.Item>
                  ))}
                  {certificationOf(past.data.certification)}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title="截至当时的办理记录" size="small">
                {events ? (
                  <CaseTimeline events={events.filter((event) => Date.parse(event.occurredAt) <= until)} person={person} onAsOf={onAsOf} />
                ) : (
                  <Skeleton active />
                )}
              </Card>
            </Col>
          </Row>
        </>
      ) : notYet ? (
        <Card>
          <Alert type="info" showIcon title={`${moment} 时本案尚未确定培育对象，没有可显示的状态`} description="请选择确定培育对象之后的时刻。" />
          <AsOfPicker key={asOf} moment={asOf} onAsOf={onAsOf} />
        </Card>
      ) : past.isError ? (
        <Refusal error={past.error} />
      ) : (
        <Skeleton active />
      )}
    </Space>
  );
}

function outcomeOf(outcome: Record<string, unknown> | null): string {
  if (!outcome) return '—';
  const kind = typeof outcome.kind === 'string' ? (OUTCOME_NAMES[outcome.kind] ?? outcome.kind) : '—';
  return typeof outcome.total === 'number' ? `${kind}（总分 ${String(outcome.total)}）` : kind;
}

function certificationOf(certification: Record<string, unknown> | null) {
  if (!certification) return null;
  const { documentNumber, certifiedOn } = certification as { documentNumber?: string; certifiedOn?: string };
  return <Descriptions.Item label="认定文号">{`${documentNumber ?? '—'}（${certifiedOn ?? '—'}）`}</Descriptions.Item>;
}
