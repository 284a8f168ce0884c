/**
 * Baseline recommender as a pure function over plain arrays (no database, no
 * clock). The recommend tool falls back to it only when no trained model
 * serves the store (no model folder, or a model of another catalogue; the
 * assistant logs which). It is also the yardstick the hybrid replaced.
 *
 * Three signals, each normalized to 0..1 over the candidates, then weighted:
 *  - co-purchase: how many baskets (sessions or customers) that bought the
 *    seed product also bought the candidate;
 *  - popularity in the target category: views + 3 x add_to_cart + 5 x
 *    purchase, events of the last 90 days counted fully, older ones at 0.25;
 *  - content similarity to the seed (cold start): same category plus shared
 *    title/attribute words (Jaccard).
 * A candidate's reason is the signal that contributed most to its score.
 */
import { jaccard } from '../util/jaccard';

/** What the scorer knows about a product. */
export interface RecProduct {
  id: number;
  title: string;
  category: string;
  priceCents: number;
  stock: number;
  /** Content words (stemmed title + attribute words). */
  terms: readonly string[];
}

/** Interaction counts per product and kind, split by recency. */
export interface PopularityCount {
  productId: number;
  kind: string;
  count: number;
  /** Within the recent window (90 days). */
  recent: boolean;
}

/** A purchase, in a basket that also bought the seed product. */
export interface CoPurchase {
  productId: number;
  /** "s:<sessionId>" or "c:<customerId>": a basket is a session or a customer. */
  basket: string;
}

/** What is asked for: a seed product and/or a category, a budget, how many. */
export interface RecommendRequest {
  seedId?: number;
  /** Restrict to this category (already resolved to the catalog's spelling). */
  category?: string;
  maxPriceCents?: number;
  limit: number;
  excludeIds: readonly number[];
}

/** Which signal explains a recommendation. */
export type RecommendReason = 'bought_together' | 'popular' | 'similar';

/** A scored, explained candidate. */
export interface Recommendation {
  productId: number;
  score: number;
  reason: RecommendReason;
}

/** Popularity weight per interaction kind. */
export const KIND_WEIGHTS: Readonly<Record<string, number>> = { view: 1, add_to_cart: 3, purchase: 5 };
/** Weight of events older than the recent window. */
export const OLD_EVENT_WEIGHT = 0.25;
const SIGNAL_WEIGHTS = { bought_together: 3, popular: 1, similar: 2 } as const;

function normalize(values: Map<number, number>): Map<number, number> {
  const max = Math.max(0, ...values.values());
  return max > 0 ? new Map([...values].map(([k, v]) => [k, v / max])) : new Map();
}

/** Scores and explains candidates; out-of-stock, excluded, over-budget products and the seed are never returned. */
export function recommendBaseline(
  products: readonly RecProduct[],
  popularity: readonly PopularityCount[],
  coPurchases: readonly CoPurchase[],
  request: RecommendRequest,
): Recommendation[] {
  const seed = request.seedId !== undefined ? products.find((p) => p.id === request.seedId) : undefined;
  const excluded = new Set(request.excludeIds);
  const candidates = products.filter(
    (p) =>
      p.id !== request.seedId &&
      !excluded.has(p.id) &&
      p.stock > 0 &&
      (request.maxPriceCents === undefined || p.priceCents <= request.maxPriceCents) &&
      (request.category === undefined || p.category === request.category),
  );
  const ids = new Set(candidates.map((p) => p.id));
  // Popularity and similarity speak about the seed's (or the asked) category; co-purchases may cross categories.
  const focus = request.category ?? seed?.category;

  const baskets = new Map<number, Set<string>>();
  for (const c of coPurchases) {
    if (!ids.has(c.productId)) continue;
    const set = baskets.get(c.productId) ?? new Set<string>();
    set.add(c.basket);
    baskets.set(c.productId, set);
  }
  const co = normalize(new Map([...baskets].map(([id, set]) => [id, set.size])));

  const rawPopularity = new Map<number, number>();
  const categoryOf = new Map(candidates.map((p) => [p.id, p.category]));
  for (const row of popularity) {
    const category = categoryOf.get(row.productId);
    if (category === undefined || (focus !== undefined && category !== focus)) continue;
    const weight = (KIND_WEIGHTS[row.kind] ?? 0) * (row.recent ? 1 : OLD_EVENT_WEIGHT);
    rawPopularity.set(row.productId, (rawPopularity.get(row.productId) ?? 0) + weight * row.count);
  }
  const pop = normalize(rawPopularity);

  const sim = new Map<number, number>();
  if (seed) {
    const seedTerms = new Set(seed.terms);
    for (const p of candidates) {
      const value = (p.category === seed.category ? 0.5 : 0) + jaccard(seedTerms, new Set(p.terms));
      if (value > 0) sim.set(p.id, value);
    }
  }
  const simNorm = normalize(sim);

  const out: Recommendation[] = [];
  for (const p of candidates) {
    const parts: [RecommendReason, number][] = [
      ['bought_together', SIGNAL_WEIGHTS.bought_together * (co.get(p.id) ?? 0)],
      ['popular', SIGNAL_WEIGHTS.popular * (pop.get(p.id) ?? 0)],
      ['similar', SIGNAL_WEIGHTS.similar * (simNorm.get(p.id) ?? 0)],
    ];
    const score = parts.reduce((sum, [, v]) => sum + v, 0);
    if (score <= 0) continue;
    const [reason] = parts.reduce((a, b) => (b[1] > a[1] ? b : a));
    out.push({ productId: p.id, score, reason });
  }
  return out.sort((a, b) => b.score - a.score || a.productId - b.productId).slice(0, request.limit);
}
