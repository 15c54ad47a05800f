import { useState, type ReactNode } from 'react';
import { Alert, App, Breadcrumb, Button, Skeleton, Space } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { may } from '../../session/may';
import { session } from '../../session/session';
import { NotFoundPage } from '../NotFoundPage';
import { CampaignForm, thisYear } from './CampaignForm';
import { CampaignSettingsView, settingsOf } from './CampaignSettingsView';
import { campaignPath } from './CampaignsPage';
import { PageCard } from './parts';

function Frame({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/settings/campaigns">活动设置</Link> }, { title }]} />
      <PageCard title={title} action={action}>
        {children}
      </PageCard>
    </Space>
  );
}

/** 新建创建活动: the domain's defaults, each explained, for the office to adjust. */
function NewCampaign() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  return (
    <Frame title="新建创建活动">
      <CampaignForm
        creating
        start={{ year: thisYear(), name: '' }}
        submitText="创建活动"
        save={(body, year) => unwrap(api.POST('/api/campaigns', { body: { ...body, year } }))}
        onSaved={(campaign) => {
          void queries.invalidateQueries({ queryKey: ['campaigns'] });
          void message.success('已创建创建活动');
          void navigate(campaignPath(campaign.id), { replace: true });
        }}
        onCancel={() => void navigate('/settings/campaigns')}
      />
    </Frame>
  );
}

/** A campaign's settings, read by auditors; the office changes them in the same form that created the campaign. */
function ExistingCampaign({ campaignId }: { campaignId: string }) {
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const campaign = useQuery({
    queryKey: ['campaigns', campaignId],
    queryFn: () => unwrap(api.GET('/api/campaigns/{campaignId}', { params: { path: { campaignId } } })),
  });
  if (campaign.error instanceof ApiError && (campaign.error.hidden || campaign.error.status === 400)) return <NotFoundPage what="创建活动" />;
  if (campaign.isError) return <Alert type="error" showIcon title="暂时无法读取创建活动，请稍后重试" />;
  if (!campaign.data) return <Skeleton active />;
  const current = campaign.data;
  const editable = may(session.person?.role, 'campaigns:update');
  return (
    <Frame title={current.name} action={editable && !editing && <Button onClick={() => setEditing(true)}>修改设置</Button>}>
      {editing ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="修改只影响此后确定的培育对象"
            description="已纳入的单位沿用纳入时的分数线、指标体系版本、期限和提醒规则；创建目标即时用于统计。每项修改的新旧值记入账户记录。"
          />
          <CampaignForm
            creating={false}
            start={{ year: current.year, name: current.name, settings: settingsOf(current) }}
            submitText="保存修改"
            save={(body) => unwrap(api.PATCH('/api/campaigns/{campaignId}', { params: { path: { campaignId } }, body }))}
            onSaved={(saved) => {
              queries.setQueryData(['campaigns', campaignId], saved);
              void queries.invalidateQueries({ queryKey: ['campaigns'] });
              void message.success('活动设置已保存');
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </>
      ) : (
        <CampaignSettingsView campaign={current} />
      )}
    </Frame>
  );
}

/** /settings/campaigns/new creates; /settings/campaigns/:campaignId shows (and, for the office, edits) one. */
export default function CampaignPage() {
  const { campaignId } = useParams();
  if (campaignId === undefined) {
    return may(session.person?.role, 'campaigns:create') ? <NewCampaign /> : <NotFoundPage />;
  }
  return <ExistingCampaign campaignId={campaignId} />;
}
