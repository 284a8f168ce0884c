/**
 * Aspect mentions of a text: clauses are split, aspect terms looked up in
 * each, and every aspect found gets the polarity of its own clause, judged by
 * the sentiment model ("Love the color" positive, "it runs small" negative).
 */
import type { AspectMention, SentimentLabel } from '../types';
import type { AspectLexicon } from './aspect-lexicon';
import { splitClauses } from './clauses';

/** Scores one clause: the sentiment model's scoreText. */
export type ClauseJudge = (clause: string) => { score: number };

/** A clause scoring at least this far from 0 is positive / negative; closer is neutral. */
export const CLAUSE_POLARITY_THRESHOLD = 0.2;

export function polarityOf(score: number, threshold = CLAUSE_POLARITY_THRESHOLD): SentimentLabel {
  if (score >= threshold) return 'positive';
  if (score <= -threshold) return 'negative';
  return 'neutral';
}

/** Aspect mentions in `text`, in reading order; one per aspect per clause. */
export function extractAspects(text: string, lexicon: AspectLexicon, judge: ClauseJudge): AspectMention[] {
  const mentions: AspectMention[] = [];
  for (const clause of splitClauses(text)) {
    const matches = lexicon.find(clause.tokens);
    if (matches.length === 0) continue;
    const { score } = judge(clause.text);
    const seen = new Set<string>();
    for (const match of matches) {
      if (seen.has(match.aspect)) continue;
      seen.add(match.aspect);
      mentions.push({
        aspect: match.aspect,
        polarity: polarityOf(score),
        score: Math.round(score * 1000) / 1000,
        opinion: clause.text,
        start: clause.start,
        end: clause.end,
        term: match.term,
      });
    }
  }
  return mentions;
}
