import { useSearchParams } from 'react-router';

type Changes = Readonly<Record<string, string | undefined>>;
type Read = (name: string) => string | undefined;

/** A parameter's value; an empty one (?q=) is no value. */
function valueIn(params: URLSearchParams): Read {
  return (name) => (params.get(name) ?? '') || undefined;
}

export interface UrlParams {
  /** A parameter's value; an empty one (?q=) is no value. */
  readonly get: Read;
  /** The values of several parameters at once (a list's filter). */
  readonly pick: <K extends string>(names: readonly K[]) => Record<K, string | undefined>;
  /** Every parameter, as last rendered. */
  readonly params: URLSearchParams;
  /**
   * Changes some parameters at once: an empty value removes its parameter (a changed filter usually resets `page`).
   * It starts from the address as it is now, not as last rendered: the router renders a change in a transition, so a
   * choice made before the previous one is drawn (a search, then a filter) must not undo it. Changes that depend on
   * other parameters are worked out from that same address.
   */
  readonly set: (changes: Changes | ((now: Read) => Changes)) => void;
  /** `page`, from 1. */
  readonly page: number;
}

/** A list's filters and page, kept in the URL, so a link or a reload shows the same list. */
export function useUrlParams(): UrlParams {
  const [params, setParams] = useSearchParams();
  const get = valueIn(params);
  return {
    params,
    get,
    pick: <K extends string>(names: readonly K[]) => Object.fromEntries(names.map((name) => [name, get(name)])) as Record<K, string | undefined>,
    set: (changes) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(typeof changes === 'function' ? changes(valueIn(next)) : changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      setParams(next, { replace: true });
    },
    page: Number(params.get('page') ?? '1') || 1,
  };
}

/** A server-paged table's pager: the URL's page, 共 N (in `unit`), a new page written back to the URL. */
export function urlPagination({ set, page }: UrlParams, pageSize: number, total: number | undefined, unit = '条') {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    showTotal: (all: number) => `共 ${String(all)} ${unit}`,
    showSizeChanger: false,
    onChange: (next: number) => set({ page: next === 1 ? undefined : String(next) }),
  };
}
