/**
 * TensorFlow.js ops with gradients shaped for the wasm backend, where a matMul
 * with a transposed operand runs ~10x slower than a transpose followed by a
 * plain matMul, and `gather` costs microseconds per row.
 */
import { tf } from '../../ml/tf-backend';

/** tf.customGrad's (unexported) function type: inputs then the save callback. */
type CustomGradFunc = Parameters<typeof tf.customGrad>[0];

/** a @ b whose gradient uses explicit transposes (same values as tf.matMul). */
export const matMul = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([a, b]);
  return {
    value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
      const g = dy as tf.Tensor2D;
      return [tf.matMul(g, tf.transpose(sb)), tf.matMul(tf.transpose(sa), g)];
    },
  };
}) as unknown as CustomGradFunc) as unknown as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/**
 * Mean softmax cross-entropy of logits [B, N] against one-hot targets [B, N],
 * with the fused gradient (softmax - target) / B and a single exp.
 */
export const softmaxCrossEntropy = tf.customGrad(((logits: tf.Tensor, targets: tf.Tensor, save: tf.GradSaveFunc) => {
  const rows = logits.shape[0]!;
  const max = tf.max(logits, 1, true);
  const e = tf.exp(tf.sub(logits, max));
  const s = tf.sum(e, 1, true);
  const probs = tf.div(e, s);
  save([probs, targets]);
  const lse = tf.add(tf.log(s), max);
  const picked = tf.sum(tf.mul(logits, targets), 1, true);
  return {
    value: tf.div(tf.sum(tf.sub(lse, picked)), rows),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [p, t] = saved as [tf.Tensor, tf.Tensor];
      const g = tf.mul(tf.sub(p, t), tf.div(dy as tf.Tensor, rows));
      return [g, tf.zerosLike(t)];
    },
  };
}) as unknown as CustomGradFunc) as unknown as (logits: tf.Tensor2D, targets: tf.Tensor2D) => tf.Scalar;

/** Weighted bags of rows of a [N, d] table, as [bags.length / width, width * d] (bags laid out row-major). */
export interface BagBatch {
  /** Bag b holds items[offsets[b]..offsets[b+1]) with weights. */
  offsets: Int32Array;
  items: Int32Array;
  weights: Float32Array;
  /** Bags per example; the output row of an example concatenates its bags. */
  width: number;
}

/**
 * Embedding-bag lookup computed on plain arrays (forward: weighted row sums;
 * backward: scatter-add into the table gradient), so it costs O(entries x d)
 * instead of a dense one-hot matMul or slow wasm gathers.
 */
export function embeddingBag(table: tf.Tensor2D, batch: BagBatch): tf.Tensor2D {
  const [n, d] = table.shape as [number, number];
  const bags = batch.offsets.length - 1;
  const examples = bags / batch.width;
  const op = tf.customGrad(((t: tf.Tensor) => {
    const values = t.dataSync() as Float32Array;
    const out = new Float32Array(bags * d);
    for (let b = 0; b < bags; b++) {
      for (let q = batch.offsets[b]!; q < batch.offsets[b + 1]!; q++) {
        const w = batch.weights[q]!;
        const o = batch.items[q]! * d;
        for (let f = 0; f < d; f++) out[b * d + f]! += w * values[o + f]!;
      }
    }
    return {
      value: tf.tensor2d(out, [examples, batch.width * d]),
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => {
        const g = (dy as tf.Tensor).dataSync() as Float32Array;
        const grad = new Float32Array(n * d);
        for (let b = 0; b < bags; b++) {
          for (let q = batch.offsets[b]!; q < batch.offsets[b + 1]!; q++) {
            const w = batch.weights[q]!;
            const o = batch.items[q]! * d;
            for (let f = 0; f < d; f++) grad[o + f]! += w * g[b * d + f]!;
          }
        }
        return tf.tensor2d(grad, [n, d]);
      },
    };
  }) as unknown as CustomGradFunc) as unknown as (t: tf.Tensor2D) => tf.Tensor2D;
  return op(table);
}
