import { useEffect, useState, type ReactNode } from 'react';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  HistoryOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  PlusCircleOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { may } from '../session/may';
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

/** One place in the menu: where it leads, what the role calls it, and whether the role finds it there. */
interface MenuEntry {
  readonly path: string;
  readonly icon: ReactNode;
  readonly label: (role: Role) => string;
  readonly shownTo: (role: Role) => boolean;
}

/** Sections without a title stand at the top level; a titled one folds (设置), open while one of its pages is (督办 always at first). */
interface MenuSection {
  readonly key: string;
  readonly title?: string;
  readonly icon?: ReactNode;
  readonly entries: readonly MenuEntry[];
}

const everyone = () => true;
const oversight = (role: Role) => role === 'administrator' || role === 'auditor';

const MENU: readonly MenuSection[] = [
  {
    key: 'work',
    entries: [
      { path: '/workbench', icon: <ScheduleOutlined />, label: () => '我的待办', shownTo: (role) => role !== 'auditor' },
      // The program office and the auditors have the ledger (台账, under 督办) as their case list.
      { path: '/cases', icon: <FileSearchOutlined />, label: (role) => CASES_TITLE[role], shownTo: (role) => !oversight(role) },
      { path: '/enroll', icon: <PlusCircleOutlined />, label: () => '确定培育对象', shownTo: (role) => may(role, 'campaigns:enroll') },
    ],
  },
  {
    key: 'supervision',
    title: '督办',
    icon: <FundProjectionScreenOutlined />,
    entries: [
      { path: '/dashboard', icon: <DashboardOutlined />, label: () => '督办看板', shownTo: (role) => may(role, 'campaigns:statistics') },
      { path: '/ledger', icon: <TableOutlined />, label: () => '台账', shownTo: oversight },
      { path: '/bulk-actions', icon: <ThunderboltOutlined />, label: () => '批量操作', shownTo: (role) => may(role, 'bulk-actions:read') },
    ],
  },
  {
    key: 'audit',
    title: '审计',
    icon: <AuditOutlined />,
    entries: [
      { path: '/audit/verify', icon: <SafetyCertificateOutlined />, label: () => '校验审计链', shownTo: (role) => may(role, 'audit:verify') },
      { path: '/audit/log', icon: <FileTextOutlined />, label: () => '审计日志', shownTo: (role) => may(role, 'audit:read') },
      { path: '/audit/accounts', icon: <HistoryOutlined />, label: () => '账户记录', shownTo: (role) => may(role, 'accounts:read') },
    ],
  },
  {
    key: 'settings',
    title: '设置',
    icon: <SettingOutlined />,
    entries: [
      { path: '/settings/campaigns', icon: <CalendarOutlined />, label: () => '活动设置', shownTo: oversight },
      { path: '/settings/units', icon: <ApartmentOutlined />, label: () => '单位', shownTo: oversight },
      { path: '/settings/accounts', icon: <TeamOutlined />, label: () => '账户', shownTo: (role) => may(role, 'accounts:read') },
      { path: '/settings/api-tokens', icon: <KeyOutlined />, label: () => '接口令牌', shownTo: (role) => may(role, 'api-tokens:manage') },
      { path: '/settings/schedules', icon: <FieldTimeOutlined />, label: () => '定时任务', shownTo: (role) => may(role, 'schedules:read') },
    ],
  },
  {
    key: 'me',
    entries: [
      { path: '/inbox', icon: <InboxOutlined />, label: () => '通知', shownTo: everyone },
      { path: '/account', icon: <UserOutlined />, label: () => '账户与口令', shownTo: everyone },
    ],
  },
];

type MenuItems = NonNullable<MenuProps['items']>;

function menuFor(role: Role): MenuItems {
  return MENU.flatMap((section): MenuItems => {
    const items = section.entries
      .filter((entry) => entry.shownTo(role))
      .map((entry) => ({ key: entry.path, icon: entry.icon, label: <Link to={entry.path}>{entry.label(role)}</Link> }));
    if (items.length === 0) return [];
    return section.title ? [{ key: section.key, icon: section.icon, label: section.title, children: items }] : items;
  });
}

/** The menu entry a path belongs to (the longest that leads to it or above it), and the section holding it. */
function placeOf(pathname: string): { entry: string; section: string } | undefined {
  const candidates = MENU.flatMap((section) => section.entries.map((entry) => ({ entry: entry.path, section: section.key })));
  return candidates
    .filter(({ entry }) => pathname === entry || pathname.startsWith(`${entry}/`))
    .sort((a, b) => b.entry.length - a.entry.length)
    .at(0);
}

/** The frame of every page after login: the role's menu, the bell, who is signed in; a phone gets a drawer. */
export default function ConsoleLayout() {
  const { person, expired } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const place = placeOf(location.pathname);
  // 督办 is the office's and the auditors' daily view: open from the start; the others open with their pages.
  const [openSections, setOpenSections] = useState<string[]>(['supervision', ...(place && place.section !== 'supervision' ? [place.section] : [])]);
  useEffect(() => {
    if (place) setOpenSections((open) => (open.includes(place.section) ? open : [...open, place.section]));
  }, [place?.section]);
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

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={place ? [place.entry] : []}
      openKeys={openSections}
      onOpenChange={setOpenSections}
      items={menuFor(person.role)}
      onClick={() => setDrawer(false)}
      style={{ borderInlineEnd: 'none' }}
    />
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
