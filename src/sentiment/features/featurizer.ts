/**
 * Model inputs for one text. Per token: a bag of hashed sparse features (the
 * word with a NOT_ mark inside negation scope, the bigram with the previous
 * word, character n-grams) for the embedding bag, and a dense vector (GloVe,
 * GloVe again when negated, the token's lexicon valence before and after the
 * rules, negation/contrast/emphasis flags). Per text: the rule scorer's
 * sentence features.
 */
import { fnv1a } from '../../nlu/features/hashing';
import type { DenseTokenFeatures } from '../../nlu/features/word-vectors';
import type { Lexicon } from '../lexicon/lexicon';
import { ruleScore, RULE_FEATURES, type RuleScore } from '../lexicon/rule-scorer';
import { analyzeText, type SentimentToken } from '../text/analyze';

/** Featurizer settings (part of the model config). */
export interface FeaturizerConfig {
  /** Hash buckets of the embedding bag (row 0 is padding). */
  buckets: number;
  /** Character n-gram sizes taken from `<word>`. */
  charNgrams: readonly number[];
  /** Longer texts keep their first `maxTokens` tokens. */
  maxTokens: number;
  maxFeaturesPerToken: number;
}

/** Per-token lexicon features appended to the word vectors. */
export const TOKEN_LEXICON_FEATURES = 7;

export interface EncodedText {
  tokens: SentimentToken[];
  /** Hashed feature ids per slot (at least one slot, even for an empty text). */
  featureIds: Int32Array[];
  /** [slots * denseDim]. */
  dense: Float32Array;
  /** Rule-scorer sentence features (RULE_FEATURES). */
  sentence: Float32Array;
  /** The rule scorer's compound score, -1..1. */
  compound: number;
}

const EMPTY = '__empty__';

export class SentimentFeaturizer {
  readonly denseDim: number;

  constructor(
    readonly config: FeaturizerConfig,
    readonly lexicon: Lexicon,
    readonly vectors?: DenseTokenFeatures,
  ) {
    this.denseDim = (vectors ? 2 * vectors.dim : 0) + TOKEN_LEXICON_FEATURES;
  }

  private bucket(feature: string): number {
    return 1 + (fnv1a(feature) % (this.config.buckets - 1));
  }

  /** Feature strings of token `i`. */
  tokenFeatures(tokens: readonly SentimentToken[], i: number): string[] {
    const token = tokens[i]!;
    const word = token.norm;
    const mark = token.negated ? 'NOT_' : '';
    const features = [`w:${mark}${word}`, `b:${tokens[i - 1]?.norm ?? '<s>'}|${word}`];
    if (!token.symbol && word.length >= 3) {
      const marked = `<${word}>`;
      const tag = token.negated ? '!' : '';
      for (const n of this.config.charNgrams) {
        for (let k = 0; k + n <= marked.length; k++) features.push(`c${n}${tag}:${marked.slice(k, k + n)}`);
      }
    }
    return features.slice(0, this.config.maxFeaturesPerToken);
  }

  /** Tokens (first `maxTokens`) and their rule scores. */
  analyze(text: string): { tokens: SentimentToken[]; rules: RuleScore } {
    const tokens = analyzeText(text).slice(0, this.config.maxTokens);
    return { tokens, rules: ruleScore(tokens, this.lexicon) };
  }

  /** Hashed sparse feature ids of token `t`. */
  slotFeatureIds(tokens: readonly SentimentToken[], t: number): Int32Array {
    return Int32Array.from(this.tokenFeatures(tokens, t), (f) => this.bucket(f));
  }

  /** Everything token `t`'s sparse features and word vectors depend on: inputs with equal keys are equal. */
  slotKey(tokens: readonly SentimentToken[], t: number): string {
    const token = tokens[t]!;
    return `${tokens[t - 1]?.norm ?? '<s>'}\u0001${token.negated ? 1 : 0}\u0001${token.norm}`;
  }

  /** Writes token `t`'s dense inputs (word vectors, negated copy, lexicon features) into `out` at `offset`. */
  writeSlotDense(tokens: readonly SentimentToken[], rules: RuleScore, t: number, out: Float32Array, offset: number, vectors?: Float32Array): void {
    const token = tokens[t]!;
    const vectorDim = this.vectors?.dim ?? 0;
    if (this.vectors) {
      const source = vectors ?? this.vectors.encode([token]);
      out.set(source, offset);
      if (token.negated) out.set(source, offset + vectorDim);
    }
    this.writeSlotLexicon(tokens, rules, t, out, offset + 2 * vectorDim);
  }

  /** Writes token `t`'s TOKEN_LEXICON_FEATURES lexicon features into `out` at `offset`. */
  writeSlotLexicon(tokens: readonly SentimentToken[], rules: RuleScore, t: number, out: Float32Array, offset: number): void {
    const token = tokens[t]!;
    out[offset] = rules.tokenValence[t]! / 4;
    out[offset + 1] = rules.rawValence[t]! / 4;
    out[offset + 2] = token.negated ? 1 : 0;
    out[offset + 3] = token.contrast === 'before' ? 1 : 0;
    out[offset + 4] = token.contrast === 'after' ? 1 : 0;
    out[offset + 5] = token.boost - 1;
    out[offset + 6] = token.emphasis ? 1 : 0;
  }

  /** Feature ids of the single slot an empty text gets. */
  emptySlot(): Int32Array {
    return Int32Array.of(this.bucket(EMPTY));
  }

  encode(text: string): EncodedText {
    const { tokens, rules } = this.analyze(text);
    const slots = Math.max(1, tokens.length);
    const featureIds: Int32Array[] = tokens.length === 0 ? [this.emptySlot()] : [];
    const dense = new Float32Array(slots * this.denseDim);
    const vectorDim = this.vectors?.dim ?? 0;
    const vectors = this.vectors && tokens.length > 0 ? this.vectors.encode(tokens) : undefined;
    tokens.forEach((_, t) => {
      featureIds.push(this.slotFeatureIds(tokens, t));
      this.writeSlotDense(tokens, rules, t, dense, t * this.denseDim, vectors?.subarray(t * vectorDim, (t + 1) * vectorDim));
    });
    return { tokens, featureIds, dense, sentence: rules.features, compound: rules.compound };
  }
}

export { RULE_FEATURES };
