import { Badge, Button, Card, Empty, Grid, List, Segmented, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { formatTime } from '../ui/labels';
import { Refusal } from '../ui/problems';

/**
 * The Chinese half of a notice's text. The api's text is Chinese, a blank line, English, and a line naming the case by
 * its id, written for email; here the case is a link and the console speaks Chinese (as with the title).
 */
function chineseText(body: string): string {
  return body.split(/\n\s*\n/)[0] ?? body;
}

/** 通知: the in-app notices, newest first; mark one or all read; each links to its case. */
export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
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
        // On a phone the actions go under the notice: beside it they squeeze its text into a column a word wide.
        itemLayout={screens.md ? 'horizontal' : 'vertical'}
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
            {/* Each notice a heading under the page's (List.Item.Meta's h4 would skip two levels). */}
            <Typography.Title level={2} style={{ fontSize: 14, fontWeight: 600, margin: '0 0 4px' }}>
              {!notice.readAt && <Badge status="processing" text="未读" style={{ marginInlineEnd: 8, whiteSpace: 'nowrap' }} />}
              {notice.title.split(' / ')[0]}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 4 }}>{chineseText(notice.body)}</Typography.Paragraph>
            <Typography.Text type="secondary">{formatTime(notice.createdAt)}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
