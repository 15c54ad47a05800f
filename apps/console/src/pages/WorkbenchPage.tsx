import { Card, Empty, Grid, List, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { DueStatusTag, workingDaysText } from '../ui/DueStatusTag';
import { CATEGORY_NAMES } from '../ui/labels';

type Task = Schemas['MyTaskDto'];
const PAGE_SIZE = 20;

function dueText(task: Task): string {
  if (task.dueOn === null) return '无期限';
  return `${task.dueOn}（${workingDaysText(task.workingDaysLeft ?? 0)}）`;
}

const chinese = (title: string) => title.split(' / ')[0] ?? title;
const caseLink = (task: Task) => `/cases/${encodeURIComponent(task.caseId)}`;

/** 我的待办: what waits on the signed-in person, soonest due first, each with its due status in colour and word. */
export default function WorkbenchPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const screens = Grid.useBreakpoint();
  const tasks = useQuery({
    queryKey: ['me', 'tasks', page],
    queryFn: () => unwrap(api.GET('/api/me/tasks', { params: { query: { page, pageSize: PAGE_SIZE } } })),
  });
  const empty = <Empty description={tasks.isError ? '暂时无法读取待办，请稍后重试' : '当前没有待办事项'} />;
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: tasks.data?.total ?? 0,
    showTotal: (total: number) => `共 ${String(total)} 项`,
    showSizeChanger: false,
    hideOnSinglePage: true,
    onChange: (next: number) => setParams(next === 1 ? {} : { page: String(next) }, { replace: true }),
  };

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          我的待办
        </Typography.Title>
      }
    >
      {/* A list at every width (no table: the page's scripts stay small for the phones liaisons use). */}
      <List<Task>
        loading={tasks.isLoading}
        dataSource={tasks.data?.items ?? []}
        locale={{ emptyText: empty }}
        pagination={(tasks.data?.total ?? 0) > PAGE_SIZE ? pagination : false}
        renderItem={(task) => (
          <List.Item extra={screens.md ? <Typography.Text type="secondary">{dueText(task)}</Typography.Text> : undefined}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <DueStatusTag status={task.dueStatus} name={task.dueStatusName} />
                <Link to={caseLink(task)}>{chinese(task.title)}</Link>
              </Space>
              <Typography.Text>
                {task.unitName}
                {screens.md ? <Typography.Text type="secondary">（{CATEGORY_NAMES[task.category] ?? task.category}）</Typography.Text> : null}
              </Typography.Text>
              {!screens.md && <Typography.Text type="secondary">{dueText(task)}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
