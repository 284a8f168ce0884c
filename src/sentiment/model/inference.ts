/**
 * The forward pass in plain TypeScript over Float32Arrays. One text is a few
 * hundred thousand multiply-adds: far below the fixed cost of dispatching
 * TensorFlow.js kernels, which is what keeps `scoreText` well under 2 ms.
 * The token layer is linear before its ReLU, so its bag part (a function of
 * the word, its predecessor and its negation) and its word-vector part (of the
 * word and its negation) are cached per key. Training uses the TensorFlow.js graph in
 * network-tf.ts; a test checks that both give the same outputs.
 */
import type { EncodedText, SentimentFeaturizer } from '../features/featurizer';
import { RULE_FEATURES } from '../lexicon/rule-scorer';
import type { SentimentConfig } from './config';
import type { WeightMap } from './layout';

export interface ForwardResult {
  /** Class probabilities in SENTIMENT_LABELS order. */
  probabilities: Float32Array;
  score: number;
}

/** Entries kept per cache (~20 MB each at hidden 64) before it is cleared. */
const CACHE_LIMIT = 80_000;

function get(weights: WeightMap, name: string): Float32Array {
  const value = weights.get(name);
  if (!value) throw new Error(`sentiment network weight ${name} is missing`);
  return value;
}

export class InferenceNetwork {
  private readonly w1: Float32Array;
  private readonly b1: Float32Array;
  private readonly wa: Float32Array;
  private readonly ba: Float32Array;
  private readonly va: Float32Array;
  private readonly w2: Float32Array;
  private readonly b2: Float32Array;
  private readonly wo: Float32Array;
  private readonly bo: Float32Array;
  private readonly ws: Float32Array;
  private readonly bs: Float32Array;
  private readonly bagCache = new Map<string, Float32Array>();
  private readonly vectorCache = new Map<string, Float32Array>();
  /** Dense inputs that come from word vectors (the rest are lexicon features). */
  private readonly vectorInputs: number;

  constructor(
    readonly config: SentimentConfig,
    readonly denseDim: number,
    /** Embedding bag rows, [buckets * embeddingDim]. */
    readonly embedding: Float32Array,
    private readonly weights: WeightMap,
    lexiconInputs: number,
  ) {
    this.w1 = get(weights, 'w1');
    this.b1 = get(weights, 'b1');
    this.wa = get(weights, 'wa');
    this.ba = get(weights, 'ba');
    this.va = get(weights, 'va');
    this.w2 = get(weights, 'w2');
    this.b2 = get(weights, 'b2');
    this.wo = get(weights, 'wo');
    this.bo = get(weights, 'bo');
    this.ws = get(weights, 'ws');
    this.bs = get(weights, 'bs');
    this.vectorInputs = denseDim - lexiconInputs;
  }

  /** A dense weight by name (for saving). */
  weight(name: string): Float32Array {
    const value = this.weights.get(name);
    if (!value) throw new Error(`sentiment network weight ${name} is missing`);
    return value;
  }

  /** out += x[from, to) . W1 rows [rowOffset + from, ...). */
  private addRows(out: Float32Array, x: Float32Array, xOffset: number, count: number, rowOffset: number): void {
    // Locals instead of `this.` lookups: this loop is most of the cost of an unseen word.
    const H = this.config.hidden;
    const w1 = this.w1;
    for (let i = 0; i < count; i++) {
      const v = x[xOffset + i]!;
      if (v === 0) continue;
      let row = (rowOffset + i) * H;
      for (let j = 0; j < H; j++, row++) out[j] = out[j]! + v * w1[row]!;
    }
  }

  /** Pre-activation part from a slot's sparse ids (the embedding bag). */
  private bagContribution(ids: Int32Array): Float32Array {
    const E = this.config.embeddingDim;
    const bag = new Float32Array(E);
    const weight = 1 / Math.sqrt(ids.length);
    const table = this.embedding;
    for (let k = 0; k < Math.min(ids.length, this.config.maxFeaturesPerToken); k++) {
      let row = ids[k]! * E;
      for (let j = 0; j < E; j++, row++) bag[j] = bag[j]! + weight * table[row]!;
    }
    const out = new Float32Array(this.config.hidden);
    this.addRows(out, bag, 0, E, 0);
    return out;
  }

  /** Pre-activation part from the word-vector inputs of a dense row. */
  private vectorContribution(dense: Float32Array, denseOffset: number): Float32Array {
    const out = new Float32Array(this.config.hidden);
    this.addRows(out, dense, denseOffset, this.vectorInputs, this.config.embeddingDim);
    return out;
  }

  /** h_t = relu(b1 + bag part + vector part + lexicon part), written into `h` at slot `t`. */
  private finishSlot(h: Float32Array, t: number, bag: Float32Array, vector: Float32Array, dense: Float32Array, denseOffset: number): void {
    const H = this.config.hidden;
    const slot = h.subarray(t * H, (t + 1) * H);
    for (let j = 0; j < H; j++) slot[j] = this.b1[j]! + bag[j]! + vector[j]!;
    this.addRows(slot, dense, denseOffset + this.vectorInputs, this.denseDim - this.vectorInputs, this.config.embeddingDim + this.vectorInputs);
    for (let j = 0; j < H; j++) if (slot[j]! < 0) slot[j] = 0;
  }

  private cached(cache: Map<string, Float32Array>, key: string, compute: () => Float32Array): Float32Array {
    let value = cache.get(key);
    if (!value) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, (value = compute()));
    }
    return value;
  }

  /** Forward pass over an encoded text (the training-side representation). */
  forward(encoded: EncodedText): ForwardResult {
    const slots = encoded.featureIds.length;
    const h = new Float32Array(slots * this.config.hidden);
    for (let t = 0; t < slots; t++) {
      const offset = t * this.denseDim;
      this.finishSlot(h, t, this.bagContribution(encoded.featureIds[t]!), this.vectorContribution(encoded.dense, offset), encoded.dense, offset);
    }
    return this.head(h, slots, encoded.sentence);
  }

  /**
   * Forward pass straight from text, reusing cached contributions: the bag part per
   * (previous word, negation, word), the word-vector part per (negation, word).
   * Same result as forward(encode(text)).
   */
  forwardText(featurizer: SentimentFeaturizer, text: string, analysed = featurizer.analyze(text)): ForwardResult {
    const { tokens, rules } = analysed;
    if (tokens.length === 0) return this.forward(featurizer.encode(text));
    const h = new Float32Array(tokens.length * this.config.hidden);
    const dense = new Float32Array(this.denseDim);
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      const bag = this.cached(this.bagCache, featurizer.slotKey(tokens, t), () => this.bagContribution(featurizer.slotFeatureIds(tokens, t)));
      const vector = this.cached(this.vectorCache, `${token.negated ? 1 : 0}\u0001${token.norm}`, () => {
        dense.fill(0);
        featurizer.writeSlotDense(tokens, rules, t, dense, 0);
        return this.vectorContribution(dense, 0);
      });
      featurizer.writeSlotLexicon(tokens, rules, t, dense, this.vectorInputs);
      this.finishSlot(h, t, bag, vector, dense, 0);
    }
    return this.head(h, tokens.length, rules.features);
  }

  /** Attention and max pooling over the slots, then the head and both outputs. */
  private head(h: Float32Array, slots: number, sentence: Float32Array): ForwardResult {
    const { hidden: H, attention: A, head: G } = this.config;
    const logits = new Float32Array(slots);
    const u = new Float32Array(A);
    let maxLogit = -Infinity;
    const wa = this.wa;
    const va = this.va;
    for (let t = 0; t < slots; t++) {
      u.set(this.ba);
      for (let j = 0; j < H; j++) {
        const v = h[t * H + j]!;
        if (v === 0) continue;
        let row = j * A;
        for (let a = 0; a < A; a++, row++) u[a] = u[a]! + v * wa[row]!;
      }
      let s = 0;
      for (let a = 0; a < A; a++) s += Math.tanh(u[a]!) * va[a]!;
      logits[t] = s;
      if (s > maxLogit) maxLogit = s;
    }
    let total = 0;
    for (let t = 0; t < slots; t++) total += logits[t] = Math.exp(logits[t]! - maxLogit);
    const z = new Float32Array(2 * H + RULE_FEATURES);
    for (let t = 0; t < slots; t++) {
      const alpha = logits[t]! / total;
      for (let j = 0; j < H; j++) {
        const v = h[t * H + j]!;
        z[j]! += alpha * v;
        if (v > z[H + j]!) z[H + j] = v;
      }
    }
    z.set(sentence, 2 * H);
    const g = Float32Array.from(this.b2);
    for (let i = 0; i < z.length; i++) {
      const x = z[i]!;
      if (x === 0) continue;
      for (let j = 0; j < G; j++) g[j]! += x * this.w2[i * G + j]!;
    }
    const classes = this.bo.length;
    const out = Float32Array.from(this.bo);
    let score = this.bs[0]!;
    for (let i = 0; i < G; i++) {
      const x = g[i]!;
      if (x <= 0) continue; // ReLU
      for (let c = 0; c < classes; c++) out[c]! += x * this.wo[i * classes + c]!;
      score += x * this.ws[i]!;
    }
    const top = Math.max(...out);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += out[c] = Math.exp(out[c]! - top);
    for (let c = 0; c < classes; c++) out[c]! /= sum;
    return { probabilities: out, score: Math.tanh(score) };
  }
}
