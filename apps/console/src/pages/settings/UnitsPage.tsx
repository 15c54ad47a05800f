import { useState } from 'react';
import { App, Button, Form, Grid, Input, Modal, Select, Space, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { may } from '../../session/may';
import { session } from '../../session/session';
import { CampaignSelect } from '../../ui/CampaignSelect';
import { CATEGORY_NAMES, formatTime, OWNERSHIP_NAMES } from '../../ui/labels';
import { Refusal, showOnFields } from '../../ui/problems';
import { ListEmpty } from '../../ui/ListEmpty';
import { urlPagination, useUrlParams } from '../../ui/useUrlParams';
import { NotFoundPage } from '../NotFoundPage';
import { PageCard } from './parts';
import { CATEGORY_OPTIONS, UnitFields } from './UnitFields';

type Unit = Schemas['UnitDto'];
type NewUnit = Schemas['CreateUnitDto'];
type Category = Unit['category'];

const PAGE_SIZE = 20;

/** 登记单位: a name and a category (and an enterprise's ownership); the api's refusals go on their fields. */
function NewUnitDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NewUnit>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: ({ name, category, ownership }: NewUnit) =>
      unwrap(api.POST('/api/units', { body: { name: name.trim(), category, ...(category === 'enterprise' ? { ownership } : {}) } })),
    onMutate: () => setRefusal(null),
    onSuccess: async (unit) => {
      await queries.invalidateQueries({ queryKey: ['units'] });
      void message.success(`已登记单位“${unit.name}”`);
      onClose();
    },
    onError: (error) => setRefusal(showOnFields(form, error)),
  });
  return (
    <Modal
      open
      title="登记单位"
      okText="登记"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Refusal error={refusal} />
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)} initialValues={{ ownership: 'private' }}>
        <UnitFields />
      </Form>
    </Modal>
  );
}

/**
 * 单位: every unit registered, searched by name, by category and by whether it is enrolled in a chosen campaign (or
 * in any), paged on the server; the office registers new ones. The filters live in the URL.
 */
export default function UnitsPage() {
  const screens = Grid.useBreakpoint();
  const url = useUrlParams();
  const { set, page } = url;
  const [creating, setCreating] = useState(false);
  const { q, category, campaignId, enrolled } = url.pick(['q', 'category', 'campaignId', 'enrolled']) as {
    q?: string;
    category?: Category;
    campaignId?: string;
    enrolled?: 'true' | 'false';
  };
  const units = useQuery({
    queryKey: ['units', { q, category, campaignId, enrolled }, page],
    queryFn: () => unwrap(api.GET('/api/units', { params: { query: { q, category, campaignId, enrolled, page, pageSize: PAGE_SIZE } } })),
  });
  if (units.error instanceof ApiError && units.error.hidden) return <NotFoundPage />;
  const filtered = [q, category, campaignId, enrolled].some((value) => value !== undefined);

  return (
    <PageCard
      title="单位"
      action={
        may(session.person?.role, 'units:create') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记单位
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="按单位名称搜索"
          placeholder="单位名称"
          allowClear
          defaultValue={q}
          onSearch={(value) => set({ q: value.trim() || undefined, page: undefined })}
          style={{ width: 220 }}
        />
        <Select<Category>
          aria-label="按领域筛选"
          placeholder="全部领域"
          allowClear
          value={category}
          onChange={(value: Category | undefined) => set({ category: value, page: undefined })}
          options={CATEGORY_OPTIONS.map((option) => ({ ...option, value: option.value as Category }))}
          style={{ width: 140 }}
        />
        <CampaignSelect
          aria-label="创建活动"
          placeholder="任一创建活动"
          allowClear
          value={campaignId}
          onChange={(value: string | undefined) =>
            set((now) => ({ campaignId: value, enrolled: value ? (now('enrolled') ?? 'true') : undefined, page: undefined }))
          }
          style={{ width: 260 }}
        />
        <Select<'true' | 'false'>
          aria-label="是否已纳入培育"
          placeholder="纳入与否不限"
          allowClear
          value={enrolled}
          onChange={(value: 'true' | 'false' | undefined) => set({ enrolled: value, page: undefined })}
          options={[
            { value: 'true', label: campaignId ? '已纳入该活动' : '已纳入任一活动' },
            { value: 'false', label: campaignId ? '未纳入该活动' : '从未纳入' },
          ]}
          style={{ width: 160 }}
        />
      </Space>
      <Table<Unit>
        rowKey="id"
        loading={units.isLoading}
        dataSource={units.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        size={screens.md ? 'middle' : 'small'}
        locale={{ emptyText: <ListEmpty failed={units.isError} filtered={filtered} source="单位" item="单位" /> }}
        pagination={urlPagination(url, PAGE_SIZE, units.data?.total, '个单位')}
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          { title: '领域', dataIndex: 'category', render: (value: string) => CATEGORY_NAMES[value] ?? value },
          {
            title: '企业性质',
            dataIndex: 'ownership',
            render: (value: string | null) => (value ? (OWNERSHIP_NAMES[value] ?? value) : '—'),
            responsive: ['md'],
          },
          { title: '登记时间', dataIndex: 'createdAt', render: (value: string) => formatTime(value), responsive: ['sm'] },
        ]}
      />
      {creating && <NewUnitDialog onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
