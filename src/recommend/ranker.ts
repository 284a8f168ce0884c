/**
 * The blend at query time: every source's scores are standardised over the
 * catalogue (z-scores, so scales do not matter) and summed with the weights
 * the ranker learned on held-out data (see ranker-fit.ts).
 */
import type { SourceName } from './types';

export interface RankerWeights {
  sources: SourceName[];
  weights: number[];
}

/** In place: (s - mean) / std over the array; all zeros when the scores are constant. */
export function standardise(scores: Float32Array): void {
  const n = scores.length;
  if (n === 0) return;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += scores[i]!;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (scores[i]! - mean) ** 2;
  const std = Math.sqrt(variance / n);
  if (!(std > 1e-12)) {
    scores.fill(0);
    return;
  }
  for (let i = 0; i < n; i++) scores[i] = (scores[i]! - mean) / std;
}

/** out = sum_s weights[s] * z[s]. */
export function blend(z: readonly Float32Array[], weights: readonly number[], out: Float32Array): void {
  out.fill(0);
  z.forEach((scores, s) => {
    const w = weights[s]!;
    if (w === 0) return;
    for (let i = 0; i < out.length; i++) out[i]! += w * scores[i]!;
  });
}
