/**
 * Resolves a RecommendQuery against the model: the history to score (stored
 * history, then session items, then the seed, most recent last), the items to
 * leave out and the filters.
 */
import type { RecommenderConfig } from './config';
import { RecommendInputError } from './errors';
import type { QueryHistory } from './models/source';
import type { CatalogState } from './state';
import type { UserHistory } from './dataset';
import type { RecommendQuery } from './types';

export const MAX_K = 100;

export interface ResolvedQuery {
  history: QueryHistory;
  k: number;
  /** Catalogue index of the seed item, or -1. */
  seed: number;
  isAllowed: (item: number) => boolean;
}

export interface QueryModel {
  config: RecommenderConfig;
  catalog: CatalogState;
  itemIndex: ReadonlyMap<string, number>;
  userIndex: ReadonlyMap<string, number>;
  histories: readonly UserHistory[];
}

/** A stored history as a query history: its last `maxHistory` items, tagged with the shopper for per-shopper caches. */
export function storedHistory(h: UserHistory, maxHistory: number, user?: number): QueryHistory {
  const start = Math.max(0, h.items.length - maxHistory);
  const history: QueryHistory = { items: Array.from(h.items.subarray(start)), weights: Array.from(h.weights.subarray(start)) };
  return user === undefined ? history : { ...history, user };
}

/**
 * @param servable 1 for the catalogue indexes that may be returned (all when omitted).
 * @throws RecommendInputError for a bad k or excludeSeen value.
 */
export function resolveQuery(model: QueryModel, query: RecommendQuery, servable?: Uint8Array): ResolvedQuery {
  const k = query.k;
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new RecommendInputError(`k must be an integer from 1 to ${MAX_K}, got ${k}`);
  const excludeSeen = query.excludeSeen ?? 'all';
  if (!['all', 'purchased', 'none'].includes(excludeSeen)) throw new RecommendInputError(`excludeSeen must be all, purchased or none, got ${excludeSeen}`);
  const items: number[] = [];
  const weights: number[] = [];
  const excluded = new Set<number>();
  const stored = query.userId === undefined ? undefined : model.userIndex.get(query.userId);
  if (stored !== undefined) {
    const h = model.histories[stored]!;
    h.items.forEach((i, n) => {
      items.push(i);
      weights.push(h.weights[n]!);
      if (excludeSeen === 'all' || (excludeSeen === 'purchased' && h.purchased[n])) excluded.add(i);
    });
  }
  const viewWeight = model.config.kindWeights.view;
  const append = (i: number) => {
    const at = items.lastIndexOf(i);
    const w = at >= 0 ? Math.max(weights[at]!, viewWeight) : viewWeight;
    if (at >= 0) {
      items.splice(at, 1);
      weights.splice(at, 1);
    }
    items.push(i);
    weights.push(w);
  };
  for (const id of query.sessionItems ?? []) {
    const i = model.itemIndex.get(id);
    if (i === undefined) continue;
    append(i);
    if (excludeSeen === 'all') excluded.add(i);
  }
  const seed = query.seedItem === undefined ? -1 : (model.itemIndex.get(query.seedItem) ?? -1);
  if (seed >= 0) {
    append(seed);
    excluded.add(seed);
  }
  const unchanged = stored !== undefined && items.length === model.histories[stored]!.items.length && items.every((item, n) => item === model.histories[stored]!.items[n]);
  for (const id of query.exclude ?? []) {
    const i = model.itemIndex.get(id);
    if (i !== undefined) excluded.add(i);
  }
  const start = Math.max(0, items.length - model.config.maxHistory);
  const category = query.category?.trim().toLowerCase();
  const { categories, prices } = model.catalog;
  const maxPrice = query.maxPriceCents;
  if (maxPrice !== undefined && !(maxPrice >= 0)) throw new RecommendInputError(`maxPriceCents must be a non-negative number, got ${maxPrice}`);
  const isAllowed = (i: number) =>
    (servable === undefined || servable[i] === 1) &&
    !excluded.has(i) && (category === undefined || categories[i]!.toLowerCase() === category) && (maxPrice === undefined || !(prices[i]! > maxPrice));
  const history: QueryHistory = { items: items.slice(start), weights: weights.slice(start) };
  return { history: unchanged ? { ...history, user: stored } : history, k, seed, isAllowed };
}
