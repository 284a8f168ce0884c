/**
 * Trains implicit ALS factors: confidence c = 1 + alpha * weight on observed
 * pairs, preference 1 on them and 0 elsewhere, L2 regularisation (Hu, Koren &
 * Volinsky 2008). Each half-sweep updates every row by a few conjugate-
 * gradient steps warm-started from its previous value (Takacs, Pilaszy & Tikk
 * 2011), run in lockstep over all rows so the dense part of A v (the Gram
 * matrix times every row's vector) is one matMul on the TensorFlow.js backend;
 * the sparse part (the row's own items) stays on plain arrays.
 */
import type { MfConfig } from '../config';
import { invertHistories, type UserHistory } from '../dataset';
import { initTensorflow, tf } from '../../ml/tf-backend';
import { Prng } from '../../util/prng';
import { gram } from './linalg';
import type { MfWeights } from './mf';

/** Rows of (column index, weight) in CSR form. */
interface Rows {
  offsets: Int32Array;
  cols: Int32Array;
  weights: Float32Array;
}

function userRows(histories: readonly UserHistory[]): Rows {
  const offsets = new Int32Array(histories.length + 1);
  histories.forEach((h, u) => (offsets[u + 1] = offsets[u]! + h.items.length));
  const cols = new Int32Array(offsets[histories.length]!);
  const weights = new Float32Array(cols.length);
  histories.forEach((h, u) => {
    cols.set(h.items, offsets[u]!);
    weights.set(h.weights, offsets[u]!);
  });
  return { offsets, cols, weights };
}

/** out = V G + lambda V + per row sum_q alpha w_q (y_q . v) y_q, for all rows at once. */
function multiplyAll(rows: Rows, v: Float32Array, g: tf.Tensor2D, other: Float32Array, k: number, config: MfConfig, out: Float64Array): void {
  const count = rows.offsets.length - 1;
  // dataSync outside tidy: tidy would walk a returned typed array element by element.
  const vt = tf.tensor2d(v, [count, k]);
  const product = tf.matMul(vt, g);
  const dense = product.dataSync();
  vt.dispose();
  product.dispose();
  const { offsets, cols, weights } = rows;
  const { regularization: lambda, alpha } = config;
  for (let row = 0; row < count; row++) {
    const o = row * k;
    for (let f = 0; f < k; f++) out[o + f] = dense[o + f]! + lambda * v[o + f]!;
    for (let q = offsets[row]!; q < offsets[row + 1]!; q++) {
      const oo = cols[q]! * k;
      let yv = 0;
      for (let f = 0; f < k; f++) yv += other[oo + f]! * v[o + f]!;
      const c = alpha * weights[q]! * yv;
      for (let f = 0; f < k; f++) out[o + f]! += c * other[oo + f]!;
    }
  }
}

/** One half-sweep: updates every row of `target` given the fixed `other` factors. */
function sweep(rows: Rows, target: Float32Array, other: Float32Array, otherRows: number, config: MfConfig, steps: number): void {
  const k = config.factors;
  const count = rows.offsets.length - 1;
  const g = tf.tensor2d(Float32Array.from(gram(other, otherRows, k)), [k, k]);
  try {
    const r = new Float64Array(count * k);
    const ap = new Float64Array(count * k);
    const p = new Float32Array(count * k);
    const rr = new Float64Array(count);
    // r = b - A x, with b = sum_q (1 + alpha w_q) y_q
    multiplyAll(rows, target, g, other, k, config, ap);
    for (let row = 0; row < count; row++) {
      const o = row * k;
      for (let f = 0; f < k; f++) r[o + f] = -ap[o + f]!;
      for (let q = rows.offsets[row]!; q < rows.offsets[row + 1]!; q++) {
        const c = 1 + config.alpha * rows.weights[q]!;
        const oo = rows.cols[q]! * k;
        for (let f = 0; f < k; f++) r[o + f]! += c * other[oo + f]!;
      }
      let s = 0;
      for (let f = 0; f < k; f++) {
        p[o + f] = r[o + f]!;
        s += r[o + f]! ** 2;
      }
      rr[row] = s;
    }
    for (let step = 0; step < steps; step++) {
      multiplyAll(rows, p, g, other, k, config, ap);
      for (let row = 0; row < count; row++) {
        const o = row * k;
        let pap = 0;
        for (let f = 0; f < k; f++) pap += p[o + f]! * ap[o + f]!;
        if (!(rr[row]! > 1e-12 && pap > 0)) {
          p.fill(0, o, o + k);
          continue;
        }
        const a = rr[row]! / pap;
        let next = 0;
        for (let f = 0; f < k; f++) {
          target[o + f]! += a * p[o + f]!;
          r[o + f]! -= a * ap[o + f]!;
          next += r[o + f]! ** 2;
        }
        const beta = next / rr[row]!;
        rr[row] = next;
        for (let f = 0; f < k; f++) p[o + f] = r[o + f]! + beta * p[o + f]!;
      }
    }
  } finally {
    g.dispose();
  }
}

/**
 * Item factors, and the shoppers' factors after a final user half-sweep
 * (deterministic for a seed on single-threaded backends).
 * @param init item factors to start from (a warm start, e.g. when refitting on more data).
 */
export async function trainAls(histories: readonly UserHistory[], itemCount: number, config: MfConfig, seed: number, init?: Float32Array): Promise<MfWeights> {
  await initTensorflow();
  const k = config.factors;
  const prng = new Prng(seed);
  const items = init && init.length === itemCount * k ? Float32Array.from(init) : new Float32Array(itemCount * k).map(() => 0.01 * prng.normal());
  const users = new Float32Array(histories.length * k);
  const byUser = userRows(histories);
  const inverted = invertHistories(histories, itemCount);
  const byItem: Rows = { offsets: inverted.offsets, cols: inverted.users, weights: inverted.weights };
  for (let it = 0; it < config.iterations; it++) {
    sweep(byUser, users, items, itemCount, config, config.cgSteps);
    sweep(byItem, items, users, histories.length, config, config.cgSteps);
  }
  // Users last, more precisely: these vectors are served as they are.
  sweep(byUser, users, items, itemCount, config, Math.max(4, 2 * config.cgSteps));
  return { itemFactors: items, userFactors: users, factors: k, regularization: config.regularization, alpha: config.alpha };
}
