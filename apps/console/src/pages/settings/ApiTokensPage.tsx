import { useState } from 'react';
import { Alert, App, Button, Empty, Form, Grid, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { formatTime, ROLE_NAMES } from '../../ui/labels';
import { Refusal } from '../../ui/problems';
import { NotFoundPage } from '../NotFoundPage';
import { ROLE_OPTIONS } from './AccountsPage';
import { FormDialog, PageCard, useFormSubmit } from './parts';
import { UnitName, UnitSelect } from './UnitSelect';

type ApiToken = Schemas['ApiTokenDto'];
type NewToken = Schemas['CreateApiTokenDto'];

type Policy = Schemas['ApiTokenPolicyDto'];

/** 有效 / 已过期 / 已撤销 / 已停用, in word and colour, as the api judges it. */
function TokenStatus({ token }: { token: ApiToken }) {
  switch (token.status) {
    case 'revoked':
      return <Tag color="#595959">已撤销</Tag>;
    case 'expired':
      return <Tag color="#ad4e00">已过期</Tag>;
    case 'suspended':
      return (
        <Tag color="#a8071a" title="签发它的账户已停用；账户恢复后令牌随之恢复">
          已停用
        </Tag>
      );
    case 'active':
      return <Tag color="#237804">有效</Tag>;
  }
}

/** The token, this once: copy it now, it is kept only as a hash and can never be shown again. */
function IssuedToken({ token, onClose }: { token: Schemas['CreatedApiTokenDto']; onClose: () => void }) {
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={`接口令牌「${token.name}」已创建`}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已复制并妥善保存
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="令牌只显示这一次"
        description="系统只保存令牌的摘要，关闭本窗口后任何人都无法再次查看。请立即复制，交给对接系统的负责人，并通过安全渠道传递；遗失时请撤销后重新创建。"
      />
      <Input.TextArea
        readOnly
        autoSize
        value={token.token}
        aria-label="接口令牌"
        style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
        onFocus={(event) => event.target.select()}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(token.token);
            void message.success('令牌已复制');
          } catch {
            void message.error('浏览器不允许复制，请选中令牌后手动复制');
          }
        }}
      >
        复制令牌
      </Button>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        使用方法：在请求头中加入 <Typography.Text code>Authorization: Bearer 令牌</Typography.Text>，以「{ROLE_NAMES[token.role]}」的身份调用接口。
      </Typography.Paragraph>
    </Modal>
  );
}

/**
 * 新建接口令牌: what it is for, the role it acts with (and unit), and when it expires: at most the api's longest
 * lifetime, and named for the roles that must (administrators).
 */
function NewTokenDialog({ policy, onIssued, onClose }: { policy: Policy; onIssued: (token: Schemas['CreatedApiTokenDto']) => void; onClose: () => void }) {
  const [form] = Form.useForm<NewToken>();
  const role = Form.useWatch('role', form);
  const expiryRequired = policy.expiryRequiredForRoles.includes(role);
  const max = policy.maxExpiresInDays;
  const queries = useQueryClient();
  const create = useFormSubmit({
    form,
    send: (values: NewToken) =>
      unwrap(
        api.POST('/api/api-tokens', {
          body: {
            name: values.name.trim(),
            role: values.role,
            ...(values.role === 'unit_contact' ? { unitId: values.unitId } : {}),
            ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
          },
        }),
      ),
    onSuccess: async (token) => {
      await queries.invalidateQueries({ queryKey: ['api-tokens'] });
      onIssued(token);
    },
  });
  return (
    <FormDialog title="新建接口令牌" okText="创建令牌" form={form} pending={create.pending} refusal={create.refusal} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={create.submit} initialValues={{ role: 'administrator', expiresInDays: Math.min(90, max) }}>
        <Form.Item label="名称" name="name" extra="用途或对接的系统，如：省平台数据同步" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="角色" name="role" extra="令牌以该角色的权限调用接口，办理记录中的操作人为该令牌" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        {role === 'unit_contact' && (
          <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '请选择所属单位' }]}>
            <UnitSelect />
          </Form.Item>
        )}
        <Form.Item
          label="有效天数"
          name="expiresInDays"
          extra={expiryRequired ? `1–${String(max)} 天；管理员角色的令牌必须设定` : `1–${String(max)} 天；不填即为最长的 ${String(max)} 天`}
          rules={[
            { required: expiryRequired, message: '管理员角色的令牌须设定有效天数' },
            { type: 'integer', min: 1, max, message: `有效天数为 1–${String(max)} 天` },
          ]}
        >
          <InputNumber min={1} max={max} precision={0} style={{ width: '100%' }} placeholder={String(max)} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 接口令牌: tokens for integrations, shown once when created, listed without the secret, revocable. */
export default function ApiTokensPage() {
  const screens = Grid.useBreakpoint();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<Schemas['CreatedApiTokenDto'] | null>(null);
  const tokens = useQuery({ queryKey: ['api-tokens'], queryFn: () => unwrap(api.GET('/api/api-tokens')) });
  const policy = useQuery({ queryKey: ['api-tokens', 'policy'], queryFn: () => unwrap(api.GET('/api/api-tokens/policy')) });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => unwrap(api.POST('/api/api-tokens/{tokenId}/revocation', { params: { path: { tokenId } } })),
    onSuccess: async (token) => {
      await queries.invalidateQueries({ queryKey: ['api-tokens'] });
      void message.success(`已撤销接口令牌「${token.name}」`);
    },
  });
  if (tokens.error instanceof ApiError && tokens.error.hidden) return <NotFoundPage />;

  return (
    <PageCard
      title="接口令牌"
      action={
        <Button type="primary" disabled={!policy.data} onClick={() => setCreating(true)}>
          新建令牌
        </Button>
      }
    >
      <Typography.Paragraph>
        供其他系统调用接口：每个令牌以一个角色（单位联络人须指定单位）的权限办理，撤销后立即失效。令牌至多有效
        {policy.data ? ` ${String(policy.data.maxExpiresInDays)} ` : ' '}
        天；签发它的账户停用期间令牌一并停用。
      </Typography.Paragraph>
      <Refusal error={revoke.error} />
      <Table<ApiToken>
        rowKey="id"
        loading={tokens.isLoading}
        dataSource={tokens.data ?? []}
        scroll={{ x: 'max-content' }}
        size={screens.md ? 'middle' : 'small'}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => `共 ${String(total)} 个令牌` }}
        locale={{ emptyText: <Empty description={tokens.isError ? '暂时无法读取接口令牌，请稍后重试' : '暂无接口令牌'} /> }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '令牌开头', dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>, responsive: ['md'] },
          { title: '角色', dataIndex: 'role', render: (role: ApiToken['role']) => ROLE_NAMES[role] },
          { title: '所属单位', dataIndex: 'unitId', render: (unitId: string | null) => <UnitName unitId={unitId} />, responsive: ['lg'] },
          { title: '状态', key: 'status', render: (_: unknown, row) => <TokenStatus token={row} /> },
          { title: '有效期至', dataIndex: 'expiresAt', render: (value: string) => formatTime(value), responsive: ['sm'] },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: (value: string | null) => (value ? formatTime(value) : '未使用'), responsive: ['md'] },
          { title: '创建时间', dataIndex: 'createdAt', render: (value: string) => formatTime(value), responsive: ['lg'] },
          {
            title: '操作',
            key: 'actions',
            fixed: 'end',
            render: (_: unknown, row) =>
              row.revokedAt ? null : (
                <Popconfirm
                  title={`撤销接口令牌「${row.name}」？`}
                  description="撤销后使用该令牌的系统立即无法调用接口，且不能恢复。"
                  okText="撤销令牌"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => revoke.mutate(row.id)}
                >
                  <Button type="link" danger aria-label={`撤销「${row.name}」`}>
                    撤销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {creating && policy.data && (
        <NewTokenDialog
          policy={policy.data}
          onClose={() => setCreating(false)}
          onIssued={(token) => {
            setCreating(false);
            setIssued(token);
          }}
        />
      )}
      {issued && <IssuedToken token={issued} onClose={() => setIssued(null)} />}
    </PageCard>
  );
}
