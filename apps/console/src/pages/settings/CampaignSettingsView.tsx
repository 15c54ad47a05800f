import { Descriptions, Space } from 'antd';
import type { CampaignSettings } from '@domain/campaign-settings';
import { CATEGORY_CODES } from '@domain/categories';
import { DEADLINE_KINDS } from '@domain/stages';
import type { Schemas } from '../../api/client';
import { CATEGORY_NAMES, DURATION_UNIT_NAMES, formatTime, STAGE_NAMES } from '../../ui/labels';

/** A campaign's settings as stored (the api fills in what older campaigns lack), for reading. */
export const settingsOf = (campaign: Schemas['CampaignDto']) => campaign.settings as unknown as CampaignSettings;

const COLUMNS = { xs: 1, sm: 1, md: 2, lg: 2, xl: 4, xxl: 4 };

/** 活动设置, read-only: what auditors see, and everyone while a campaign cannot be edited. */
export function CampaignSettingsView({ campaign }: { campaign: Schemas['CampaignDto'] }) {
  const settings = settingsOf(campaign);
  const { thresholds, reminderPolicy: policy } = settings;
  const targets = CATEGORY_CODES.filter((category) => settings.targets[category] !== undefined);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        title="基本信息"
        bordered
        size="small"
        column={COLUMNS}
        items={[
          { key: 'year', label: '年度', children: `${String(campaign.year)} 年` },
          { key: 'name', label: '活动名称', children: campaign.name, span: 2 },
          { key: 'created', label: '创建时间', children: formatTime(campaign.createdAt) },
          ...(campaign.updatedAt
            ? [{ key: 'updated', label: '最后修改', children: `${formatTime(campaign.updatedAt)}（${campaign.updatedByName ?? campaign.updatedBy ?? '—'}）` }]
            : []),
        ]}
      />
      <Descriptions
        title="评定分数线"
        bordered
        size="small"
        column={COLUMNS}
        items={[
          { key: 'pass', label: '合格线', children: `${String(thresholds.pass)} 分` },
          { key: 'excellent', label: '优秀线', children: `${String(thresholds.excellent)} 分` },
          { key: 'floor', label: '整改线', children: `${String(thresholds.rectificationFloor)} 分` },
          { key: 'rounds', label: '最多整改轮次', children: `${String(thresholds.maxRectificationRounds)} 轮` },
        ]}
      />
      <Descriptions
        title="创建目标"
        bordered
        size="small"
        column={COLUMNS}
        items={
          targets.length
            ? targets.map((category) => ({ key: category, label: CATEGORY_NAMES[category], children: `${String(settings.targets[category])} 个` }))
            : [{ key: 'none', label: '各领域', children: '未设目标' }]
        }
      />
      <Descriptions
        title="各阶段时限"
        bordered
        size="small"
        column={COLUMNS}
        items={DEADLINE_KINDS.map((kind) => ({
          key: kind,
          label: `${STAGE_NAMES[kind] ?? kind}期限`,
          children: `${String(settings.stageDurations[kind].days)} 个${DURATION_UNIT_NAMES[settings.stageDurations[kind].unit] ?? ''}`,
        }))}
      />
      <Descriptions
        title="提醒与督办"
        bordered
        size="small"
        column={COLUMNS}
        items={[
          {
            key: 'before',
            label: '到期前提醒',
            children: policy.beforeDueWorkingDays.length ? `到期前第 ${policy.beforeDueWorkingDays.join('、')} 个工作日` : '不提醒',
          },
          { key: 'onDue', label: '到期当日提醒', children: policy.onDueDay ? '提醒' : '不提醒' },
          {
            key: 'overdue',
            label: '逾期提醒',
            children: policy.overdueEveryWorkingDays ? `逾期后每 ${String(policy.overdueEveryWorkingDays)} 个工作日` : '逾期后提醒一次',
          },
          { key: 'escalate', label: '逾期督办', children: `逾期满 ${String(policy.escalateAfterWorkingDays)} 个工作日报市纪委` },
          { key: 'sendAt', label: '发送时刻', children: `北京时间 ${policy.sendAt}（仅工作日）` },
        ]}
      />
      <Descriptions
        title="指标体系版本"
        bordered
        size="small"
        column={COLUMNS}
        items={CATEGORY_CODES.map((category) => ({ key: category, label: CATEGORY_NAMES[category], children: settings.frameworkVersions[category] }))}
      />
    </Space>
  );
}
