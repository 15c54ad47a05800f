import { Badge, Button, Card, Empty, List, Segmented, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { formatTime } from '../ui/labels';
import { Refusal } from '../ui/problems';

/** 通知: the in-app notices, newest first; mark one or all read; each links to its case. */
export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const page = Number(params.get('page') ?? '1') || 1;
  const queries = useQueryClient();
  const inbox = useQuery({
    queryKey: ['inbox', unreadOnly, page],
    queryFn: () => unwrap(api.GET('/api/inbox', { params: { query: { page, pageSize: 20, unread: unreadOnly ? 'true' : undefined } } })),
  });
  const refreshed = () => queries.invalidateQueries({ queryKey: ['inbox'] });
  const read = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/inbox/{notificationId}/read', { params: { path: { notificationId: id } } })),
    onSuccess: refreshed,
  });
  const readAll = useMutation({ mutationFn: () => unwrap(api.POST('/api/inbox/read-all')), onSuccess: refreshed });

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          通知
        </Typography.Title>
      }
      extra={
        <Button onClick={() => readAll.mutate()} loading={readAll.isPending}>
          全部标为已读
        </Button>
      }
    >
      <Refusal error={read.error ?? readAll.error} />
      <Segmented
        aria-label="显示范围"
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(value) => setParams(value === 'unread' ? { unread: 'true' } : {}, { replace: true })}
        options={[
          { label: '全部', value: 'all' },
          { label: '未读', value: 'unread' },
        ]}
        style={{ marginBottom: 16 }}
      />
      <List
        loading={inbox.isLoading}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: <Empty description={unreadOnly ? '没有未读通知' : '暂无通知'} /> }}
        pagination={
          (inbox.data?.total ?? 0) > 20
            ? {
                current: page,
                pageSize: 20,
                total: inbox.data?.total,
                showTotal: (total) => `共 ${String(total)} 条`,
                onChange: (next) => setParams({ page: String(next) }),
              }
            : false
        }
        renderItem={(notice) => (
          <List.Item
            actions={[
              ...(notice.caseId
                ? [
                    <Link key="case" to={`/cases/${encodeURIComponent(notice.caseId)}`}>
                      查看案件
                    </Link>,
                  ]
                : []),
              ...(notice.readAt
                ? []
                : [
                    <Button key="read" type="link" onClick={() => read.mutate(notice.id)}>
                      标为已读
                    </Button>,
                  ]),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {!notice.readAt && <Badge status="processing" text="未读" />}
                  <span>{notice.title.split(' / ')[0]}</span>
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 4 }}>{notice.body}</Typography.Paragraph>
                  <Typography.Text type="secondary">{formatTime(notice.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
