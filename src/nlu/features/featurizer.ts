/**
 * Turns messages into model inputs: a [CLS] slot followed by one slot per
 * token, each a bag of hashed sparse features (+ optional dense vectors), and
 * packs encoded messages into padded batch arrays.
 */
import { tokenize, type Token } from '../tokenizer';
import { hashFeatures, tokenFeatureStrings, type HashingOptions } from './hashing';
import type { DenseTokenFeatures } from './word-vectors';

export const CLS_FEATURE = '__cls__';

/** A span found by rules (regex, lookup, money...) whose type becomes a token feature. */
export interface CueSpan {
  entity: string;
  start: number;
  end: number;
}

export interface EncodedMessage {
  tokens: Token[];
  /** Feature bucket ids per slot; slot 0 is [CLS]. */
  featureIds: number[][];
  /** True when tokens beyond the limit were dropped. */
  truncated: boolean;
  /** Dense features per slot ([CLS] gets zeros): [(tokens + 1) * denseDim], when configured. */
  dense?: Float32Array;
}

export interface FeaturizerOptions extends HashingOptions {
  maxTokens: number;
}

export function encodeMessage(text: string, options: FeaturizerOptions, cues: readonly CueSpan[] = [], denseFeatures?: DenseTokenFeatures): EncodedMessage {
  const all = tokenize(text);
  const tokens = all.slice(0, options.maxTokens - 1);
  const featureIds = [hashFeatures([CLS_FEATURE], options.buckets)];
  tokens.forEach((token, i) => {
    const extra = cues.filter((c) => token.start < c.end && token.end > c.start).map((c) => `rule:${c.entity}`);
    // Word bigrams with both neighbours: cheap context that bag-of-n-gram classifiers live on.
    extra.push(`bl:${tokens[i - 1]?.norm ?? '<s>'}_${token.norm}`, `br:${token.norm}_${tokens[i + 1]?.norm ?? '</s>'}`);
    featureIds.push(hashFeatures(tokenFeatureStrings(token, options, extra), options.buckets));
  });
  let dense: Float32Array | undefined;
  if (denseFeatures) {
    dense = new Float32Array((tokens.length + 1) * denseFeatures.dim);
    dense.set(denseFeatures.encode(tokens), denseFeatures.dim);
  }
  return { tokens, featureIds, truncated: all.length > tokens.length, dense };
}

/** A message's dense features per token, without the [CLS] slot: [tokens * dim]. */
export function tokenDenseFeatures(message: EncodedMessage, dim: number): Float32Array | undefined {
  return message.dense?.subarray(dim);
}

export interface BatchArrays {
  batch: number;
  length: number;
  features: number;
  ids: Int32Array;
  /** Per-feature weight: 1/sqrt(count) for real features, 0 for padding. */
  featureWeights: Float32Array;
  /** 1 for real slots ([CLS] included), 0 for padding. */
  mask: Float32Array;
  /** [batch * length * denseDim] when the messages carry dense features. */
  dense?: Float32Array;
}

export function packBatch(messages: readonly EncodedMessage[], maxFeatures: number, denseDim = 0): BatchArrays {
  const batch = messages.length;
  const length = Math.max(1, ...messages.map((m) => m.featureIds.length));
  const ids = new Int32Array(batch * length * maxFeatures);
  const featureWeights = new Float32Array(batch * length * maxFeatures);
  const mask = new Float32Array(batch * length);
  const dense = denseDim > 0 ? new Float32Array(batch * length * denseDim) : undefined;
  messages.forEach((message, b) => {
    if (dense && message.dense) dense.set(message.dense, b * length * denseDim);
    message.featureIds.forEach((slot, t) => {
      mask[b * length + t] = 1;
      const weight = 1 / Math.sqrt(slot.length);
      const base = (b * length + t) * maxFeatures;
      slot.slice(0, maxFeatures).forEach((id, k) => {
        ids[base + k] = id;
        featureWeights[base + k] = weight;
      });
    });
  });
  return { batch, length, features: maxFeatures, ids, featureWeights, mask, dense };
}
