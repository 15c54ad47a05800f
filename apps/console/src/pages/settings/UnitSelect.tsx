import { useEffect, useRef, useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { CATEGORY_NAMES } from '../../ui/labels';

const SEARCH_DELAY_MS = 300;
const SHOWN = 20;

/** 单位, searched by name on the server as the person types (the first few that match, by name). */
export function UnitSelect(props: Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption' | 'onSearch'>) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const named = useRef(new Map<string, string>());
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['units', 'search', search],
    queryFn: () => unwrap(api.GET('/api/units', { params: { query: { q: search || undefined, pageSize: SHOWN, sort: 'name', order: 'asc' } } })),
  });
  const units = new Map((found.data?.items ?? []).map((unit) => [unit.id, `${unit.name}（${CATEGORY_NAMES[unit.category] ?? unit.category}）`]));
  for (const [id, label] of units) named.current.set(id, label);
  // The chosen unit keeps its name while the person searches for another.
  if (props.value && !units.has(props.value)) units.set(props.value, named.current.get(props.value) ?? props.value);

  return (
    <Select<string>
      {...props}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.isFetching}
      placeholder="输入单位名称搜索"
      notFoundContent={found.isFetching ? '正在搜索…' : '没有名称含此文字的单位'}
      options={[...units].map(([value, label]) => ({ value, label }))}
    />
  );
}

/** A unit's name, read once per unit (the accounts and api tokens name units by id). */
export function UnitName({ unitId }: { unitId: string | null }) {
  const unit = useQuery({
    queryKey: ['units', unitId],
    queryFn: () => unwrap(api.GET('/api/units/{unitId}', { params: { path: { unitId: unitId ?? '' } } })),
    enabled: unitId !== null,
    staleTime: Infinity,
  });
  if (unitId === null) return <>—</>;
  return <>{unit.data?.name ?? (unit.isError ? '（单位不可见）' : '…')}</>;
}
