import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** The assessor accounts (检查组成员) an administrator may assign: active ones, by display name. */
export function useAssessorAccounts() {
  return useQuery({
    queryKey: ['accounts', 'assessor'],
    queryFn: () => unwrap(api.GET('/api/accounts', { params: { query: { role: 'assessor' } } })),
    select: (accounts) => accounts.filter((account) => account.status === 'active'),
    staleTime: 60_000,
  });
}

/** An assessor's name as people know it; an id that names no listed account (an api token) shows as itself. */
export function assessorName(accounts: readonly { id: string; displayName: string }[] | undefined, id: string): string {
  return accounts?.find((account) => account.id === id)?.displayName ?? id;
}
