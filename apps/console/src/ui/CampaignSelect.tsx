import { Select, type SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** 创建活动, chosen by name and year (newest year first). A form control, or a filter with `allowClear`. */
export function CampaignSelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: () => unwrap(api.GET('/api/campaigns')) });
  return (
    <Select<string>
      notFoundContent="暂无创建活动"
      {...props}
      loading={campaigns.isLoading}
      options={[...(campaigns.data ?? [])]
        .sort((a, b) => b.year - a.year)
        .map((campaign) => ({ value: campaign.id, label: `${campaign.name}（${String(campaign.year)} 年）` }))}
    />
  );
}
