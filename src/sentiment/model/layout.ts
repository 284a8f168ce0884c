/**
 * The network's weights: names, shapes and initialisation, shared by the
 * TensorFlow.js training graph and the plain-TypeScript inference pass so the
 * two cannot drift apart.
 *
 *   token t:  h_t = relu([bag_t ; dense_t] W1 + b1)                 (hidden)
 *   pooling:  a = softmax_t(v . tanh(h_t Wa + ba)),  p = sum_t a_t h_t,  m = max_t h_t
 *   text:     g = relu([p ; m ; rules] W2 + b2)                       (head)
 *   outputs:  softmax(g Wo + bo) over negative/neutral/positive,  score = tanh(g ws + bs)
 */
import { Prng } from '../../util/prng';
import { RULE_FEATURES } from '../lexicon/rule-scorer';
import { SENTIMENT_LABELS } from '../types';
import type { SentimentConfig } from './config';

export type WeightMap = Map<string, Float32Array>;

/** Shapes of the dense weights (the embedding bag is stored apart, as `embedding`). */
export function weightShapes(config: SentimentConfig, denseDim: number): Map<string, number[]> {
  const input = config.embeddingDim + denseDim;
  const pooled = 2 * config.hidden + RULE_FEATURES;
  return new Map<string, number[]>([
    ['w1', [input, config.hidden]],
    ['b1', [config.hidden]],
    ['wa', [config.hidden, config.attention]],
    ['ba', [config.attention]],
    ['va', [config.attention]],
    ['w2', [pooled, config.head]],
    ['b2', [config.head]],
    ['wo', [config.head, SENTIMENT_LABELS.length]],
    ['bo', [SENTIMENT_LABELS.length]],
    ['ws', [config.head, 1]],
    ['bs', [1]],
  ]);
}

/** Glorot-uniform matrices, zero biases; seeded. */
export function initWeights(config: SentimentConfig, denseDim: number): WeightMap {
  const rng = new Prng(config.seed + 101);
  const weights: WeightMap = new Map();
  for (const [name, shape] of weightShapes(config, denseDim)) {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    if (shape.length === 2 || name === 'va') {
      const fanIn = shape[0]!;
      const fanOut = shape[1] ?? 1;
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < size; i++) values[i] = (rng.next() * 2 - 1) * limit;
    }
    weights.set(name, values);
  }
  return weights;
}
