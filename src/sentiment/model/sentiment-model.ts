/**
 * The trained sentiment model at inference time: featurizer + plain-TypeScript
 * network + aspect lexicon. No TensorFlow.js here, so loading is a few file
 * reads and `scoreText` is a fraction of a millisecond.
 * @example
 *   const model = loadSentimentModel();                 // models/sentiment
 *   model.scoreText('not bad at all').label === 'positive'
 *   model.predict('Love the color but it runs small').aspects
 */
import type { DenseTokenFeatures } from '../../nlu/features/word-vectors';
import { extractAspects } from '../aspects/extract';
import type { AspectLexicon } from '../aspects/aspect-lexicon';
import { SentimentFeaturizer, TOKEN_LEXICON_FEATURES } from '../features/featurizer';
import type { Lexicon } from '../lexicon/lexicon';
import { SENTIMENT_LABELS, type SentimentLabel, type SentimentPrediction, type SentimentScore } from '../types';
import type { SentimentConfig } from './config';
import { InferenceNetwork, type ForwardResult } from './inference';
import type { WeightMap } from './layout';

/** Texts longer than this are cut before scoring (reviews rarely come close). */
export const MAX_TEXT_LENGTH = 5000;

export interface SentimentModelParts {
  config: SentimentConfig;
  lexicon: Lexicon;
  aspects: AspectLexicon;
  vectors?: DenseTokenFeatures;
  /** Absolute folder of the word vectors ('' when the model has none). */
  vectorsDir: string;
  /** One entry per ensemble member: its embedding bag rows and dense weights. */
  members: { embedding: Float32Array; weights: WeightMap }[];
}

export class SentimentModel {
  readonly config: SentimentConfig;
  readonly lexicon: Lexicon;
  readonly aspects: AspectLexicon;
  readonly vectorsDir: string;
  readonly featurizer: SentimentFeaturizer;
  readonly networks: InferenceNetwork[];

  constructor(parts: SentimentModelParts) {
    this.config = parts.config;
    this.lexicon = parts.lexicon;
    this.aspects = parts.aspects;
    this.vectorsDir = parts.vectorsDir;
    if (parts.members.length === 0) throw new Error('a sentiment model needs at least one network');
    this.featurizer = new SentimentFeaturizer(parts.config, parts.lexicon, parts.vectors);
    this.networks = parts.members.map((m) => new InferenceNetwork(parts.config, this.featurizer.denseDim, m.embedding, m.weights, TOKEN_LEXICON_FEATURES));
  }

  /** Network outputs for one text, averaged over the ensemble members. */
  forward(text: string): ForwardResult {
    const clipped = text.slice(0, MAX_TEXT_LENGTH);
    const probabilities = new Float32Array(SENTIMENT_LABELS.length);
    let score = 0;
    const analysed = this.featurizer.analyze(clipped);
    for (const network of this.networks) {
      const out = network.forwardText(this.featurizer, clipped, analysed);
      for (let c = 0; c < probabilities.length; c++) probabilities[c]! += out.probabilities[c]! / this.networks.length;
      score += out.score / this.networks.length;
    }
    return { probabilities, score };
  }

  /**
   * How strongly worded a text is, from the lexicon alone (VADER-like compound in [-1, 1]: intensifiers,
   * caps and "!" count). The network is trained on reviews and is confident about any complaint; this
   * tells "the parcel is a bit late" (about 0) from "this is ridiculous, terrible service!" (about -0.8).
   */
  wordingIntensity(text: string): number {
    return this.featurizer.analyze(text.slice(0, MAX_TEXT_LENGTH)).rules.compound;
  }

  /** Overall sentiment of a text: label, score in [-1, 1] and class probabilities. Fast (no aspects). */
  scoreText(text: string): SentimentScore {
    const { probabilities, score } = this.forward(text);
    let best = 0;
    for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[best]!) best = c;
    const round = (v: number) => Math.round(v * 10000) / 10000;
    return {
      label: SENTIMENT_LABELS[best]!,
      score: round(score),
      probabilities: Object.fromEntries(SENTIMENT_LABELS.map((label, c) => [label, round(probabilities[c]!)])) as Record<SentimentLabel, number>,
    };
  }

  /** Overall sentiment plus aspect mentions, each judged on its own clause. */
  predict(text: string): SentimentPrediction {
    const clipped = text.slice(0, MAX_TEXT_LENGTH);
    const overall = this.scoreText(clipped);
    return { ...overall, aspects: extractAspects(clipped, this.aspects, (clause) => this.scoreText(clause)) };
  }
}
