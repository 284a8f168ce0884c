/**
 * Fits the blend weights on held-out items: coordinate ascent on validation
 * NDCG@10 + MRR, full ranking over the catalogue minus each shopper's known
 * items. Each query is cut down once to the union of every source's top
 * items plus the target, so one evaluation of a weight vector is cheap.
 */
import type { RankerConfig } from './config';
import { hitRate, ndcg, reciprocalRank, topK, type RankCounts } from './metrics';
import { standardise } from './ranker';

/**
 * One validation query, cut down to its pool: per source, the z-scores of the
 * held-out target (index 0) and of the union of every source's top items.
 */
export interface RankerCase {
  z: Float32Array[];
}

export interface RankerFit {
  weights: number[];
  /** Validation metrics of the blend and of each source alone. */
  validation: { ndcg10: number; hr10: number; mrr: number; perSource: number[] };
}

const POOL_PER_SOURCE = 100;
const STEPS = [0, 0.25, 0.5, 0.8, 1.25, 2, 4];

/** All pools laid out flat per source, so one evaluation allocates nothing. */
interface PoolSet {
  offsets: Int32Array;
  z: Float32Array[];
}

function flatten(cases: readonly RankerCase[], sources: number): PoolSet {
  const offsets = new Int32Array(cases.length + 1);
  cases.forEach((c, q) => (offsets[q + 1] = offsets[q]! + c.z[0]!.length));
  const z = Array.from({ length: sources }, (_, s) => {
    const flat = new Float32Array(offsets[cases.length]!);
    cases.forEach((c, q) => flat.set(c.z[s]!, offsets[q]!));
    return flat;
  });
  return { offsets, z };
}

function score(pools: PoolSet, weights: readonly number[]): { ndcg10: number; hr10: number; mrr: number } {
  let nd = 0;
  let hr = 0;
  let rr = 0;
  const used = weights.flatMap((w, s) => (w !== 0 ? [s] : []));
  const zs = used.map((s) => pools.z[s]!);
  const ws = used.map((s) => weights[s]!);
  const m = pools.offsets.length - 1;
  for (let q = 0; q < m; q++) {
    const start = pools.offsets[q]!;
    const end = pools.offsets[q + 1]!;
    let t = 0;
    for (let s = 0; s < zs.length; s++) t += ws[s]! * zs[s]![start]!;
    const counts: RankCounts = { greater: 0, ties: 0 };
    for (let i = start + 1; i < end; i++) {
      let v = 0;
      for (let s = 0; s < zs.length; s++) v += ws[s]! * zs[s]![i]!;
      if (v > t) counts.greater++;
      else if (v === t) counts.ties++;
    }
    nd += ndcg(counts, 10);
    hr += hitRate(counts, 10);
    rr += reciprocalRank(counts);
  }
  const n = Math.max(1, m);
  return { ndcg10: nd / n, hr10: hr / n, mrr: rr / n };
}

const objective = (m: { ndcg10: number; mrr: number }) => m.ndcg10 + m.mrr;

/** Weights for `sources` sources (equal weights when there are no cases). */
export function fitRanker(cases: readonly RankerCase[], sources: number, config: RankerConfig): RankerFit {
  const pools = flatten(cases, sources);
  const perSource = Array.from({ length: sources }, (_, s) => score(pools, Array.from({ length: sources }, (_, t) => (t === s ? 1 : 0))).ndcg10);
  // Start from the best single source: coordinate ascent then adds the others where they help.
  const best = perSource.indexOf(Math.max(...perSource));
  let weights: number[] = Array.from({ length: sources }, (_, s) => (s === best ? 1 : 0.25));
  let current = objective(score(pools, weights));
  for (let pass = 0; pass < config.passes && cases.length > 0; pass++) {
    let improved = false;
    for (let s = 0; s < sources; s++) {
      const base = weights[s]! > 0 ? weights[s]! : 0.25;
      for (const step of STEPS) {
        const trial = weights.slice();
        trial[s] = base * step;
        if (trial.every((w) => w === 0)) continue;
        const value = objective(score(pools, trial));
        if (value > current + 1e-9) {
          current = value;
          weights = trial;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  const max = Math.max(...weights);
  weights = weights.map((w) => (max > 0 ? w / max : 1));
  return { weights, validation: { ...score(pools, weights), perSource } };
}

/**
 * Standardises raw per-source catalogue scores (in place) and keeps the pool.
 * @param known items the shopper already has (never ranked).
 */
export function toRankerCase(raw: Float32Array[], target: number, known: ReadonlySet<number>): RankerCase {
  for (const z of raw) standardise(z);
  const pool = new Set<number>();
  for (const z of raw) for (const i of topK(z, POOL_PER_SOURCE, (i) => !known.has(i) && i !== target)) pool.add(i);
  const items = [target, ...[...pool].sort((a, b) => a - b)];
  return { z: raw.map((z) => Float32Array.from(items, (i) => z[i]!)) };
}
