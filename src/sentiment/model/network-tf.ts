/**
 * The TensorFlow.js graph used for training (see layout.ts for the maths).
 * The embedding bag stays outside tfjs (src/nlu/model/embedding-bag.ts): its
 * output enters the graph as a tensor whose gradient is applied to the bag
 * with lazy Adam, because tfjs `gather` is very slow on wasm.
 */
import { tf } from '../../ml/tf-backend';
import { EmbeddingBag } from '../../nlu/model/embedding-bag';
import type { EncodedText } from '../features/featurizer';
import { RULE_FEATURES } from '../lexicon/rule-scorer';
import type { SentimentConfig } from './config';
import { weightShapes, type WeightMap } from './layout';

/** Encoded texts padded into flat batch arrays (the embedding bag's BatchArrays plus dense inputs). */
export interface PackedBatch {
  batch: number;
  length: number;
  features: number;
  ids: Int32Array;
  featureWeights: Float32Array;
  mask: Float32Array;
  /** [batch * length * denseDim]. */
  dense: Float32Array;
  /** [batch * RULE_FEATURES]. */
  sentence: Float32Array;
}

export function packBatch(texts: readonly EncodedText[], maxFeatures: number, denseDim: number): PackedBatch {
  const batch = texts.length;
  const length = Math.max(1, ...texts.map((t) => t.featureIds.length));
  const ids = new Int32Array(batch * length * maxFeatures);
  const featureWeights = new Float32Array(batch * length * maxFeatures);
  const mask = new Float32Array(batch * length);
  const dense = new Float32Array(batch * length * denseDim);
  const sentence = new Float32Array(batch * RULE_FEATURES);
  texts.forEach((text, b) => {
    dense.set(text.dense, b * length * denseDim);
    sentence.set(text.sentence, b * RULE_FEATURES);
    text.featureIds.forEach((slot, t) => {
      mask[b * length + t] = 1;
      const weight = 1 / Math.sqrt(slot.length);
      const base = (b * length + t) * maxFeatures;
      for (let k = 0; k < Math.min(slot.length, maxFeatures); k++) {
        ids[base + k] = slot[k]!;
        featureWeights[base + k] = weight;
      }
    });
  });
  return { batch, length, features: maxFeatures, ids, featureWeights, mask, dense, sentence };
}

/** tfjs variable names are global: each network gets its own prefix. */
let instances = 0;

export interface TrainingOutput {
  logits: tf.Tensor2D;
  score: tf.Tensor1D;
}

export class TrainingNetwork {
  readonly variables = new Map<string, tf.Variable>();
  readonly embedding: EmbeddingBag;
  private readonly shapes: Map<string, number[]>;

  constructor(
    readonly config: SentimentConfig,
    readonly denseDim: number,
    init: WeightMap,
  ) {
    this.shapes = weightShapes(config, denseDim);
    instances += 1;
    for (const [name, shape] of this.shapes) {
      const values = init.get(name);
      if (!values) throw new Error(`initial weight ${name} is missing`);
      this.variables.set(name, tf.variable(tf.tensor(values, shape), true, `sentiment${instances}/${name}`));
    }
    // Zero rows: a bucket no training text touched adds nothing at inference.
    this.embedding = new EmbeddingBag(config.buckets, config.embeddingDim, config.seed, 0);
  }

  private v(name: string): tf.Variable {
    return this.variables.get(name)!;
  }

  /** The bag's output for a batch, [batch * length, embeddingDim]. */
  embed(batch: PackedBatch): tf.Tensor2D {
    return tf.tensor2d(this.embedding.lookup(batch), [batch.batch * batch.length, this.config.embeddingDim]);
  }

  forward(batch: PackedBatch, embedded: tf.Tensor2D, options: { training: boolean; seed?: number }): TrainingOutput {
    const { batch: B, length: T } = batch;
    const { hidden: H, attention: A, dropout } = this.config;
    const drop = (x: tf.Tensor2D, salt: number, rate = dropout) => (options.training && rate > 0 ? tf.dropout(x, rate, undefined, (options.seed ?? 0) * 7 + salt) : x);
    const x = drop(tf.concat([embedded, tf.tensor2d(batch.dense, [B * T, this.denseDim])], 1) as tf.Tensor2D, 3, this.config.inputDropout);
    const h = tf.relu(tf.matMul(x, this.v('w1')).add(this.v('b1'))) as tf.Tensor2D;
    const u = tf.tanh(tf.matMul(h, this.v('wa')).add(this.v('ba')));
    const mask = tf.tensor2d(batch.mask, [B, T]);
    const attention = tf.matMul(u, this.v('va').reshape([A, 1])).reshape([B, T]).add(tf.sub(1, mask).mul(-1e9));
    const alpha = tf.softmax(attention).expandDims(2);
    const tokens = h.reshape([B, T, H]);
    const pooled = tf.sum(tokens.mul(alpha), 1);
    const maxed = tf.max(tokens.mul(mask.expandDims(2)), 1);
    const rules = tf.tensor2d(batch.sentence, [B, RULE_FEATURES]);
    const z = drop(tf.concat([pooled, maxed, rules], 1) as tf.Tensor2D, 1);
    const g = drop(tf.relu(tf.matMul(z, this.v('w2')).add(this.v('b2'))) as tf.Tensor2D, 2);
    const logits = tf.matMul(g, this.v('wo')).add(this.v('bo')) as tf.Tensor2D;
    const score = tf.tanh(tf.matMul(g, this.v('ws')).add(this.v('bs'))).reshape([B]) as tf.Tensor1D;
    return { logits, score };
  }

  snapshot(): WeightMap {
    return new Map([...this.variables].map(([name, variable]) => [name, Float32Array.from(variable.dataSync() as Float32Array)]));
  }

  restore(weights: WeightMap): void {
    for (const [name, variable] of this.variables) variable.assign(tf.tensor(weights.get(name)!, variable.shape));
  }

  dispose(): void {
    for (const variable of this.variables.values()) variable.dispose();
    this.variables.clear();
  }
}
