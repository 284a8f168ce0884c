/**
 * The neural next-item model at query time, in plain TypeScript (no
 * TensorFlow.js needed to load or serve it):
 *   x = [bag_last . E, bag_short . E, bag_long . E]   (3 x dim)
 *   h = tanh(x W1 + b1)                              (hidden)
 *   logits = h W2 + b2                               (one per item)
 * Trained with a full softmax over the catalogue on "next item" targets.
 */
import type { QueryHistory, ScoringSource } from '../models/source';
import { BAG_COUNT, historyBags, type BagSettings } from './features';

export interface NeuralWeights extends BagSettings {
  items: number;
  dim: number;
  hidden: number;
  /** items x dim */
  embeddings: Float32Array;
  /** (3 dim) x hidden */
  w1: Float32Array;
  b1: Float32Array;
  /** hidden x items */
  w2: Float32Array;
  b2: Float32Array;
}

export class NeuralSource implements ScoringSource {
  readonly name = 'neural' as const;

  constructor(readonly weights: NeuralWeights) {}

  /** Hidden state of a history. */
  encode(history: QueryHistory): Float64Array {
    const { dim, hidden, embeddings, w1, b1 } = this.weights;
    const x = new Float64Array(BAG_COUNT * dim);
    historyBags(history.items, history.items.length, this.weights).forEach((bag, b) => {
      bag.items.forEach((item, n) => {
        const w = bag.weights[n]!;
        for (let f = 0; f < dim; f++) x[b * dim + f]! += w * embeddings[item * dim + f]!;
      });
    });
    const h = Float64Array.from(b1);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      for (let j = 0; j < hidden; j++) h[j]! += xi * w1[i * hidden + j]!;
    }
    for (let j = 0; j < hidden; j++) h[j] = Math.tanh(h[j]!);
    return h;
  }

  scoreInto(history: QueryHistory, out: Float32Array): void {
    const { hidden, items, w2, b2 } = this.weights;
    const h = this.encode(history);
    out.set(b2);
    for (let j = 0; j < hidden; j++) {
      const hj = h[j]!;
      const o = j * items;
      for (let i = 0; i < items; i++) out[i]! += hj * w2[o + i]!;
    }
  }

  /** The neural model reads the sequence; its pick is attributed to the most recent item. */
  explain(history: QueryHistory): number {
    return history.items.length - 1;
  }
}
