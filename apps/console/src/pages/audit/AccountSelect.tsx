import { Select, type SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ROLE_NAMES } from '../../ui/labels';

/**
 * 人员, searched as the person types (name or username): every account, disabled ones too, since a record names
 * whoever it named then. `extra` adds choices that are no account (系统).
 */
export function AccountSelect({
  extra = [],
  ...props
}: Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'> & { extra?: readonly { value: string; label: string }[] }) {
  const accounts = useQuery({ queryKey: ['accounts', {}], queryFn: () => unwrap(api.GET('/api/accounts')) });
  const options = [
    ...extra,
    ...(accounts.data ?? []).map((account) => ({
      value: account.id,
      label: `${account.displayName}（${account.username}，${ROLE_NAMES[account.role]}${account.status === 'active' ? '' : '，已停用'}）`,
    })),
  ];
  return (
    <Select<string>
      {...props}
      loading={accounts.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={accounts.isError ? '暂时无法读取账户' : '没有匹配的人员'}
      options={options}
    />
  );
}
