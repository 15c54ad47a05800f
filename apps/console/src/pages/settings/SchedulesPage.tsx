import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Popconfirm, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { may } from '../../session/may';
import { session } from '../../session/session';
import { formatTime, SCHEDULE_NAMES } from '../../ui/labels';
import { chineseOf, Refusal } from '../../ui/problems';
import { Hint } from '../case/actions/parts';
import { NotFoundPage } from '../NotFoundPage';
import { cronInWords } from './cron';
import { FormDialog, PageCard, useFormSubmit } from './parts';

type Schedule = Schemas['ScheduleDto'];

/** How long the page looks for the run a 立即运行 started (Temporal starts it a moment after answering). */
const RUN_WATCH_MS = 60_000;
const RUN_POLL_MS = 1_000;

const SCHEDULES_KEY = ['schedules'] as const;

function lastRun(schedule: Schedule): string | null {
  const times = schedule.recentRuns.map((run) => run.scheduledAt).sort();
  return times.at(-1) ?? null;
}

/** 暂停: with a note saying why (kept on the schedule, shown to everyone who looks). */
function PauseDialog({ schedule, onClose }: { schedule: Schedule; onClose: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const name = SCHEDULE_NAMES[schedule.id] ?? schedule.name.zh;
  const pause = useFormSubmit({
    form,
    send: ({ note }: { note: string }) =>
      unwrap(api.POST('/api/schedules/{scheduleId}/pause', { params: { path: { scheduleId: schedule.id } }, body: { note: note.trim() } })),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: SCHEDULES_KEY });
      void message.success(`已暂停「${name}」`);
      onClose();
    },
  });
  return (
    <FormDialog title={`暂停「${name}」`} okText="确认暂停" danger form={form} pending={pause.pending} refusal={pause.refusal} onClose={onClose}>
      <Typography.Paragraph>暂停期间不再按时运行（仍可立即运行）；恢复后从下一个运行时间起按时运行。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={pause.submit}>
        <Form.Item
          label="暂停说明"
          name="note"
          extra="为什么暂停、何时恢复；至多约 330 个汉字"
          rules={[{ required: true, whitespace: true, message: '请填写暂停说明' }]}
        >
          <Input.TextArea rows={3} maxLength={330} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function ScheduleCard({ schedule, manage, onTriggered }: { schedule: Schedule; manage: boolean; onTriggered: (schedule: Schedule) => void }) {
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [pausing, setPausing] = useState(false);
  const name = SCHEDULE_NAMES[schedule.id] ?? schedule.name.zh;
  const words = cronInWords(schedule.cron);
  const resume = useMutation({
    mutationFn: () => unwrap(api.POST('/api/schedules/{scheduleId}/resume', { params: { path: { scheduleId: schedule.id } }, body: {} })),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: SCHEDULES_KEY });
      void message.success(`已恢复「${name}」`);
    },
  });
  const trigger = useMutation({
    mutationFn: () => unwrap(api.POST('/api/schedules/{scheduleId}/trigger', { params: { path: { scheduleId: schedule.id } } })),
    onSuccess: () => {
      onTriggered(schedule);
      void message.success(`「${name}」已开始运行`);
    },
  });
  const last = lastRun(schedule);

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {name}
        </Typography.Title>
      }
      extra={schedule.paused ? <Tag color="#ad4e00">已暂停</Tag> : <Tag color="#237804">运行中</Tag>}
      style={{ height: '100%' }}
    >
      <Hint>{schedule.name.zh}</Hint>
      <Refusal error={resume.error ?? trigger.error} />
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'when',
            label: '运行时间',
            children: (
              <Space orientation="vertical" size={0}>
                <span>{words ?? schedule.cron}（北京时间）</span>
                {words && <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{`cron ${schedule.cron}`}</Typography.Text>}
              </Space>
            ),
          },
          {
            key: 'next',
            label: '下次运行',
            children: schedule.paused ? '暂停中' : schedule.nextRunsAt[0] ? formatTime(schedule.nextRunsAt[0]) : '—',
          },
          { key: 'last', label: '最近运行', children: last ? formatTime(last) : '尚未运行' },
          { key: 'total', label: '累计运行', children: `${String(schedule.runsTotal)} 次` },
          ...(schedule.note ? [{ key: 'note', label: schedule.paused ? '暂停说明' : '说明', children: chineseOf(schedule.note) }] : []),
        ]}
      />
      {manage && (
        <Space wrap style={{ marginTop: 12 }}>
          {schedule.paused ? (
            <Popconfirm
              title={`恢复「${name}」？`}
              description="从下一个运行时间起按时运行。"
              okText="恢复"
              cancelText="取消"
              onConfirm={() => resume.mutate()}
            >
              <Button loading={resume.isPending}>恢复</Button>
            </Popconfirm>
          ) : (
            <Button onClick={() => setPausing(true)}>暂停</Button>
          )}
          <Popconfirm
            title={`立即运行「${name}」？`}
            description={`现在运行一次，不影响原定的运行时间${schedule.paused ? '（暂停中也会运行）' : ''}。`}
            okText="立即运行"
            cancelText="取消"
            onConfirm={() => trigger.mutate()}
          >
            <Button loading={trigger.isPending}>立即运行</Button>
          </Popconfirm>
        </Space>
      )}
      {pausing && <PauseDialog schedule={schedule} onClose={() => setPausing(false)} />}
    </Card>
  );
}

/** 定时任务: the weekly digest, the monthly call for progress reports and the document housekeeping, with their state. */
export default function SchedulesPage() {
  const manage = may(session.person?.role, 'schedules:manage');
  // After 立即运行: the schedule and its count of runs then, looked at again until the new run shows.
  const [awaiting, setAwaiting] = useState<{ id: string; runs: number; since: number } | null>(null);
  const schedules = useQuery({
    queryKey: SCHEDULES_KEY,
    queryFn: () => unwrap(api.GET('/api/schedules')),
    refetchInterval: awaiting ? RUN_POLL_MS : false,
  });
  useEffect(() => {
    if (!awaiting) return;
    const seen = schedules.data?.find((schedule) => schedule.id === awaiting.id);
    if ((seen && seen.runsTotal > awaiting.runs) || Date.now() - awaiting.since > RUN_WATCH_MS) setAwaiting(null);
  }, [awaiting, schedules.data]);
  if (schedules.error instanceof ApiError && schedules.error.hidden) return <NotFoundPage />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageCard title="定时任务">
        <Typography.Paragraph style={{ margin: 0 }}>
          系统按北京时间自动运行以下任务（Temporal 定时任务）。{manage ? '可暂停、恢复或立即运行一次。' : '审计人员只能查看。'}
        </Typography.Paragraph>
      </PageCard>
      {schedules.isError && <Alert type="error" showIcon title="暂时无法读取定时任务，请稍后重试" />}
      {schedules.isLoading && <Skeleton active />}
      {schedules.data?.length === 0 && <Empty description="暂无定时任务" />}
      <Row gutter={[16, 16]}>
        {(schedules.data ?? []).map((schedule) => (
          <Col xs={24} lg={8} key={schedule.id}>
            <ScheduleCard
              schedule={schedule}
              manage={manage}
              onTriggered={(triggered) => setAwaiting({ id: triggered.id, runs: triggered.runsTotal, since: Date.now() })}
            />
          </Col>
        ))}
      </Row>
    </Space>
  );
}
