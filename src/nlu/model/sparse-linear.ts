/**
 * The sparse linear intent head (inference side): multinomial logistic
 * regression over TF-IDF-weighted word and character n-grams (features/ngram-bag).
 * It is the "wide" half of the intent decision: exact surface evidence that a
 * small from-scratch transformer learns slowly from few examples, blended with
 * the transformer's logits by a weight fitted on held-out data (calibration.ts).
 * Only n-grams seen in training have weights; their hashed ids are stored with
 * the model, so nothing depends on a vocabulary file.
 */
import { ngramCounts } from '../features/ngram-bag';

/** Names of the head's arrays in the weights file. */
export const LINEAR_WEIGHTS = { ids: 'linear.ids', idf: 'linear.idf', w: 'linear.w', b: 'linear.b' } as const;

/** A TF-IDF vector: column indexes and values, each feature group L2-normalised to 1/sqrt(2). */
export interface SparseVector {
  columns: Int32Array;
  values: Float32Array;
}

/** Logits of a sparse vector into `out` (length = classes): bias + x . weights, weights [columns x classes]. */
export function scoreSparseVector(weights: Float32Array, bias: Float32Array, x: SparseVector, out: Float32Array): Float32Array {
  const c = bias.length;
  out.set(bias);
  for (let j = 0; j < x.columns.length; j++) {
    const row = x.columns[j]! * c;
    const value = x.values[j]!;
    for (let k = 0; k < c; k++) out[k]! += value * weights[row + k]!;
  }
  return out;
}

export class SparseLinearHead {
  private readonly columnOf = new Map<number, number>();

  /**
   * `ids`: hashed n-gram id per column; `idf` per column; `weights` [columns x classes]; `bias` [classes].
   */
  constructor(
    readonly ids: Int32Array,
    readonly idf: Float32Array,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {
    if (idf.length !== ids.length || weights.length !== ids.length * bias.length) {
      throw new Error(`Sparse linear head: ${ids.length} ids, ${idf.length} idf values and ${weights.length} weights do not fit ${bias.length} classes`);
    }
    ids.forEach((id, column) => this.columnOf.set(id, column));
  }

  get classes(): number {
    return this.bias.length;
  }

  get columns(): number {
    return this.ids.length;
  }

  vectorize(text: string): SparseVector {
    const columns: number[] = [];
    const values: number[] = [];
    const counts = ngramCounts(text);
    for (const group of [counts.words, counts.chars]) {
      const start = values.length;
      let norm = 0;
      for (const [id, count] of group) {
        const column = this.columnOf.get(id);
        if (column === undefined) continue;
        // Sublinear term frequency: a word said twice is not twice the evidence.
        const value = (1 + Math.log(count)) * this.idf[column]!;
        columns.push(column);
        values.push(value);
        norm += value * value;
      }
      const scale = norm > 0 ? Math.SQRT1_2 / Math.sqrt(norm) : 0;
      for (let i = start; i < values.length; i++) values[i]! *= scale;
    }
    return { columns: Int32Array.from(columns), values: Float32Array.from(values) };
  }

  /** Logits of a vectorised message into `out` (length = classes). */
  scoreVector(x: SparseVector, out: Float32Array): Float32Array {
    return scoreSparseVector(this.weights, this.bias, x, out);
  }

  logits(text: string): Float32Array {
    return this.scoreVector(this.vectorize(text), new Float32Array(this.classes));
  }

  /** The head's arrays for the weights file (ids as float32: exact below 2^24). */
  snapshot(): { weights: Map<string, Float32Array>; shapes: Map<string, number[]> } {
    const c = this.classes;
    const f = this.columns;
    return {
      weights: new Map([
        [LINEAR_WEIGHTS.ids, Float32Array.from(this.ids)],
        [LINEAR_WEIGHTS.idf, this.idf],
        [LINEAR_WEIGHTS.w, this.weights],
        [LINEAR_WEIGHTS.b, this.bias],
      ]),
      shapes: new Map([
        [LINEAR_WEIGHTS.ids, [f]],
        [LINEAR_WEIGHTS.idf, [f]],
        [LINEAR_WEIGHTS.w, [f, c]],
        [LINEAR_WEIGHTS.b, [c]],
      ]),
    };
  }

  /** Rebuilds the head from a weights file; undefined when the model has none (models before the head). */
  static fromWeights(weights: ReadonlyMap<string, Float32Array>): SparseLinearHead | undefined {
    const ids = weights.get(LINEAR_WEIGHTS.ids);
    const idf = weights.get(LINEAR_WEIGHTS.idf);
    const w = weights.get(LINEAR_WEIGHTS.w);
    const b = weights.get(LINEAR_WEIGHTS.b);
    if (!ids && !idf && !w && !b) return undefined;
    if (!ids || !idf || !w || !b) throw new Error('Weights of the sparse linear head are incomplete');
    return new SparseLinearHead(Int32Array.from(ids), idf.slice(), w.slice(), b.slice());
  }
}
