/**
 * Shared types of the review-sentiment module: the three labels, what a
 * prediction looks like, and the labelled examples training and evaluation take.
 */

/** Class order used by every output layer and confusion matrix. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** The aspect categories reviews are broken down into. */
export const ASPECT_NAMES = [
  'quality',
  'fit/size',
  'price/value',
  'shipping/delivery',
  'durability',
  'packaging',
  'customer service',
  'appearance/design',
  'ease of use',
  'comfort',
] as const;
export type AspectName = (typeof ASPECT_NAMES)[number];

/** What `scoreText` returns: the label, a score in [-1, 1] and the class probabilities. */
export interface SentimentScore {
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
  probabilities: Record<SentimentLabel, number>;
}

/** One aspect mention: the aspect, the polarity of the clause it sits in, and where that clause is. */
export interface AspectMention {
  aspect: AspectName;
  polarity: SentimentLabel;
  /** Score of the clause, -1 .. 1. */
  score: number;
  /** The clause the mention was judged on: exactly `text.slice(start, end)`. */
  opinion: string;
  start: number;
  end: number;
  /** The aspect term that was matched ("strap broke", "color"). */
  term: string;
}

/** Full analysis of one text: overall sentiment plus aspect mentions. */
export interface SentimentPrediction extends SentimentScore {
  aspects: AspectMention[];
}

/** One training or test example. */
export interface LabelledText {
  text: string;
  label: SentimentLabel;
  /**
   * Regression target for the score head in [-1, 1]; defaults to -1 / 0 / 1 by label.
   * Star ratings map 1..5 to -1, -0.5, 0, 0.5, 1.
   */
  target?: number;
  /** Where the example comes from ("store", "uci-amazon"...); used for per-domain weighting. */
  domain?: string;
}

/** Maps a 1-5 star rating to a label: 1-2 negative, 3 neutral, 4-5 positive. */
export function labelForRating(rating: number): SentimentLabel {
  if (rating <= 2) return 'negative';
  if (rating === 3) return 'neutral';
  return 'positive';
}

/** Maps a 1-5 star rating to a score target in [-1, 1]. */
export function targetForRating(rating: number): number {
  return Math.max(-1, Math.min(1, (rating - 3) / 2));
}

/** Default score target of a label. */
export function targetForLabel(label: SentimentLabel): number {
  return label === 'negative' ? -1 : label === 'positive' ? 1 : 0;
}
