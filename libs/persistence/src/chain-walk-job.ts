import type { BrokenLink, EventRowRange, WalkedCase } from './event-rows.js';

/** Where a worker thread reads the events from: the same database as the ORM, over its own connection. */
export type ChainWalkDatabase = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgresql'; readonly url: string };

/** What a chain-walk worker thread is given. */
export interface ChainWalkJob {
  readonly database: ChainWalkDatabase;
  readonly range: EventRowRange;
  readonly batchSize: number;
  /** Per case, the sequences whose event the checkpoints' check needs to see (see `ChainWalk`). */
  readonly watched: readonly (readonly [string, readonly number[]])[];
}

/** What it posts back: each batch's completed cases, then the last case and the first broken link of its range, or why it failed. */
export type ChainWalkMessage =
  | { readonly kind: 'cases'; readonly cases: readonly WalkedCase[]; readonly eventsChecked: number }
  | { readonly kind: 'done'; readonly cases: readonly WalkedCase[]; readonly eventsChecked: number; readonly firstBrokenLink: BrokenLink | null }
  | { readonly kind: 'failed'; readonly message: string };
