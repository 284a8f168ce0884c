/**
 * Decision thresholds for score-only peers, fitted on the training split (never
 * the test split): binary sets get one cut, three-class sets a neutral band
 * [low, high]. Candidates are the training scores' quantiles.
 */
import type { SentimentLabel } from '../../../src/sentiment';
import { classificationReport } from '../../../src/sentiment';
import type { BenchSplit } from '../types';

export interface Thresholds {
  low: number;
  high: number;
}

export function labelFor(score: number, t: Thresholds, binary: boolean): SentimentLabel {
  if (binary) return score > t.high ? 'positive' : 'negative';
  if (score > t.high) return 'positive';
  if (score < t.low) return 'negative';
  return 'neutral';
}

/** Maximises training macro-F1 over candidate cuts. */
export function fitThresholds(split: BenchSplit, score: (text: string) => number, defaults: Thresholds): Thresholds {
  const sample = split.train.length > 4000 ? split.train.filter((_, i) => i % Math.ceil(split.train.length / 4000) === 0) : split.train;
  const scores = sample.map((e) => score(e.text));
  const gold = sample.map((e) => e.label);
  const sorted = [...scores].sort((a, b) => a - b);
  const candidates = [...new Set([...Array.from({ length: 41 }, (_, i) => sorted[Math.floor((i / 40) * (sorted.length - 1))]!), defaults.low, defaults.high])];
  const f1 = (t: Thresholds) =>
    classificationReport(
      gold,
      scores.map((s) => labelFor(s, t, split.binary)),
      split.binary ? ['negative', 'positive'] : ['negative', 'neutral', 'positive'],
    ).macroF1;
  let best = defaults;
  let bestF1 = f1(defaults);
  for (const high of candidates) {
    for (const low of split.binary ? [high] : candidates.filter((c) => c <= high)) {
      const value = f1({ low, high });
      if (value > bestF1) {
        best = { low, high };
        bestF1 = value;
      }
    }
  }
  return best;
}
