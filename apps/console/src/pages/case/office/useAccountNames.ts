import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/**
 * The names people go by, by account id (every account, disabled ones too: a record names whoever it named then).
 * For the program office and the auditors, who may read accounts; an id that names no account shows as itself.
 */
export function useAccountNames(enabled: boolean): (id: string) => string {
  const accounts = useQuery({
    queryKey: ['accounts', 'names'],
    queryFn: () => unwrap(api.GET('/api/accounts')),
    select: (list) => new Map(list.map((account) => [account.id, account.displayName])),
    staleTime: 60_000,
    enabled,
  });
  return (id) => accounts.data?.get(id) ?? id;
}
