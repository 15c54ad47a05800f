import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { session } from '../session/session';
import { formatTime } from '../ui/labels';

interface LoginAnswer {
  status?: number;
  body?: { code?: string; messageZh?: string; retryAfterSeconds?: number; lockedUntil?: string };
}

/** When a lockout ends, in Beijing time (HH:mm, with the date when it is not today). */
function lockedUntil(retryAfterSeconds = 0): string {
  const until = formatTime(new Date(Date.now() + retryAfterSeconds * 1000).toISOString());
  const today = formatTime(new Date().toISOString()).slice(0, 10);
  return until.startsWith(today) ? until.slice(11) : until;
}

/** Where to go after login: only a path of this console (never another site). */
function returnPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/workbench';
}

/** 登录: the username and password; a lockout or a wait is said in Chinese with when to try again. */
export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<string | null>(params.get('expired') ? '会话已过期，请重新登录。' : null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await session.login(username.trim(), password);
      await navigate(returnPath(params.get('next')), { replace: true });
    } catch (error) {
      const answer = error as LoginAnswer;
      const body = answer.body ?? {};
      if (answer.status === 423) setProblem(`登录失败次数过多，账户已锁定，请于 ${lockedUntil(body.retryAfterSeconds)} 后再试。`);
      else if (answer.status === 429)
        setProblem(`${body.messageZh ?? '尝试过于频繁'}${body.retryAfterSeconds ? `（约 ${String(body.retryAfterSeconds)} 秒后再试）` : ''}`);
      else if (answer.status === 401) setProblem('用户名或口令错误。');
      else setProblem('暂时无法登录，请稍后重试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center', marginBottom: 4 }}>
          清廉细胞示范点创建管理
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          登录 / Sign in
        </Typography.Paragraph>
        {problem && <Alert role="alert" type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} aria-busy={busy}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="口令" name="password" rules={[{ required: true, message: '请输入口令' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
