/**
 * The sparse embedding bag, kept outside TensorFlow.js on purpose: tfjs's
 * `gather` (and its gradient) costs ~8 µs per row on the wasm and cpu
 * backends, which made it 80% of a training step. Here a lookup is a few
 * Float32Array additions, and training updates only the rows a batch touched
 * with a lazy (sparse) Adam, as TensorFlow's sparse optimisers do.
 */
import { Prng } from '../../util/prng';
import type { BatchArrays } from '../features/featurizer';

export class EmbeddingBag {
  readonly table: Float32Array;
  private m: Float32Array | undefined;
  private v: Float32Array | undefined;
  private steps: Uint32Array | undefined;

  constructor(
    readonly rows: number,
    readonly dim: number,
    seed: number,
    std = 0.1,
  ) {
    this.table = new Float32Array(rows * dim);
    const rng = new Prng(seed);
    for (let i = dim; i < this.table.length; i++) this.table[i] = rng.normal() * std; // row 0 (padding) stays zero
  }

  /** Weighted sum of feature rows per slot: [B*T*dim]. */
  lookup(batch: BatchArrays): Float32Array {
    const { batch: B, length: T, features: K, ids, featureWeights } = batch;
    const d = this.dim;
    const out = new Float32Array(B * T * d);
    for (let slot = 0; slot < B * T; slot++) {
      const base = slot * K;
      const target = slot * d;
      for (let k = 0; k < K; k++) {
        const id = ids[base + k]!;
        if (id === 0) continue;
        const w = featureWeights[base + k]!;
        const row = id * d;
        for (let j = 0; j < d; j++) out[target + j]! += w * this.table[row + j]!;
      }
    }
    return out;
  }

  /**
   * Applies d(loss)/d(lookup output) to the rows used by `batch` with lazy Adam:
   * moments of untouched rows are not decayed (that is what keeps it sparse).
   */
  applyGradient(batch: BatchArrays, gradOut: Float32Array, learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7): void {
    const { batch: B, length: T, features: K, ids, featureWeights } = batch;
    const d = this.dim;
    this.m ??= new Float32Array(this.table.length);
    this.v ??= new Float32Array(this.table.length);
    this.steps ??= new Uint32Array(this.rows);
    const grads = new Map<number, Float32Array>();
    for (let slot = 0; slot < B * T; slot++) {
      const base = slot * K;
      const source = slot * d;
      for (let k = 0; k < K; k++) {
        const id = ids[base + k]!;
        if (id === 0) continue;
        const w = featureWeights[base + k]!;
        let g = grads.get(id);
        if (!g) grads.set(id, (g = new Float32Array(d)));
        for (let j = 0; j < d; j++) g[j]! += w * gradOut[source + j]!;
      }
    }
    for (const [id, g] of grads) {
      const t = ++this.steps[id]!;
      const correction = Math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t);
      const row = id * d;
      for (let j = 0; j < d; j++) {
        const i = row + j;
        this.m[i] = beta1 * this.m[i]! + (1 - beta1) * g[j]!;
        this.v[i] = beta2 * this.v[i]! + (1 - beta2) * g[j]! * g[j]!;
        this.table[i]! -= (learningRate * correction * this.m[i]!) / (Math.sqrt(this.v[i]!) + epsilon);
      }
    }
  }

  /** Drops optimiser state once training is over. */
  freeze(): void {
    this.m = undefined;
    this.v = undefined;
    this.steps = undefined;
  }
}
