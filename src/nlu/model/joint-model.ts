/**
 * The joint intent + entity model (after Rasa's DIET): an embedding bag over
 * hashed sparse token features (+ optional dense vectors), a small pre-norm
 * transformer encoder, an intent head over [CLS] and mean-pooled tokens, and a
 * BIO tagging head per token. Written with plain tfjs ops over named
 * variables so weights serialise as one flat buffer and nothing depends on
 * the Layers API.
 */
import { tf } from '../../ml/tf-backend';
import { Prng } from '../../util/prng';
import type { BatchArrays } from '../features/featurizer';
import type { ModelConfig } from './config';
import { EmbeddingBag } from './embedding-bag';

export interface ModelShape {
  intents: number;
  tags: number;
  /** Width of optional dense token features (0 = none). */
  denseDim: number;
}

export interface ForwardOutput {
  intentLogits: tf.Tensor2D; // [B, intents]
  tagLogits: tf.Tensor3D; // [B, T, tags]
}

type Init = { kind: 'normal'; std: number } | { kind: 'zeros' } | { kind: 'ones' };

/** tfjs variable names are process-global: each model instance gets its own prefix. */
let instances = 0;

/** Name of the embedding-bag table in saved weights. */
const EMBEDDING = 'embedding';

export class JointModel {
  readonly variables = new Map<string, tf.Variable>();
  readonly embedding: EmbeddingBag;

  constructor(
    readonly config: ModelConfig,
    readonly shape: ModelShape,
    seed = config.seed,
  ) {
    const rng = new Prng(seed);
    const d = config.dim;
    const prefix = `nlu${++instances}/`;
    const make = (name: string, dims: number[], init: Init) => {
      const size = dims.reduce((a, b) => a * b, 1);
      const values = new Float32Array(size);
      if (init.kind === 'ones') values.fill(1);
      if (init.kind === 'normal') for (let i = 0; i < size; i++) values[i] = rng.normal() * init.std;
      this.variables.set(name, tf.variable(tf.tensor(values, dims), true, prefix + name));
    };
    const xavier = (fanIn: number, fanOut: number): Init => ({ kind: 'normal', std: Math.sqrt(2 / (fanIn + fanOut)) });
    this.embedding = new EmbeddingBag(config.buckets, d, seed + 1);
    make('position', [config.maxTokens, d], { kind: 'normal', std: 0.02 });
    if (shape.denseDim > 0) make('dense_projection', [shape.denseDim, d], xavier(shape.denseDim, d));
    for (let l = 0; l < config.layers; l++) {
      make(`l${l}.ln1.g`, [d], { kind: 'ones' });
      make(`l${l}.ln1.b`, [d], { kind: 'zeros' });
      for (const w of ['q', 'k', 'v', 'o']) make(`l${l}.w${w}`, [d, d], xavier(d, d));
      make(`l${l}.ln2.g`, [d], { kind: 'ones' });
      make(`l${l}.ln2.b`, [d], { kind: 'zeros' });
      make(`l${l}.ffn1.w`, [d, config.ffnDim], xavier(d, config.ffnDim));
      make(`l${l}.ffn1.b`, [config.ffnDim], { kind: 'zeros' });
      make(`l${l}.ffn2.w`, [config.ffnDim, d], xavier(config.ffnDim, d));
      make(`l${l}.ffn2.b`, [d], { kind: 'zeros' });
    }
    make('final_ln.g', [d], { kind: 'ones' });
    make('final_ln.b', [d], { kind: 'zeros' });
    make('intent.w', [3 * d, shape.intents], xavier(3 * d, shape.intents));
    make('intent.b', [shape.intents], { kind: 'zeros' });
    make('tag.w', [d, shape.tags], xavier(d, shape.tags));
    make('tag.b', [shape.tags], { kind: 'zeros' });
  }

  private v(name: string): tf.Variable {
    const variable = this.variables.get(name);
    if (!variable) throw new Error(`Model variable ${name} is missing`);
    return variable;
  }

  private layerNorm(x: tf.Tensor, prefix: string): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.add(1e-5).sqrt()).mul(this.v(`${prefix}.g`)).add(this.v(`${prefix}.b`));
  }

  private dropout(x: tf.Tensor, training: boolean, seed: number): tf.Tensor {
    return training && this.config.dropout > 0 ? tf.dropout(x, this.config.dropout, undefined, seed) : x;
  }

  /** The embedding-bag output for a batch, as the tensor `forward` starts from. */
  embed(batch: BatchArrays): tf.Tensor3D {
    return tf.tensor3d(this.embedding.lookup(batch), [batch.batch, batch.length, this.config.dim]);
  }

  /**
   * Runs the network. `embedded` is the embedding-bag output (training passes a
   * variable to get its gradient); `step` seeds dropout so training is reproducible.
   */
  forward(batch: BatchArrays, options: { training: boolean; step?: number; embedded?: tf.Tensor }): ForwardOutput {
    const { batch: B, length: T } = batch;
    const d = this.config.dim;
    const h = this.config.heads;
    const dh = d / h;
    const seed = (options.step ?? 0) * 7919 + this.config.seed;

    let x: tf.Tensor = options.embedded ?? this.embed(batch);
    if (this.shape.denseDim > 0) {
      if (!batch.dense) throw new Error('This model needs dense token features (word vectors) but the batch has none');
      const dense = tf.tensor2d(batch.dense, [B * T, this.shape.denseDim]);
      x = x.add(tf.matMul(dense, this.v('dense_projection')).reshape([B, T, d]));
    }
    const mask = tf.tensor2d(batch.mask, [B, T]);
    const tokenMask = mask.slice([0, 1], [B, T - 1]).reshape([B, T - 1, 1]);
    const meanOverTokens = (h: tf.Tensor) =>
      T > 1 ? h.slice([0, 1, 0], [B, T - 1, d]).mul(tokenMask).sum(1).div(tokenMask.sum(1).maximum(1)) : tf.zeros([B, d]);
    // "Wide" path: the bag of features itself, pooled, straight to the intent head (a linear n-gram model
    // inside the network), so the transformer only has to learn what the bag cannot.
    const bag = meanOverTokens(x);
    x = x.add(this.v('position').slice([0, 0], [T, d]));
    x = this.dropout(x, options.training, seed);

    const attentionBias = tf.sub(1, mask).mul(-1e9).reshape([B, 1, 1, T]);
    for (let l = 0; l < this.config.layers; l++) {
      const normed = this.layerNorm(x, `l${l}.ln1`).reshape([B * T, d]);
      const heads = (w: string) => tf.matMul(normed, this.v(`l${l}.w${w}`)).reshape([B, T, h, dh]).transpose([0, 2, 1, 3]);
      const scores = tf.matMul(heads('q'), heads('k'), false, true).div(Math.sqrt(dh)).add(attentionBias);
      const attended = tf.matMul(tf.softmax(scores), heads('v')).transpose([0, 2, 1, 3]).reshape([B * T, d]);
      x = x.add(this.dropout(tf.matMul(attended, this.v(`l${l}.wo`)).reshape([B, T, d]), options.training, seed + l * 31 + 1));
      const normed2 = this.layerNorm(x, `l${l}.ln2`).reshape([B * T, d]);
      const hidden = tf.relu(tf.matMul(normed2, this.v(`l${l}.ffn1.w`)).add(this.v(`l${l}.ffn1.b`)));
      const ffn = tf.matMul(hidden, this.v(`l${l}.ffn2.w`)).add(this.v(`l${l}.ffn2.b`)).reshape([B, T, d]);
      x = x.add(this.dropout(ffn, options.training, seed + l * 31 + 2));
    }
    x = this.layerNorm(x, 'final_ln');

    const cls = x.slice([0, 0, 0], [B, 1, d]).reshape([B, d]);
    const sentence = this.dropout(tf.concat([cls, meanOverTokens(x), bag], 1), options.training, seed + 997);
    const intentLogits = tf.matMul(sentence, this.v('intent.w')).add(this.v('intent.b')) as tf.Tensor2D;
    const tagLogits = tf
      .matMul(this.dropout(x, options.training, seed + 991).reshape([B * T, d]), this.v('tag.w'))
      .add(this.v('tag.b'))
      .reshape([B, T, this.shape.tags]) as tf.Tensor3D;
    return { intentLogits, tagLogits };
  }

  /** Snapshot of all weights (for early stopping and saving). */
  snapshot(): Map<string, Float32Array> {
    const weights = new Map([...this.variables].map(([name, variable]) => [name, variable.dataSync() as Float32Array]));
    weights.set(EMBEDDING, this.embedding.table.slice());
    return weights;
  }

  /** Shapes of every weight in `snapshot()`, for the manifest. */
  shapes(): Map<string, number[]> {
    const shapes = new Map([...this.variables].map(([name, variable]) => [name, variable.shape as number[]]));
    shapes.set(EMBEDDING, [this.embedding.rows, this.embedding.dim]);
    return shapes;
  }

  restore(weights: ReadonlyMap<string, Float32Array>): void {
    const table = weights.get(EMBEDDING);
    if (!table || table.length !== this.embedding.table.length) throw new Error(`Weights for ${EMBEDDING} are missing or have the wrong size`);
    this.embedding.table.set(table);
    for (const [name, variable] of this.variables) {
      const values = weights.get(name);
      if (!values) throw new Error(`Weights for ${name} are missing`);
      if (values.length !== variable.size) throw new Error(`Weights for ${name} have ${values.length} values, expected ${variable.size}`);
      variable.assign(tf.tensor(values, variable.shape));
    }
  }

  dispose(): void {
    for (const variable of this.variables.values()) variable.dispose();
    this.variables.clear();
  }
}
