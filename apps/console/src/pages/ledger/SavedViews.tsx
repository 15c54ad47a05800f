import { useEffect, useState } from 'react';
import { App, Button, Form, Input, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { SAVED_VIEW_NAME_MAX, type LedgerColumn } from '@domain/ledger';
import { api, ApiError, apiErrorOf, unwrap, type Schemas } from '../../api/client';
import type { Role } from '../../session/session';
import { ROLE_NAMES } from '../../ui/labels';
import { chineseOf, Refusal } from '../../ui/problems';
import type { LedgerFilter } from './ledger-filter';
import { filterOfQuery, ledgerQueryOf, viewHref } from './ledger-view';

type SavedView = Schemas['SavedViewDto'];

interface ViewValues {
  name?: string;
  sharedWithRole?: Role;
}

const VIEWS_KEY = ['saved-views'] as const;

/** Where a saved view leads: the ledger with its filter, order and columns. */
export const hrefOf = (view: SavedView): string => viewHref(filterOfQuery(view.query), view.columns);

function sharedLabel(view: SavedView): string {
  return view.editable ? `共享给${ROLE_NAMES[view.sharedWithRole ?? 'administrator']}` : `${view.ownerName ?? '他人'}共享 · 只读`;
}

/**
 * 保存的视图: apply one (its address, so the URL says what is shown), save the ledger as it is now under a name,
 * optionally shared with a role; one's own views are renamed or deleted, views shared by others only used.
 */
export function SavedViews({ filter, columns, current }: { filter: LedgerFilter; columns: readonly LedgerColumn[]; current: string }) {
  const navigate = useNavigate();
  const views = useQuery({ queryKey: VIEWS_KEY, queryFn: () => unwrap(api.GET('/api/saved-views')) });
  const [editing, setEditing] = useState<SavedView | 'new' | null>(null);
  const [managing, setManaging] = useState(false);
  const own = (views.data ?? []).filter((view) => view.editable);
  const shared = (views.data ?? []).filter((view) => !view.editable);
  const applied = (views.data ?? []).find((view) => hrefOf(view) === current);

  return (
    <Space wrap>
      <Select<string>
        aria-label="保存的视图"
        placeholder="保存的视图"
        loading={views.isLoading}
        value={applied?.id}
        notFoundContent="尚无保存的视图"
        style={{ minWidth: 200, maxWidth: '100%' }}
        popupMatchSelectWidth={false}
        options={[
          ...(own.length ? [{ label: '我的视图', title: '我的视图', options: own.map((view) => ({ value: view.id, label: view.name })) }] : []),
          ...(shared.length
            ? [
                {
                  label: '共享给我的（只读）',
                  title: '共享给我的',
                  options: shared.map((view) => ({ value: view.id, label: `${view.name}（${sharedLabel(view)}）` })),
                },
              ]
            : []),
        ]}
        onChange={(id) => {
          const view = views.data?.find((candidate) => candidate.id === id);
          if (view) void navigate(hrefOf(view));
        }}
      />
      <Button onClick={() => setEditing('new')}>保存视图</Button>
      <Button onClick={() => setManaging(true)} disabled={!views.data?.length}>
        管理视图
      </Button>
      {editing && <ViewDialog view={editing === 'new' ? null : editing} filter={filter} columns={columns} onClose={() => setEditing(null)} />}
      <Modal title="管理保存的视图" open={managing} onCancel={() => setManaging(false)} footer={null} destroyOnHidden>
        <List<SavedView>
          dataSource={views.data ?? []}
          locale={{ emptyText: '尚无保存的视图' }}
          renderItem={(view) => (
            <List.Item
              actions={
                view.editable
                  ? [
                      <Button key="rename" size="small" onClick={() => setEditing(view)} aria-label={`修改视图 ${view.name}`}>
                        修改
                      </Button>,
                      <DeleteView key="delete" view={view} />,
                    ]
                  : [
                      <Typography.Text key="read-only" type="secondary">
                        只读
                      </Typography.Text>,
                    ]
              }
            >
              <Space orientation="vertical" size={2}>
                <Link to={hrefOf(view)} onClick={() => setManaging(false)}>
                  {view.name}
                </Link>
                {(view.sharedWithRole ?? !view.editable) && <Tag color={view.editable ? 'blue' : 'default'}>{sharedLabel(view)}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </Space>
  );
}

function DeleteView({ view }: { view: SavedView }) {
  const queries = useQueryClient();
  const { message } = App.useApp();
  const remove = useMutation({
    mutationFn: async () => {
      // 204: no body to unwrap.
      const { response, error } = await api.DELETE('/api/saved-views/{viewId}', { params: { path: { viewId: view.id } } });
      if (!response.ok) throw apiErrorOf(response.status, error);
    },
    onSuccess: async () => {
      message.success(`已删除视图：${view.name}`);
      await queries.invalidateQueries({ queryKey: VIEWS_KEY });
    },
    onError: (error) => message.error(error instanceof ApiError ? error.messageZh : '删除失败，请稍后重试'),
  });
  return (
    <Popconfirm title={`删除视图「${view.name}」？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate()}>
      <Button size="small" danger loading={remove.isPending} aria-label={`删除视图 ${view.name}`}>
        删除
      </Button>
    </Popconfirm>
  );
}

/** Saving the ledger as it is now under a name (view null), or renaming and re-sharing one's own view. */
function ViewDialog({
  view,
  filter,
  columns,
  onClose,
}: {
  view: SavedView | null;
  filter: LedgerFilter;
  columns: readonly LedgerColumn[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<ViewValues>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<unknown>(null);
  useEffect(() => {
    form.setFieldsValue({ name: view?.name ?? '', sharedWithRole: view?.sharedWithRole ?? undefined });
  }, [form, view]);
  const save = useMutation({
    mutationFn: (values: ViewValues) => {
      const body: Schemas['SavedViewInputDto'] = {
        name: (values.name ?? '').trim(),
        query: view ? view.query : ledgerQueryOf(filter),
        columns: view ? view.columns : [...columns],
        sharedWithRole: values.sharedWithRole ?? null,
      };
      return view
        ? unwrap(api.PUT('/api/saved-views/{viewId}', { params: { path: { viewId: view.id } }, body }))
        : unwrap(api.POST('/api/saved-views', { body }));
    },
    onSuccess: async (saved) => {
      message.success(view ? `视图已修改：${saved.name}` : `视图已保存：${saved.name}`);
      await queries.invalidateQueries({ queryKey: VIEWS_KEY });
      onClose();
    },
    onError: (error) => {
      // A name already used (409) and the api's field errors (400) go on their fields.
      if (error instanceof ApiError && error.fields.length) {
        form.setFields(error.fields.map(({ field, messages }) => ({ name: field as keyof ViewValues, errors: messages.map(chineseOf) })));
        setRefusal(null);
      } else setRefusal(error);
    },
  });

  return (
    <Modal
      title={view ? `修改视图「${view.name}」` : '保存当前视图'}
      open
      onCancel={onClose}
      okText={view ? '保存修改' : '保存'}
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Refusal error={refusal} />
      {!view && <Typography.Paragraph type="secondary">保存当前的筛选条件、排序与显示的列。以后选择此视图即回到同样的台账。</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item label="视图名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写视图名称' }]}>
          <Input maxLength={SAVED_VIEW_NAME_MAX} />
        </Form.Item>
        <Form.Item label="共享给角色" name="sharedWithRole" extra="该角色的每个账户都能使用此视图，但不能修改或删除。不选则仅自己可见。">
          <Select<Role>
            allowClear
            placeholder="不共享"
            options={(Object.entries(ROLE_NAMES) as [Role, string][]).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
