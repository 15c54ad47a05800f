import { useState } from 'react';
import { App, Button, Empty, Form, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@domain/credential-policy';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { may } from '../../session/may';
import { session, type Role } from '../../session/session';
import { formatTime, ROLE_NAMES } from '../../ui/labels';
import { NotFoundPage } from '../NotFoundPage';
import { FormDialog, PageCard, UrlFilter, useFormSubmit } from './parts';
import { UnitName, UnitSelect } from './UnitSelect';

type Account = Schemas['AccountDto'];
type NewAccount = Schemas['CreateAccountDto'];

export const accountPath = (accountId: string) => `/settings/accounts/${accountId}`;
export const ROLE_OPTIONS = Object.entries(ROLE_NAMES).map(([value, label]) => ({ value: value as Role, label }));

/** 正常 / 已停用, in word and colour. */
export function AccountStatus({ account }: { account: Account }) {
  return account.status === 'active' ? <Tag color="#237804">正常</Tag> : <Tag color="#595959">已停用</Tag>;
}

/** The password rules as the api applies them (NIST SP 800-63B), said before the person types. */
export const PASSWORD_RULES = `至少 ${String(PASSWORD_MIN_LENGTH)} 个字符（一个汉字算一个字符），至多 ${String(PASSWORD_MAX_LENGTH)} 个；可以是一句话，不要求大小写、数字或符号；不能是常见口令，不能包含用户名。请通过安全渠道告知本人。`;

/** 新建账户: the office names a person, their role and (for a unit contact) their unit, and an initial password. */
function NewAccountDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NewAccount>();
  const role = Form.useWatch('role', form);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useFormSubmit({
    form,
    send: (values: NewAccount) =>
      unwrap(
        api.POST('/api/accounts', {
          body: {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            role: values.role,
            password: values.password,
            ...(values.role === 'unit_contact' ? { unitId: values.unitId } : {}),
          },
        }),
      ),
    onSuccess: async (account) => {
      await queries.invalidateQueries({ queryKey: ['accounts'] });
      void message.success(`已创建账户 ${account.username}`);
      onClose();
      await navigate(accountPath(account.id));
    },
    conflictsOn: { USERNAME_TAKEN: 'username' },
  });
  return (
    <FormDialog title="新建账户" okText="创建账户" form={form} pending={create.pending} refusal={create.refusal} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={create.submit} initialValues={{ role: 'unit_contact' }}>
        <Form.Item
          label="用户名"
          name="username"
          extra="登录时使用：3–64 个字母、数字或 . _ @ -，不区分大小写，创建后不能修改"
          rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" extra="办理记录中显示的名字" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        {role === 'unit_contact' && (
          <Form.Item label="所属单位" name="unitId" extra="单位联络人只能看到并办理本单位的案件" rules={[{ required: true, message: '请选择所属单位' }]}>
            <UnitSelect />
          </Form.Item>
        )}
        <Form.Item label="初始口令" name="password" extra={PASSWORD_RULES} rules={[{ required: true, message: '请填写初始口令' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 账户: every account, by role; each leads to its page (status, lockout, sessions, records); the office adds new ones. */
export default function AccountsPage() {
  const [params] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const [creating, setCreating] = useState(false);
  const role = (params.get('role') ?? undefined) as Role | undefined;
  const accounts = useQuery({
    queryKey: ['accounts', { role }],
    queryFn: () => unwrap(api.GET('/api/accounts', { params: { query: { role } } })),
  });
  if (accounts.error instanceof ApiError && accounts.error.hidden) return <NotFoundPage />;

  return (
    <PageCard
      title="账户"
      action={
        may(session.person?.role, 'accounts:manage') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建账户
          </Button>
        )
      }
    >
      <UrlFilter param="role" label="按角色筛选" placeholder="全部角色" options={ROLE_OPTIONS} width={160} />
      <Table<Account>
        rowKey="id"
        loading={accounts.isLoading}
        dataSource={accounts.data ?? []}
        scroll={{ x: 'max-content' }}
        size={screens.md ? 'middle' : 'small'}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => `共 ${String(total)} 个账户` }}
        locale={{
          emptyText: accounts.isError ? (
            <Empty description="暂时无法读取账户，请稍后重试" />
          ) : (
            <Empty description={role ? '没有该角色的账户（清空筛选）' : '暂无账户'} />
          ),
        }}
        columns={[
          { title: '用户名', dataIndex: 'username', render: (username: string, row) => <Link to={accountPath(row.id)}>{username}</Link> },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '状态', key: 'status', render: (_: unknown, row) => <AccountStatus account={row} /> },
          { title: '角色', dataIndex: 'role', render: (value: Role) => ROLE_NAMES[value] },
          { title: '所属单位', dataIndex: 'unitId', render: (unitId: string | null) => <UnitName unitId={unitId} />, responsive: ['md'] },
          {
            title: '连续登录失败',
            dataIndex: 'failedLogins',
            render: (count: number) => (count > 0 ? <Typography.Text type="danger">{count} 次</Typography.Text> : '—'),
            responsive: ['sm'],
          },
          { title: '创建时间', dataIndex: 'createdAt', render: (value: string) => formatTime(value), responsive: ['lg'] },
        ]}
      />
      {creating && <NewAccountDialog onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
