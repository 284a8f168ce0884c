/**
 * Query latency of recommend() over a realistic mix: a known shopper, an
 * anonymous session (last five items), a seed product within its category,
 * and a shopper with a price cap keeping only purchases out.
 */
import type { EvalCase } from './evaluate';
import type { HybridRecommender } from './hybrid';
import type { RecommendQuery } from './types';

export interface LatencyReport {
  queries: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The i-th query of the mix for a test case. */
export function mixedQuery(model: HybridRecommender, c: EvalCase, i: number): RecommendQuery {
  const ids = model.state.catalog.ids;
  const last = c.history.items[c.history.items.length - 1];
  switch (i % 4) {
    case 0:
      return { userId: c.user, k: 10 };
    case 1:
      return { sessionItems: c.history.items.slice(-5).map((j) => ids[j]!), k: 10 };
    case 2:
      return last === undefined ? { k: 10 } : { seedItem: ids[last]!, category: model.state.catalog.categories[last]!, k: 10 };
    default:
      return { userId: c.user, maxPriceCents: 5000, excludeSeen: 'purchased', k: 10 };
  }
}

/** Runs `queries` recommend() calls (after a short warm-up) and reports wall-clock percentiles. */
export function measureLatency(model: HybridRecommender, cases: readonly EvalCase[], queries = 1000): LatencyReport {
  if (cases.length === 0) return { queries: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
  for (let i = 0; i < 50; i++) model.recommend(mixedQuery(model, cases[i % cases.length]!, i));
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const query = mixedQuery(model, cases[(i * 7919) % cases.length]!, i);
    const started = performance.now();
    model.recommend(query);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    queries,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    maxMs: times[times.length - 1]!,
  };
}
