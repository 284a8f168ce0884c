/**
 * Training of sparse multinomial logistic regression: the linear intent head
 * (smoothed IDF over the training messages) and, through fitSoftmaxRegression,
 * the sparse entity tagger. Adagrad SGD from zero, seeded shuffles:
 * deterministic. Training side only.
 */
import { softmaxInPlace } from '../../ml/softmax';
import { Prng } from '../../util/prng';
import { ngramCounts } from '../features/ngram-bag';
import { scoreSparseVector, SparseLinearHead, type SparseVector } from './sparse-linear';

export interface SparseLinearOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Classes whose gradient (predicted probability, minus 1 for the label) is below this are not updated for an example. */
  skipBelow?: number;
}

/**
 * Fits `weights` [columns x classes] and `bias` [classes] in place, minimising the
 * cross-entropy of softmax(x . weights + bias) against the labels (+ L2 on weights).
 */
export function fitSoftmaxRegression(
  data: ReadonlyArray<{ x: SparseVector; y: number }>,
  weights: Float32Array,
  bias: Float32Array,
  options: SparseLinearOptions,
): void {
  const { epochs, learningRate, l2, seed } = options;
  const skipBelow = options.skipBelow ?? 0;
  const classes = bias.length;
  const gradSq = new Float32Array(weights.length);
  const biasGradSq = new Float32Array(classes);
  const order = data.map((_, i) => i);
  const rng = new Prng(seed);
  const probs = new Float32Array(classes);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of rng.shuffle(order)) {
      const { x, y } = data[i]!;
      scoreSparseVector(weights, bias, x, probs);
      softmaxInPlace(probs);
      probs[y]! -= 1; // d(cross-entropy)/d(logits)
      for (let k = 0; k < classes; k++) {
        const g = probs[k]!;
        biasGradSq[k]! += g * g;
        bias[k]! -= (learningRate * g) / (Math.sqrt(biasGradSq[k]!) + 1e-8);
      }
      for (let j = 0; j < x.columns.length; j++) {
        const row = x.columns[j]! * classes;
        const value = x.values[j]!;
        for (let k = 0; k < classes; k++) {
          if (skipBelow > 0 && Math.abs(probs[k]!) < skipBelow) continue;
          const g = value * probs[k]! + l2 * weights[row + k]!;
          if (g === 0) continue;
          gradSq[row + k]! += g * g;
          weights[row + k]! -= (learningRate * g) / (Math.sqrt(gradSq[row + k]!) + 1e-8);
        }
      }
    }
  }
}

export interface SparseLinearHeadOptions extends SparseLinearOptions {
  /** N-grams found in fewer messages than this get no column (a smaller weights file); default 1. */
  minCount?: number;
}

/** Fits the intent head on `texts` with class indexes `labels` in [0, classes). */
export function fitSparseLinear(
  texts: readonly string[],
  labels: readonly number[],
  classes: number,
  options: SparseLinearHeadOptions,
): SparseLinearHead {
  const df = new Map<number, number>();
  for (const text of texts) {
    const counts = ngramCounts(text);
    for (const group of [counts.words, counts.chars]) for (const id of group.keys()) df.set(id, (df.get(id) ?? 0) + 1);
  }
  const minCount = options.minCount ?? 1;
  const ids = Int32Array.from([...df].filter(([, count]) => count >= minCount).map(([id]) => id).sort((a, b) => a - b));
  const n = texts.length;
  const idf = Float32Array.from(ids, (id) => Math.log((1 + n) / (1 + df.get(id)!)) + 1);
  const head = new SparseLinearHead(ids, idf, new Float32Array(ids.length * classes), new Float32Array(classes));
  fitSoftmaxRegression(
    texts.map((text, i) => ({ x: head.vectorize(text), y: labels[i]! })),
    head.weights,
    head.bias,
    options,
  );
  return head;
}
