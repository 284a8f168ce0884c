/**
 * Offline evaluation protocol, the same for every algorithm:
 *  - leave-last-out per shopper (split.ts), shoppers with >= 3 distinct items;
 *  - full ranking of the whole catalogue minus the shopper's training items:
 *    HR@10, NDCG@10, MRR (exact expectations under random tie-breaking);
 *  - the sampled protocol of the NCF paper (He et al. 2017): the held-out item
 *    against 100 items the shopper never interacted with: HR@10, NDCG@10;
 *  - catalogue coverage of the full-ranking top 10 lists.
 */
import { catalogCoverage, hitRate, ndcg, rankAmong, rankOf, reciprocalRank, topK } from './metrics';
import type { QueryHistory, ScoringSource } from './models/source';
import type { HybridRecommender } from './hybrid';
import { Prng } from '../util/prng';
import type { UserHistory } from './dataset';
import { storedHistory } from './query';

export const EVAL_K = 10;
export const SAMPLED_NEGATIVES = 100;

/** One test shopper. */
export interface EvalCase {
  user: string;
  history: QueryHistory;
  /** Training items (excluded from the full ranking). */
  known: ReadonlySet<number>;
  target: number;
  /** Items for the sampled protocol (never interacted with, target excluded). */
  negatives: number[];
}

export interface AlgorithmMetrics {
  name: string;
  hr10: number;
  ndcg10: number;
  mrr: number;
  sampledHr10: number;
  sampledNdcg10: number;
  coverage10: number;
  users: number;
}

/**
 * Test cases from a model trained on the training part of a split.
 * @param heldOut shopper -> held-out item id; shoppers or items the model does not know are skipped.
 */
export function buildEvalCases(model: HybridRecommender, heldOut: ReadonlyMap<string, string>, seed: number, negatives = SAMPLED_NEGATIVES): EvalCase[] {
  const prng = new Prng(seed);
  const { users, histories } = model.state;
  const userIndex = new Map(users.map((u, i) => [u, i]));
  const n = model.itemCount;
  const cases: EvalCase[] = [];
  for (const [user, item] of [...heldOut].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const u = userIndex.get(user);
    const target = model.itemIndex(item);
    if (u === undefined || target === undefined) continue;
    const h: UserHistory = histories[u]!;
    const known = new Set(h.items);
    const sampled = new Set<number>();
    const available = n - known.size - 1;
    while (sampled.size < Math.min(negatives, available)) {
      const i = prng.int(n);
      if (i !== target && !known.has(i)) sampled.add(i);
    }
    cases.push({ user, history: storedHistory(h, model.state.config.maxHistory, u), known, target, negatives: [...sampled] });
  }
  return cases;
}

/** Accumulates the metrics of one algorithm over cases. */
export class MetricsAccumulator {
  private sums = { hr10: 0, ndcg10: 0, mrr: 0, sampledHr10: 0, sampledNdcg10: 0 };
  private users = 0;
  private readonly lists: number[][] = [];

  constructor(
    readonly name: string,
    private readonly itemCount: number,
  ) {}

  add(scores: ArrayLike<number>, c: EvalCase): void {
    const isCandidate = (i: number) => !c.known.has(i);
    const full = rankOf(scores, c.target, isCandidate);
    const sampled = rankAmong(scores, c.target, c.negatives);
    this.sums.hr10 += hitRate(full, EVAL_K);
    this.sums.ndcg10 += ndcg(full, EVAL_K);
    this.sums.mrr += reciprocalRank(full);
    this.sums.sampledHr10 += hitRate(sampled, EVAL_K);
    this.sums.sampledNdcg10 += ndcg(sampled, EVAL_K);
    this.lists.push(topK(scores, EVAL_K, isCandidate));
    this.users++;
  }

  result(): AlgorithmMetrics {
    const m = Math.max(1, this.users);
    const s = this.sums;
    return {
      name: this.name,
      hr10: s.hr10 / m,
      ndcg10: s.ndcg10 / m,
      mrr: s.mrr / m,
      sampledHr10: s.sampledHr10 / m,
      sampledNdcg10: s.sampledNdcg10 / m,
      coverage10: catalogCoverage(this.lists, this.itemCount),
      users: this.users,
    };
  }
}

/**
 * Evaluates the hybrid and each of its models alone on the same cases in one
 * pass (a model alone ranks by its standardised scores: same order as raw).
 * @param replacements models to report instead of the hybrid's own component
 *   of the same name (e.g. a baseline tuned beyond what the hybrid uses).
 */
export function evaluateHybrid(model: HybridRecommender, cases: readonly EvalCase[], replacements: readonly ScoringSource[] = []): AlgorithmMetrics[] {
  const names = model.sourceNames;
  const acc = [...names.map((s) => new MetricsAccumulator(s, model.itemCount)), new MetricsAccumulator('hybrid', model.itemCount)];
  const replaced = new Map(replacements.map((r) => [names.indexOf(r.name), r]));
  const out = new Float32Array(model.itemCount);
  for (const c of cases) {
    const { blended, z } = model.scoreHistory(c.history);
    z.forEach((scores, s) => {
      const other = replaced.get(s);
      if (!other) return acc[s]!.add(scores, c);
      other.scoreInto(c.history, out);
      acc[s]!.add(out, c);
    });
    acc[names.length]!.add(blended, c);
  }
  return acc.map((a) => a.result());
}
