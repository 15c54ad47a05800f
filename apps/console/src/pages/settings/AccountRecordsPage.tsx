import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Empty, Form, Grid, Input, List, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { may } from '../../session/may';
import { session, type Role } from '../../session/session';
import { BULK_ACTION_KIND_NAMES } from '@domain/bulk-actions';
import { ACCOUNT_EVENT_NAMES, formatTime, ROLE_NAMES, SCHEDULE_NAMES } from '../../ui/labels';
import { Refusal } from '../../ui/problems';
import { NotFoundPage } from '../NotFoundPage';
import { AccountStatus } from './AccountsPage';
import { FormDialog, PageCard, useFormSubmit } from './parts';
import { UnitName } from './UnitSelect';

type Account = Schemas['AccountDto'];
type AccountEvent = Schemas['AccountEventDto'];

const RECORDS_PAGE = 20;

const FAILURE_REASONS: Readonly<Record<string, string>> = { wrong_password: '口令错误', disabled: '账户已停用', unknown_username: '无此用户名' };
const REVOCATION_REASONS: Readonly<Record<string, string>> = { revoked_by_administrator: '管理员撤销', password_changed: '修改口令' };

/** What a record adds to its name: the reason, the count, the lockout's end. */
export function detailOf(event: AccountEvent): string {
  const detail = event.detail as Readonly<Record<string, unknown>>;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  switch (event.type) {
    case 'AccountCreated':
      return `角色：${(ROLE_NAMES as Readonly<Record<string, string | undefined>>)[text(detail.role)] ?? text(detail.role)}`;
    case 'AccountDisabled':
    case 'AccountEnabled':
      return `理由：${text(detail.reason)}`;
    case 'SessionsRevoked':
      return `${text(detail.sessions)} 个会话（${REVOCATION_REASONS[text(detail.reason)] ?? text(detail.reason)}）`;
    case 'LoginFailed':
    case 'PasswordChangeFailed':
      return `${FAILURE_REASONS[text(detail.reason)] ?? text(detail.reason)}，该地址连续失败 ${text(detail.failedLogins)} 次`;
    case 'AccountLocked':
      return `锁定至 ${typeof detail.until === 'string' ? formatTime(detail.until) : ''}`;
    case 'ApiTokenCreated':
    case 'ApiTokenRevoked':
      return text(detail.name);
    case 'CampaignUpdated':
      return `${text(detail.name)}：${String(Array.isArray(detail.changes) ? detail.changes.length : 0)} 项`;
    case 'SchedulePaused':
    case 'ScheduleResumed':
    case 'ScheduleTriggered':
      return `${SCHEDULE_NAMES[text(detail.scheduleId)] ?? text(detail.scheduleId)}${detail.note ? `（${text(detail.note)}）` : ''}`;
    case 'UnitGroupChatSet':
    case 'UnitGroupChatChanged':
    case 'UnitGroupChatRemoved':
      return `${text(detail.unitName)}${detail.host ? `：${text(detail.host)}` : ''}`;
    case 'BulkActionStarted':
      return `${(BULK_ACTION_KIND_NAMES as Readonly<Record<string, { zh: string } | undefined>>)[text(detail.kind)]?.zh ?? text(detail.kind)}：${text(detail.total)} 件`;
    default:
      return '';
  }
}

/** A lockout still in force: the latest one, unless a login or an unlock came after it, while its time runs. */
export function lockedUntil(events: readonly AccountEvent[]): string | null {
  // Newest first, as the api lists them.
  for (const event of events) {
    if (event.type === 'AccountUnlocked' || event.type === 'LoginSucceeded') return null;
    if (event.type === 'AccountLocked') {
      const until = (event.detail as { until?: unknown }).until;
      return typeof until === 'string' && new Date(until) > new Date() ? until : null;
    }
  }
  return null;
}

/** Who did it: a person by name, an api token, or the system. */
export function actorName(event: AccountEvent, accounts: readonly Account[] | undefined): string {
  if (event.actorId === 'anonymous') return '（未登录）';
  if (event.actorRole === 'system') return '系统';
  if (event.actorId.startsWith('api-token:')) return '接口令牌';
  const account = accounts?.find((candidate) => candidate.id === event.actorId);
  const role = ROLE_NAMES[event.actorRole as Role] as string | undefined;
  return `${account?.displayName ?? event.actorId}${role ? `（${role}）` : ''}`;
}

/** 停用 / 恢复: a reason is required (it goes into the account's records); disabling ends every session at once. */
function StatusDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const disabling = account.status === 'active';
  const [form] = Form.useForm<{ reason: string }>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const change = useFormSubmit({
    form,
    send: ({ reason }: { reason: string }) =>
      unwrap(
        api.POST('/api/accounts/{accountId}/status', {
          params: { path: { accountId: account.id } },
          body: { status: disabling ? 'disabled' : 'active', reason: reason.trim() },
        }),
      ),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['accounts'] });
      await queries.invalidateQueries({ queryKey: ['account-events'] });
      void message.success(disabling ? '账户已停用' : '账户已恢复');
      onClose();
    },
  });
  return (
    <FormDialog
      title={disabling ? `停用账户 ${account.username}` : `恢复账户 ${account.username}`}
      okText={disabling ? '确认停用' : '确认恢复'}
      danger={disabling}
      form={form}
      pending={change.pending}
      refusal={change.refusal}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {disabling ? `停用后，${account.displayName}的全部会话立即结束，不能再登录；其办理记录保留。` : `恢复后，${account.displayName}可以用原口令重新登录。`}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={change.submit}>
        <Form.Item
          label="理由"
          name="reason"
          extra="记入账户记录，如：离职、调岗、恢复工作"
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 账户: one account, what the office may do to it, and its records (logins, failures, lockouts, revocations). */
export default function AccountRecordsPage() {
  const accountId = useParams().accountId ?? '';
  const screens = Grid.useBreakpoint();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [changingStatus, setChangingStatus] = useState(false);
  const manage = may(session.person?.role, 'accounts:manage');
  const account = useQuery({
    queryKey: ['accounts', accountId],
    queryFn: () => unwrap(api.GET('/api/accounts/{accountId}', { params: { path: { accountId } } })),
  });
  const [page, setPage] = useState(1);
  const recordsPage = (number: number) => ({
    queryKey: ['account-events', accountId, number],
    queryFn: () => unwrap(api.GET('/api/account-events', { params: { query: { accountId, page: number, pageSize: RECORDS_PAGE } } })),
    enabled: account.isSuccess,
  });
  const events = useQuery(recordsPage(page));
  // Whether a lockout holds is read from the newest records, whichever page is shown.
  const newest = useQuery(recordsPage(1));
  // Names for the records' actors (the office and auditors may list every account).
  const everyone = useQuery({ queryKey: ['accounts', {}], queryFn: () => unwrap(api.GET('/api/accounts')), enabled: account.isSuccess });
  const refreshed = async () => {
    await queries.invalidateQueries({ queryKey: ['accounts'] });
    await queries.invalidateQueries({ queryKey: ['account-events'] });
  };
  const unlock = useMutation({
    mutationFn: () => unwrap(api.POST('/api/accounts/{accountId}/unlock', { params: { path: { accountId } } })),
    onSuccess: async () => {
      await refreshed();
      void message.success('已解除登录锁定');
    },
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.POST('/api/accounts/{accountId}/session-revocation', { params: { path: { accountId } } })),
    onSuccess: async ({ revoked }) => {
      await refreshed();
      void message.success(`已撤销 ${String(revoked)} 个会话`);
    },
  });

  if (account.error instanceof ApiError && (account.error.hidden || account.error.status === 400)) return <NotFoundPage what="账户" />;
  if (account.isError) return <Alert type="error" showIcon title="暂时无法读取账户，请稍后重试" />;
  if (!account.data) return <Skeleton active />;
  const current = account.data;
  const locked = lockedUntil(newest.data?.items ?? []);
  const pagination = {
    current: page,
    pageSize: RECORDS_PAGE,
    total: events.data?.total ?? 0,
    hideOnSinglePage: true,
    showSizeChanger: false,
    showTotal: (total: number) => `共 ${String(total)} 条`,
    onChange: setPage,
  };
  const empty = <Empty description={events.isError ? '暂时无法读取账户记录，请稍后重试' : '暂无记录'} />;
  const oneself = current.id === session.person?.id;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/settings/accounts">账户</Link> }, { title: current.username }]} />
      <PageCard title={`${current.displayName}（${current.username}）`}>
        <Refusal error={unlock.error ?? revoke.error} />
        {locked && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`登录失败次数过多，已锁定至 ${formatTime(locked)}`}
            description="锁定只针对失败所在的地址；解除后可立即再试。"
          />
        )}
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
          items={[
            { key: 'username', label: '用户名', children: current.username },
            { key: 'name', label: '姓名', children: current.displayName },
            { key: 'role', label: '角色', children: ROLE_NAMES[current.role] },
            { key: 'unit', label: '所属单位', children: <UnitName unitId={current.unitId} /> },
            { key: 'status', label: '状态', children: <AccountStatus account={current} /> },
            { key: 'failed', label: '连续登录失败', children: `${String(current.failedLogins)} 次（各地址合计）` },
            { key: 'created', label: '创建时间', children: formatTime(current.createdAt) },
          ]}
        />
        {manage && (
          <Space wrap style={{ marginTop: 16 }}>
            {!oneself && (
              <Button danger={current.status === 'active'} onClick={() => setChangingStatus(true)}>
                {current.status === 'active' ? '停用账户' : '恢复账户'}
              </Button>
            )}
            <Popconfirm
              title="解除登录锁定？"
              description="清除该用户名在各地址的登录失败计数，可立即重新登录。"
              okText="解除锁定"
              cancelText="取消"
              onConfirm={() => unlock.mutate()}
            >
              <Button loading={unlock.isPending}>解除锁定</Button>
            </Popconfirm>
            {!oneself && (
              <Popconfirm
                title="撤销全部会话？"
                description="该账户在所有设备上的登录立即失效，须重新登录。"
                okText="撤销会话"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => revoke.mutate()}
              >
                <Button loading={revoke.isPending}>撤销全部会话</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </PageCard>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            账户记录
          </Typography.Title>
        }
      >
        {screens.md ? (
          <Table<AccountEvent>
            rowKey="id"
            loading={events.isLoading}
            dataSource={events.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={pagination}
            locale={{ emptyText: empty }}
            columns={[
              { title: '时间', dataIndex: 'occurredAt', render: (value: string) => formatTime(value) },
              { title: '事项', dataIndex: 'type', render: (type: string) => ACCOUNT_EVENT_NAMES[type] ?? type },
              { title: '说明', key: 'detail', render: (_: unknown, row) => detailOf(row) },
              { title: '操作人', key: 'actor', render: (_: unknown, row) => actorName(row, everyone.data) },
              { title: '来源地址', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
            ]}
          />
        ) : (
          // On a phone each record is a short card of its own: five columns would not fit.
          <List<AccountEvent>
            loading={events.isLoading}
            dataSource={events.data?.items ?? []}
            pagination={(events.data?.total ?? 0) > RECORDS_PAGE ? pagination : false}
            locale={{ emptyText: empty }}
            renderItem={(event) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{ACCOUNT_EVENT_NAMES[event.type] ?? event.type}</Typography.Text>
                  {detailOf(event) && <Typography.Text>{detailOf(event)}</Typography.Text>}
                  <Typography.Text>
                    {formatTime(event.occurredAt)} · {actorName(event, everyone.data)}
                    {event.ip ? ` · ${event.ip}` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {changingStatus && <StatusDialog account={current} onClose={() => setChangingStatus(false)} />}
    </Space>
  );
}
