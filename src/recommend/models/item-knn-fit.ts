/**
 * Item-item collaborative filtering: cosine over shoppers of the kind-weighted
 * item vectors, with shrinkage (sim = co / (|i| |j| + shrink)), keeping the
 * top `neighbours` per item. Cost: sum over shoppers of (distinct items)^2.
 */
import { invertHistories, type UserHistory } from '../dataset';
import type { KnnConfig } from '../config';
import { NeighbourListBuilder, type NeighbourLists } from './neighbours';

export function fitItemKnn(histories: readonly UserHistory[], itemCount: number, config: KnnConfig): NeighbourLists {
  const inverted = invertHistories(histories, itemCount);
  const norms = new Float64Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    let s = 0;
    for (let p = inverted.offsets[i]!; p < inverted.offsets[i + 1]!; p++) s += inverted.weights[p]! ** 2;
    norms[i] = Math.sqrt(s);
  }
  const builder = new NeighbourListBuilder(config.neighbours);
  const acc = new Float64Array(itemCount);
  const seen = new Uint8Array(itemCount);
  const touched: number[] = [];
  for (let i = 0; i < itemCount; i++) {
    touched.length = 0;
    for (let p = inverted.offsets[i]!; p < inverted.offsets[i + 1]!; p++) {
      const h = histories[inverted.users[p]!]!;
      const wi = inverted.weights[p]!;
      for (let n = 0; n < h.items.length; n++) {
        const j = h.items[n]!;
        if (j === i) continue;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        acc[j]! += wi * h.weights[n]!;
      }
    }
    for (const j of touched) acc[j] = acc[j]! / (norms[i]! * norms[j]! + config.shrink);
    builder.push(acc, touched);
    for (const j of touched) {
      acc[j] = 0;
      seen[j] = 0;
    }
  }
  return builder.build();
}
