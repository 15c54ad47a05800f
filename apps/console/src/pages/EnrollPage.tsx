import { App, Button, Card, Form, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { CampaignSelect } from '../ui/CampaignSelect';
import { Refusal, showOnFields } from '../ui/problems';
import { UnitFields } from './settings/UnitFields';

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
      extra={<Link to="/enroll/import">批量导入（CSV / Excel）</Link>}
    >
      <Refusal error={enroll.error} />
      <Form form={form} layout="vertical" onFinish={(values) => enroll.mutate(values)} initialValues={{ ownership: 'private' }}>
        <Form.Item label="创建活动" name="campaignId" rules={[{ required: true, message: '请选择创建活动' }]}>
          <CampaignSelect />
        </Form.Item>
        <UnitFields nameField="unitName" />
        <Button type="primary" htmlType="submit" loading={enroll.isPending}>
          确定为培育对象
        </Button>
      </Form>
    </Card>
  );
}
