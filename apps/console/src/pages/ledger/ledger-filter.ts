/**
 * 台账的筛选 as it lives in the URL: the same names as `GET /api/cases` takes, so a link from the dashboard, a saved
 * view and the ledger's own controls all say the same thing.
 */
export const LEDGER_FILTER_KEYS = ['campaignId', 'category', 'stage', 'dueStatus', 'open', 'q', 'certifiedFrom', 'certifiedTo', 'sort', 'order'] as const;
export type LedgerFilterKey = (typeof LEDGER_FILTER_KEYS)[number];
export type LedgerFilter = Partial<Record<LedgerFilterKey, string>>;

/** The ledger's address for a filter (keys without a value are left out). */
export function ledgerHref(filter: LedgerFilter): string {
  const params = new URLSearchParams();
  for (const key of LEDGER_FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/ledger?${query}` : '/ledger';
}

/** The filter a URL's query string carries (unknown keys ignored). */
export function ledgerFilterOf(params: URLSearchParams): LedgerFilter {
  const filter: LedgerFilter = {};
  for (const key of LEDGER_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}
