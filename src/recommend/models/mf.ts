/**
 * Implicit matrix factorisation at query time. Stored shoppers use the
 * vectors from training; any other history (an anonymous session, or a stored
 * history plus new views or a seed) is folded in by the exact ALS user step
 * (Hu, Koren & Volinsky 2008): O(n k^2 + k^3) per query, under a millisecond
 * at k = 64.
 */
import { choleskySolve, dot, gram, matVec } from './linalg';
import type { QueryHistory, ScoringSource } from './source';

export interface MfWeights {
  /** items x factors, row-major. */
  itemFactors: Float32Array;
  /** Vectors of the stored shoppers (users x factors), in the order of the model's shoppers. */
  userFactors?: Float32Array;
  factors: number;
  regularization: number;
  alpha: number;
}

export class MfSource implements ScoringSource {
  readonly name = 'mf' as const;
  private readonly itemGram: Float64Array;
  private readonly items: number;

  constructor(readonly weights: MfWeights) {
    this.items = weights.itemFactors.length / weights.factors;
    this.itemGram = gram(weights.itemFactors, this.items, weights.factors);
  }

  /** The shopper's factor vector (zeros for an empty history). */
  userVector(history: QueryHistory): Float64Array {
    const { itemFactors: y, factors: k, regularization, alpha } = this.weights;
    const cached = this.weights.userFactors;
    if (history.user !== undefined && cached) return Float64Array.from(cached.subarray(history.user * k, (history.user + 1) * k));
    const b = new Float64Array(k);
    if (history.items.length === 0) return b;
    // A = Y^T Y + lambda I + sum_i alpha w_i y_i y_i^T;  b = sum_i (1 + alpha w_i) y_i
    const a = Float64Array.from(this.itemGram);
    for (let f = 0; f < k; f++) a[f * k + f]! += regularization;
    history.items.forEach((i, n) => {
      const c = alpha * history.weights[n]!;
      const o = i * k;
      for (let f = 0; f < k; f++) {
        const yf = y[o + f]!;
        b[f]! += (1 + c) * yf;
        const cy = c * yf;
        for (let g = f; g < k; g++) a[f * k + g]! += cy * y[o + g]!;
      }
    });
    for (let f = 0; f < k; f++) for (let g = 0; g < f; g++) a[f * k + g] = a[g * k + f]!;
    return choleskySolve(a, b, k) ? b : new Float64Array(k);
  }

  scoreInto(history: QueryHistory, out: Float32Array): void {
    matVec(this.weights.itemFactors, this.items, this.weights.factors, this.userVector(history), out);
  }

  explain(history: QueryHistory, item: number): number {
    const { itemFactors: y, factors: k } = this.weights;
    let best = -1;
    let bestScore = -Infinity;
    history.items.forEach((j, p) => {
      const s = dot(y, j * k, y, item * k, k);
      if (s > bestScore) [best, bestScore] = [p, s];
    });
    return best;
  }
}
