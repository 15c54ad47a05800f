import type { ReactNode } from 'react';
import { Card, Space, Steps, Tag, theme, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { CATEGORY_NAMES, STAGE_NAMES, STAGE_STEPS } from '../../ui/labels';
import type { CaseState } from './CasePage';

const FAILED: Readonly<Record<string, number>> = { not_recommended: 2, not_certified: 5, withdrawn: -1, revoked: 6 };

/** Where the stepper stands: the current step, or past the end once certified; a failed path is marked where it stopped. */
function stepOf(stage: string): { current: number; status: 'process' | 'finish' | 'error' } {
  const index = STAGE_STEPS.findIndex((step) => step.key === stage);
  if (index >= 0) return { current: index, status: 'process' };
  if (stage === 'certified') return { current: STAGE_STEPS.length, status: 'finish' };
  return { current: Math.max(FAILED[stage] ?? 0, 0), status: 'error' };
}

/** What the header shows of a case, now or as it stood at a past moment. */
export type CaseHeadline = Pick<CaseState, 'unitName' | 'category' | 'stage' | 'stageName' | 'deadlines' | 'pendingDeadline'>;

/**
 * The case's name, category, stage, the current stage's due date and the stepper. A past state (`past`: the moment,
 * as people read it) is marked in word, icon and a dashed border, so it is never taken for the case as it is now.
 */
export function CaseHeader({ state, past, children }: { state: CaseHeadline; past?: string; children?: ReactNode }) {
  const { token } = theme.useToken();
  const dueOn = (state.deadlines as Record<string, string | undefined>)[state.stage];
  const step = stepOf(state.stage);
  return (
    <Card style={past ? { border: `2px dashed ${token.colorWarning}`, background: token.colorWarningBg } : undefined}>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {state.unitName}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        {past && (
          <Tag icon={<HistoryOutlined aria-hidden />} color="#ad4e00">
            历史状态：{past}
          </Tag>
        )}
        <Tag>{CATEGORY_NAMES[state.category] ?? state.category}</Tag>
        <Tag color="red">{STAGE_NAMES[state.stage] ?? state.stageName}</Tag>
        {dueOn && (
          <Typography.Text>
            {past ? '当时的阶段期限' : '本阶段期限'}：{dueOn}
          </Typography.Text>
        )}
        {state.pendingDeadline && <Typography.Text type="warning">期限待定（工作日历尚未覆盖）</Typography.Text>}
      </Space>
      <Steps current={step.current} status={step.status} size="small" responsive items={STAGE_STEPS.map(({ title }) => ({ title }))} aria-label="案件进度" />
      {children}
    </Card>
  );
}
