/**
 * Themes: the aspect opinions reviews repeat most ("fit/size" negative,
 * "comfort" positive), each with a few example quotes. A quote is picked only
 * when the whole review leans the same way as the clause, so an example of a
 * complaint is not a five-star rave that mentions the size in passing.
 */
import { ASPECT_NAMES, type AspectName } from '../types';
import type { ScoredReview } from './score';
import type { Quote, Theme } from './types';

const QUOTE_MAX_CHARS = 240;

function themeQuote(s: ScoredReview, opinion: string): Quote & { opinion: string } {
  const { review, result } = s;
  return {
    reviewId: review.id,
    productId: review.productId,
    productTitle: review.productTitle,
    rating: review.rating,
    label: result.label,
    score: result.score,
    text: review.text,
    opinion,
  };
}

interface Tally {
  mentions: number;
  candidates: { s: ScoredReview; opinion: string; strength: number }[];
}

function pickQuotes(tally: Tally, quotesPerTheme: number): Theme['quotes'] {
  // Strongest first; ties by id so the same data always gives the same quotes.
  tally.candidates.sort((a, b) => b.strength - a.strength || a.s.review.id - b.s.review.id);
  const seen = new Set<string>();
  const quotes: Theme['quotes'] = [];
  for (const c of tally.candidates) {
    if (quotes.length >= quotesPerTheme) break;
    if (seen.has(c.s.review.text)) continue;
    seen.add(c.s.review.text);
    quotes.push(themeQuote(c.s, c.opinion));
  }
  return quotes;
}

/** The `count` most mentioned positive and negative aspect opinions in `items`. */
export function topThemes(items: readonly ScoredReview[], count = 5, quotesPerTheme = 3): { positive: Theme[]; negative: Theme[] } {
  // One pass over all mentions, tallying every aspect and polarity at once.
  const all = new Map<AspectName, number>();
  const tallies = { positive: new Map<AspectName, Tally>(), negative: new Map<AspectName, Tally>() };
  for (const s of items) {
    for (const m of s.aspects) {
      all.set(m.aspect, (all.get(m.aspect) ?? 0) + 1);
      if (m.polarity === 'neutral') continue;
      let tally = tallies[m.polarity].get(m.aspect);
      if (!tally) tallies[m.polarity].set(m.aspect, (tally = { mentions: 0, candidates: [] }));
      tally.mentions += 1;
      if (s.result.label === m.polarity && s.review.text.length <= QUOTE_MAX_CHARS)
        tally.candidates.push({ s, opinion: m.opinion, strength: Math.abs(m.score) + Math.abs(s.result.score) });
    }
  }
  const themes = (polarity: 'positive' | 'negative'): Theme[] =>
    [...tallies[polarity]]
      .sort((a, b) => b[1].mentions - a[1].mentions || ASPECT_NAMES.indexOf(a[0]) - ASPECT_NAMES.indexOf(b[0]))
      .slice(0, count)
      .map(([aspect, tally]) => ({
        aspect,
        polarity,
        mentions: tally.mentions,
        share: Math.round((tally.mentions / all.get(aspect)!) * 1000) / 1000,
        quotes: pickQuotes(tally, quotesPerTheme),
      }));
  return { positive: themes('positive'), negative: themes('negative') };
}
