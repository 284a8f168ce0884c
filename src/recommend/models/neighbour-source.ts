/**
 * Scores from neighbour lists: sum over (recent) history items of weight x
 * similarity. Item-kNN uses the whole history with equal recency; content
 * similarity uses the last few items with a recency decay.
 */
import type { SourceName } from '../types';
import { neighbourSim, type NeighbourLists } from './neighbours';
import type { QueryHistory, ScoringSource } from './source';

export interface NeighbourSourceOptions {
  /** Most recent history items used (0 = all). */
  window: number;
  /** Weight multiplier per step back in time (1 = none). */
  decay: number;
}

export class NeighbourSource implements ScoringSource {
  constructor(
    readonly name: SourceName,
    readonly lists: NeighbourLists,
    private readonly options: NeighbourSourceOptions,
  ) {}

  private *recent(history: QueryHistory): Generator<[position: number, weight: number]> {
    const n = history.items.length;
    const first = this.options.window > 0 ? Math.max(0, n - this.options.window) : 0;
    let w = 1;
    for (let p = n - 1; p >= first; p--) {
      yield [p, w * history.weights[p]!];
      w *= this.options.decay;
    }
  }

  scoreInto(history: QueryHistory, out: Float32Array): void {
    out.fill(0);
    const { offsets, items, sims } = this.lists;
    for (const [p, w] of this.recent(history)) {
      const j = history.items[p]!;
      for (let q = offsets[j]!; q < offsets[j + 1]!; q++) out[items[q]!]! += w * sims[q]!;
    }
  }

  explain(history: QueryHistory, item: number): number {
    let best = -1;
    let bestScore = 0;
    for (const [p, w] of this.recent(history)) {
      const s = w * neighbourSim(this.lists, history.items[p]!, item);
      if (s > bestScore) [best, bestScore] = [p, s];
    }
    return best;
  }
}
