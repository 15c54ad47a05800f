import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { CATEGORY_NAMES } from '../ui/labels';
import { Refusal, showOnFields } from '../ui/problems';

interface Enrollment {
  campaignId: string;
  unitName: string;
  category: Schemas['CreateUnitDto']['category'];
  ownership?: 'private' | 'state_owned';
}

/** 确定培育对象: the office names a unit and enrolls it in a campaign; its case opens at 培育. */
export default function EnrollPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Enrollment>();
  const category = Form.useWatch('category', form);
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: () => unwrap(api.GET('/api/campaigns')) });
  const enroll = useMutation({
    mutationFn: async ({ campaignId, unitName, category: unitCategory, ownership }: Enrollment) => {
      const unit = await unwrap(
        api.POST('/api/units', {
          body: { name: unitName.trim(), category: unitCategory, ...(unitCategory === 'enterprise' ? { ownership } : {}) },
        }),
      );
      return unwrap(api.POST('/api/campaigns/{campaignId}/enrollments', { params: { path: { campaignId } }, body: { unitId: unit.id } }));
    },
    onSuccess: async (enrolled) => {
      void message.success('已确定为培育对象');
      await navigate(`/cases/${encodeURIComponent(enrolled.caseId)}`);
    },
    onError: (error) => showOnFields(form, error, { name: ['unitName'] }),
  });

  return (
    <Card
      style={{ maxWidth: 640 }}
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          确定培育对象
        </Typography.Title>
      }
    >
      <Refusal error={enroll.error} />
      <Form form={form} layout="vertical" onFinish={(values) => enroll.mutate(values)} initialValues={{ ownership: 'private' }}>
        <Form.Item label="创建活动" name="campaignId" rules={[{ required: true, message: '请选择创建活动' }]}>
          <Select
            loading={campaigns.isLoading}
            options={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: `${campaign.name}（${String(campaign.year)} 年）` }))}
            notFoundContent="暂无创建活动"
          />
        </Form.Item>
        <Form.Item label="单位名称" name="unitName" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="清廉建设领域" name="category" rules={[{ required: true, message: '请选择领域' }]}>
          <Select options={Object.entries(CATEGORY_NAMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {category === 'enterprise' && (
          <Form.Item label="企业性质" name="ownership">
            <Select
              options={[
                { value: 'private', label: '民营企业' },
                { value: 'state_owned', label: '国有企业' },
              ]}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={enroll.isPending}>
          确定为培育对象
        </Button>
      </Form>
    </Card>
  );
}
