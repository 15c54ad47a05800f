import { Card, Empty, Grid, List, Space, Table, Tag, theme, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { formatTime } from '../../../ui/labels';
import type { CaseEvent } from '../CasePage';
import { CHANNEL_NAMES, deadlineName, DELIVERY_OUTCOMES } from './labels';
import { ScrollRegion } from './ScrollRegion';

interface Delivery {
  readonly channel: string;
  readonly recipient: string;
  readonly outcome: string;
  readonly detail?: string;
}

/** One reminder (or monthly progress-report call) as the case's audit trail recorded it. */
interface ReminderRow {
  readonly key: string;
  readonly occurredAt: string;
  /** Which due date it was about: 培育期限 2026-06-05 … */
  readonly deadline: string;
  /** 到期前提醒（到期前 7 个工作日）, 逾期督办 …, 进度报告提醒（2026-06）, 催办 */
  readonly what: string;
  /** The office's own words, with an urge (催办). */
  readonly message: string | null;
  readonly failed: boolean;
  readonly error: string | null;
  readonly deliveries: readonly Delivery[];
}

const REMINDER_EVENTS = new Set(['ReminderSent', 'ReminderFailed', 'ProgressReportCalled', 'ProgressReportCallFailed', 'UrgeSent']);

/** 催办: the step the unit was urged to take. */
const URGED_TASKS: Readonly<Record<string, string>> = {
  submit_plan: '提交创建方案',
  resubmit_plan: '重新提交创建方案',
  submit_progress_report: '提交进度报告',
  submit_self_assessment: '提交自评',
  submit_rectification: '提交整改报告',
};

/** Which reminder it was, in words: the kind, and how many working days from the due date (from its key). */
function reminderName(kind: string, key: string): string {
  const days = Math.abs(Number(key.split(':').at(-1)));
  const count = Number.isFinite(days) && days > 0 ? String(days) : null;
  switch (kind) {
    case 'before_due':
      return count ? `到期前提醒（到期前 ${count} 个工作日）` : '到期前提醒';
    case 'due_today':
      return '到期当日提醒';
    case 'overdue':
      return count ? `逾期提醒（逾期第 ${count} 个工作日）` : '逾期提醒';
    case 'escalation':
      return count ? `逾期督办（逾期 ${count} 个工作日，报市纪委）` : '逾期督办（报市纪委）';
    default:
      return kind;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Which reminder an event records, in words. */
function whatOf(event: CaseEvent): string {
  const payload = event.payload;
  if (event.type === 'UrgeSent') return `催办：${URGED_TASKS[text(payload.task)] ?? text(payload.task)}（${event.actor.name ?? '市纪委项目办'}）`;
  if (event.type.startsWith('ProgressReport')) return `进度报告提醒（${text(payload.month)}）`;
  return reminderName(text(payload.kind), text(payload.reminderKey));
}

/**
 * The reminders of a case, oldest first, from its recorded events: the system records each reminder it sends or
 * gives up on, each monthly call for a progress report, and each urge (催办) of the office.
 */
export function remindersOf(events: readonly CaseEvent[]): ReminderRow[] {
  return events
    .filter((event) => REMINDER_EVENTS.has(event.type))
    .map((event) => {
      const payload = event.payload;
      const dueOn = text(payload.dueOn);
      const kind = event.type.startsWith('ProgressReport') ? 'cultivation' : text(payload.deadline);
      return {
        key: event.eventId,
        occurredAt: event.occurredAt,
        deadline: kind ? `${deadlineName(kind)} ${dueOn}` : dueOn ? `本阶段期限 ${dueOn}` : '—',
        what: whatOf(event),
        message: text(payload.message) || null,
        failed: event.type.endsWith('Failed'),
        error: text(payload.error) || null,
        deliveries: Array.isArray(payload.deliveries) ? (payload.deliveries as Delivery[]) : [],
      };
    });
}

/** Who a delivery went to: a person by name, or a group chat. */
function recipientName(recipient: string, nameOf: (id: string) => string): string {
  if (recipient === 'program-office') return '市纪委工作群';
  if (recipient.startsWith('unit-chat:')) return '单位工作群';
  return nameOf(recipient);
}

/** Each delivery: channel, recipient, outcome, with an icon and a word (a failure in red, never by colour alone). */
function Deliveries({ deliveries, nameOf }: { deliveries: readonly Delivery[]; nameOf: (id: string) => string }) {
  const { token } = theme.useToken();
  if (deliveries.length === 0) return <span>（无收件人）</span>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
      {deliveries.map((delivery, index) => {
        const outcome = DELIVERY_OUTCOMES[delivery.outcome] ?? { word: delivery.outcome, failed: false };
        const Icon = outcome.failed ? CloseCircleOutlined : delivery.outcome === 'sent' ? CheckCircleOutlined : MinusCircleOutlined;
        return (
          <li key={`${delivery.channel}:${delivery.recipient}:${String(index)}`} style={{ color: outcome.failed ? token.colorErrorText : undefined }}>
            <Icon aria-hidden /> {CHANNEL_NAMES[delivery.channel] ?? delivery.channel} → {recipientName(delivery.recipient, nameOf)}：{outcome.word}
            {delivery.detail ? `（${delivery.detail}）` : ''}
          </li>
        );
      })}
    </ul>
  );
}

/** The reminder as a whole: failed (every retry spent), sent with a channel that refused it, or sent. */
function Outcome({ row }: { row: ReminderRow }) {
  if (row.failed) {
    return (
      <Tag color="#a8071a" icon={<CloseCircleOutlined aria-hidden />}>
        发送失败
      </Tag>
    );
  }
  if (row.deliveries.some((delivery) => DELIVERY_OUTCOMES[delivery.outcome]?.failed)) {
    return (
      <Tag color="#ad4e00" icon={<ExclamationCircleOutlined aria-hidden />}>
        部分渠道失败
      </Tag>
    );
  }
  return (
    <Tag color="#237804" icon={<CheckCircleOutlined aria-hidden />}>
      已发送
    </Tag>
  );
}

/**
 * 提醒记录: every reminder the case's deadlines sent (到期前, 到期当日, 逾期, 逾期督办) and every monthly call for a
 * progress report — when, for which deadline, to whom and what each channel did. A table on a desk, cards on a phone.
 */
export function RemindersCard({ events, nameOf }: { events: readonly CaseEvent[]; nameOf: (id: string) => string }) {
  const phone = !Grid.useBreakpoint().md;
  const rows = remindersOf(events);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未发送提醒" />;
  return (
    <Card title={`提醒记录（${String(rows.length)}）`} size="small">
      {rows.length === 0 ? (
        empty
      ) : phone ? (
        <List
          dataSource={rows}
          locale={{ emptyText: empty }}
          renderItem={(row) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{row.what}</Typography.Text>
                  <Outcome row={row} />
                </Space>
                <div>
                  {formatTime(row.occurredAt)} · {row.deadline}
                </div>
                {row.message && <div>附言：{row.message}</div>}
                {row.error && <div>原因：{row.error}</div>}
                <Deliveries deliveries={row.deliveries} nameOf={nameOf} />
              </div>
            </List.Item>
          )}
        />
      ) : (
        <ScrollRegion label="提醒记录表" minWidth={680}>
          <Table<ReminderRow>
            rowKey="key"
            size="small"
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10, showTotal: (total) => `共 ${String(total)} 条`, showSizeChanger: false } : false}
            locale={{ emptyText: empty }}
            columns={[
              { title: '发送时间', dataIndex: 'occurredAt', render: (value: string) => formatTime(value) },
              { title: '期限', dataIndex: 'deadline' },
              {
                title: '提醒',
                key: 'what',
                render: (_value, row) => (
                  <>
                    {row.what}
                    {row.message && <div>附言：{row.message}</div>}
                  </>
                ),
              },
              {
                title: '结果',
                key: 'outcome',
                render: (_value, row) => (
                  <>
                    <Outcome row={row} />
                    {row.error && <div>原因：{row.error}</div>}
                  </>
                ),
              },
              { title: '对象与各渠道结果', key: 'deliveries', render: (_value, row) => <Deliveries deliveries={row.deliveries} nameOf={nameOf} /> },
            ]}
          />
        </ScrollRegion>
      )}
    </Card>
  );
}
