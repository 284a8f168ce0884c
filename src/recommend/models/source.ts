/**
 * The one contract every model of the hybrid implements at query time: score
 * the whole catalogue for a history, and name the history item behind a pick.
 */
import type { SourceName } from '../types';

/** A shopper's recent items as catalogue indexes, oldest first, with their kind weights. */
export interface QueryHistory {
  items: readonly number[];
  weights: readonly number[];
  /** Set when the history is exactly a stored shopper's (capped) history: sources may use per-shopper caches. */
  user?: number;
}

export interface ScoringSource {
  readonly name: SourceName;
  /** Writes a score for every catalogue item into `out` (length = catalogue size); higher is better. */
  scoreInto(history: QueryHistory, out: Float32Array): void;
  /** Position in `history.items` of the item that best explains recommending `item`, or -1. */
  explain(history: QueryHistory, item: number): number;
}

/** An empty history. */
export const NO_HISTORY: QueryHistory = Object.freeze({ items: [], weights: [] });
