/**
 * Popularity with recency: every event counts its kind weight, halved every
 * `halfLifeDays` before the newest event of the log; the score is log(1 + sum).
 * Filtering by category at query time gives "popular in Z".
 */
import type { EventLog } from '../dataset';
import type { ScoringSource } from './source';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Recency-weighted popularity per item. */
export function fitPopularity(events: EventLog, itemCount: number, halfLifeDays: number): Float32Array {
  const sums = new Float64Array(itemCount);
  const n = events.at.length;
  const newest = n > 0 ? events.at[n - 1]! : 0;
  const rate = Math.LN2 / (halfLifeDays * DAY_MS);
  for (let e = 0; e < n; e++) sums[events.item[e]!]! += events.weight[e]! * Math.exp(-rate * (newest - events.at[e]!));
  return Float32Array.from(sums, (s) => Math.log1p(s));
}

export class PopularitySource implements ScoringSource {
  readonly name = 'popularity' as const;

  constructor(readonly scores: Float32Array) {}

  scoreInto(_history: unknown, out: Float32Array): void {
    out.set(this.scores);
  }

  explain(): number {
    return -1;
  }
}
