import { isLedgerColumn, LEDGER_COLUMNS, type LedgerColumn } from '@domain/ledger';
import type { Schemas } from '../../api/client';
import { ledgerFilterOf, ledgerHref, type LedgerFilter } from './ledger-filter';

/**
 * What the ledger shows besides its filter, also in the URL: the columns (`columns=unitName,stage,…`, so a saved view
 * and a link carry them), the page and the page size.
 */
export const DEFAULT_COLUMNS: readonly LedgerColumn[] = [
  'unitName',
  'category',
  'stage',
  'dueOn',
  'dueStatus',
  'workingDaysLeft',
  'stageEnteredAt',
  'certifiedOn',
];
export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = PAGE_SIZES[0];

export type LedgerQuery = Schemas['LedgerQuery'];
export type SortField = LedgerQuery['sort'];
type Order = LedgerQuery['order'];

/** The order the api uses when none is asked for. */
export const DEFAULT_ORDER: { readonly sort: SortField; readonly order: Order } = { sort: 'unitName', order: 'asc' };

export interface LedgerPlace {
  readonly filter: LedgerFilter;
  readonly columns: readonly LedgerColumn[];
  readonly page: number;
  readonly pageSize: number;
}

/** The columns a `columns` parameter names, in the ledger's order; the default when it names none. */
export function columnsOf(value: string | null): LedgerColumn[] {
  const named = new Set((value ?? '').split(',').filter(isLedgerColumn));
  return named.size ? LEDGER_COLUMNS.filter((column) => named.has(column)) : [...DEFAULT_COLUMNS];
}

export function ledgerPlaceOf(params: URLSearchParams): LedgerPlace {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    filter: ledgerFilterOf(params),
    columns: columnsOf(params.get('columns')),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The `columns` parameter for the columns chosen; none for the default ones. */
export function columnsParam(columns: readonly LedgerColumn[]): string | undefined {
  const chosen = columnsOf(columns.join(','));
  const isDefault = chosen.length === DEFAULT_COLUMNS.length && chosen.every((column, index) => column === DEFAULT_COLUMNS[index]);
  return isDefault ? undefined : chosen.join(',');
}

/** The ledger's address for a filter and columns (the first page; default columns and the default order left out). */
export function viewHref(filter: LedgerFilter, columns: readonly LedgerColumn[]): string {
  const shown = { ...filter };
  if (shown.sort === DEFAULT_ORDER.sort && (shown.order ?? DEFAULT_ORDER.order) === DEFAULT_ORDER.order) {
    delete shown.sort;
    delete shown.order;
  }
  const href = ledgerHref(shown);
  const chosen = columnsParam(columns);
  return chosen === undefined ? href : `${href}${href.includes('?') ? '&' : '?'}columns=${chosen}`;
}

/** The filter as the api's ledger query takes it (the URL's words are the api's; the api checks them). */
export function ledgerQueryOf(filter: LedgerFilter): LedgerQuery {
  return { ...filter, sort: (filter.sort ?? DEFAULT_ORDER.sort) as SortField, order: (filter.order ?? DEFAULT_ORDER.order) as Order } as LedgerQuery;
}

/** A saved view's query as a filter in the URL's words. */
export function filterOfQuery(query: LedgerQuery): LedgerFilter {
  return ledgerFilterOf(new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string')));
}

/** Which cases the filter selects, without their order: what a bulk action and its preview take. */
export function selectionOf(filter: LedgerFilter): Omit<LedgerQuery, 'sort' | 'order'> {
  const { sort: _sort, order: _order, ...selection } = ledgerQueryOf(filter);
  return selection;
}

/** The query string of an export: the filter, the columns shown, and the file's format. */
export function exportPath(filter: LedgerFilter, columns: readonly LedgerColumn[], format: 'xlsx' | 'csv'): string {
  const params = new URLSearchParams(Object.entries(ledgerQueryOf(filter)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  params.set('format', format);
  params.set('columns', columns.join(','));
  return `/api/cases/export?${params.toString()}`;
}
