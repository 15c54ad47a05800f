import { App, Button, Card, Form, Input, Space, Switch, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { session } from '../session/session';
import { ROLE_NAMES } from '../ui/labels';
import { Refusal, showOnFields } from '../ui/problems';

/** 账户与口令: who I am, my password, and how I am told of reminders. */
export default function AccountPage() {
  const person = session.person;
  const { message } = App.useApp();
  const [passwordForm] = Form.useForm<{ currentPassword: string; newPassword: string; repeat: string }>();
  const [preferencesForm] = Form.useForm<{ emailEnabled: boolean; emailAddress: string; webhookEnabled: boolean }>();
  const preferences = useQuery({ queryKey: ['preferences'], queryFn: () => unwrap(api.GET('/api/me/notification-preferences')) });
  const changePassword = useMutation({
    // The repeated new password is the form's own check: the api refuses fields it does not know.
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      passwordForm.resetFields();
      void message.success('口令已修改，其他设备上的登录已退出。');
    },
    onError: (error) => showOnFields(passwordForm, error),
  });
  const savePreferences = useMutation({
    mutationFn: (values: { emailEnabled: boolean; emailAddress: string; webhookEnabled: boolean }) =>
      unwrap(
        api.PUT('/api/me/notification-preferences', {
          body: { emailEnabled: values.emailEnabled, webhookEnabled: values.webhookEnabled, emailAddress: values.emailAddress.trim() || null },
        }),
      ),
    onSuccess: () => void message.success('通知偏好已保存。'),
    onError: (error) => showOnFields(preferencesForm, error),
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
            账户与口令
          </Typography.Title>
        }
      >
        <Typography.Paragraph>
          {person?.displayName}（{person ? ROLE_NAMES[person.role] : ''}）{person?.username ? ` · 用户名 ${person.username}` : ''}
        </Typography.Paragraph>
        <Refusal error={changePassword.error && !(changePassword.error as { fields?: unknown[] }).fields?.length ? changePassword.error : null} />
        <Form form={passwordForm} layout="vertical" onFinish={(values) => changePassword.mutate(values)}>
          <Form.Item label="当前口令" name="currentPassword" rules={[{ required: true, message: '请输入当前口令' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新口令"
            name="newPassword"
            extra="至少 12 个字符，可以用一句话"
            rules={[{ required: true, min: 12, message: '新口令至少 12 个字符' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="再次输入新口令"
            name="repeat"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新口令' },
              ({ getFieldValue }) => ({
                validator: (_rule, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新口令不一致'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
            修改口令
          </Button>
        </Form>
      </Card>
      <Card title="通知偏好" size="small">
        {preferences.data && (
          <Form
            form={preferencesForm}
            layout="vertical"
            initialValues={{ ...preferences.data, emailAddress: preferences.data.emailAddress ?? '' }}
            onFinish={(values) => savePreferences.mutate(values)}
          >
            <Typography.Paragraph type="secondary">站内通知始终开启。</Typography.Paragraph>
            <Form.Item label="接收邮件通知" name="emailEnabled" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item label="邮箱地址" name="emailAddress" rules={[{ type: 'email', message: '邮箱地址格式不正确' }]}>
              <Input autoComplete="email" />
            </Form.Item>
            <Form.Item label="推送到工作群" name="webhookEnabled" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button htmlType="submit" loading={savePreferences.isPending}>
              保存
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
