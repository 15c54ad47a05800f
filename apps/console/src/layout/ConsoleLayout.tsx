import { useState } from 'react';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import {
  BellOutlined,
  FileSearchOutlined,
  InboxOutlined,
  LogoutOutlined,
  MenuOutlined,
  PlusCircleOutlined,
  ScheduleOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { session, type Role } from '../session/session';
import { useSession } from '../session/useSession';
import { ROLE_NAMES } from '../ui/labels';

/** What each role finds in its menu, and nothing else. */
const CASES_TITLE: Readonly<Record<Role, string>> = {
  administrator: '全部案件',
  unit_contact: '本单位案件',
  assessor: '我的检查',
  jinhua_reviewer: '推荐与认定',
  auditor: '全部案件',
};

function menuFor(role: Role) {
  return [
    ...(role === 'auditor' ? [] : [{ key: '/workbench', icon: <ScheduleOutlined />, label: <Link to="/workbench">我的待办</Link> }]),
    { key: '/cases', icon: <FileSearchOutlined />, label: <Link to="/cases">{CASES_TITLE[role]}</Link> },
    ...(role === 'administrator' ? [{ key: '/enroll', icon: <PlusCircleOutlined />, label: <Link to="/enroll">确定培育对象</Link> }] : []),
    { key: '/inbox', icon: <InboxOutlined />, label: <Link to="/inbox">通知</Link> },
    { key: '/account', icon: <UserOutlined />, label: <Link to="/account">账户与口令</Link> },
  ];
}

/** The frame of every page after login: the role's menu, the bell, who is signed in; a phone gets a drawer. */
export default function ConsoleLayout() {
  const { person, expired } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const unread = useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: () => unwrap(api.GET('/api/inbox/unread-count')),
    enabled: Boolean(person),
    refetchInterval: 60_000,
  });

  if (person === undefined) return <Spin fullscreen description="正在恢复会话…" />;
  if (person === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}${expired ? '&expired=1' : ''}`} replace />;
  }

  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  const menu = (
    <Menu mode="inline" selectedKeys={[selected]} items={menuFor(person.role)} onClick={() => setDrawer(false)} style={{ borderInlineEnd: 'none' }} />
  );
  const phone = !screens.md;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider width={208} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <Typography.Title level={2} style={{ fontSize: 16, padding: '16px 16px 8px', margin: 0 }}>
            清廉细胞示范点
          </Typography.Title>
          <nav aria-label="主菜单">{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space>
            {phone && <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawer(true)} />}
            {phone && <Typography.Text strong>清廉细胞示范点</Typography.Text>}
          </Space>
          <Space size={phone ? 'small' : 'middle'}>
            <Link to="/inbox" aria-label={`通知，${String(unread.data?.unread ?? 0)} 条未读`}>
              <Badge count={unread.data?.unread ?? 0} size="small">
                <BellOutlined style={{ fontSize: 18 }} />
              </Badge>
            </Link>
            {!phone && (
              <Typography.Text>
                {person.displayName}（{ROLE_NAMES[person.role]}）
              </Typography.Text>
            )}
            <Button
              type="text"
              icon={<LogoutOutlined />}
              // Its name on every width (a phone shows the icon alone), and not the icon's English "logout".
              aria-label="退出"
              onClick={async () => {
                await session.logout();
                await navigate('/login', { replace: true });
              }}
            >
              {phone ? '' : '退出'}
            </Button>
          </Space>
        </Layout.Header>
        {/* antd 6 renders the content as <main>: the page's one main landmark. */}
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      <Drawer title="清廉细胞示范点" placement="left" open={drawer} onClose={() => setDrawer(false)} size={240}>
        <nav aria-label="主菜单">{menu}</nav>
      </Drawer>
    </Layout>
  );
}
