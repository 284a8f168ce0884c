/**
 * Sentiment model settings, declared once with their defaults. The defaults
 * were chosen on the UCI cross-domain rotations during development (see
 * bench/results/sentiment-latest.md): character n-grams and a light head
 * dropout overfit the training domains (-1 to -2 points on the unseen one),
 * dropout 0.5 and a 3-member ensemble generalised best.
 */
import type { FeaturizerConfig } from '../features/featurizer';

export interface SentimentConfig extends FeaturizerConfig {
  /** Width of the embedding bag rows. */
  embeddingDim: number;
  /** Width of the per-token layer and of the attention-pooled text vector. */
  hidden: number;
  /** Width of the attention scorer. */
  attention: number;
  /** Width of the layer before the output heads. */
  head: number;
  dropout: number;
  /** Dropout on the per-token inputs (bag + dense): keeps the model from leaning on a few words. */
  inputDropout: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Learning rate of the sparse embedding bag (lazy Adam). */
  embeddingLearningRate: number;
  /** Weight of the score (regression) loss next to the label loss. */
  scoreLossWeight: number;
  /** Share of the training examples held out to pick the best epoch (0 = keep the last). */
  validationSplit: number;
  /** Stop after this many epochs without a better validation loss. */
  patience: number;
  /** Per-domain example weights ("store", "uci-yelp"...); unlisted domains weigh 1. */
  domainWeights: Record<string, number>;
  /** Networks trained with different seeds whose outputs are averaged. */
  ensemble: number;
  seed: number;
  /** Folder of the word vectors, relative to the model folder (or absolute); '' for none. */
  vectors: string;
}

export const DEFAULT_SENTIMENT_CONFIG: Readonly<SentimentConfig> = Object.freeze({
  buckets: 1 << 16,
  charNgrams: [],
  maxTokens: 64,
  maxFeaturesPerToken: 24,
  embeddingDim: 24,
  hidden: 64,
  attention: 32,
  head: 48,
  dropout: 0.5,
  inputDropout: 0,
  epochs: 8,
  batchSize: 64,
  learningRate: 0.003,
  embeddingLearningRate: 0.01,
  scoreLossWeight: 0.5,
  validationSplit: 0.1,
  patience: 2,
  domainWeights: {},
  ensemble: 3,
  seed: 42,
  vectors: '../vectors/glove-50k',
});

/** Fills missing settings with the defaults and rejects impossible ones. */
export function resolveSentimentConfig(partial: Partial<SentimentConfig> = {}): SentimentConfig {
  const config: SentimentConfig = { ...DEFAULT_SENTIMENT_CONFIG, ...partial, charNgrams: [...(partial.charNgrams ?? DEFAULT_SENTIMENT_CONFIG.charNgrams)] };
  const positive = ['buckets', 'maxTokens', 'maxFeaturesPerToken', 'embeddingDim', 'hidden', 'attention', 'head', 'epochs', 'batchSize', 'ensemble'] as const;
  for (const key of positive) {
    if (!Number.isInteger(config[key]) || config[key] <= 0) throw new RangeError(`sentiment config ${key} must be a positive integer, got ${config[key]}`);
  }
  for (const key of ['dropout', 'inputDropout'] as const) {
    if (!(config[key] >= 0 && config[key] < 1)) throw new RangeError(`sentiment config ${key} must be in [0, 1), got ${config[key]}`);
  }
  if (!(config.validationSplit >= 0 && config.validationSplit < 0.5)) throw new RangeError(`sentiment config validationSplit must be in [0, 0.5), got ${config.validationSplit}`);
  return config;
}
