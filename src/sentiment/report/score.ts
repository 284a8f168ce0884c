/**
 * Scoring for the report: each review gets its overall label and score plus
 * its aspect mentions, once. Aggregation (aggregate.ts) then only groups and
 * counts, so a caller that keeps the scored reviews can build reports for any
 * filter in milliseconds. Clause scores are memoised: review text repeats a lot.
 */
import type { AspectLexicon } from '../aspects/aspect-lexicon';
import { extractAspects } from '../aspects/extract';
import type { AspectMention, SentimentScore } from '../types';
import type { ReviewRecord } from './types';

/** What the report needs from a model (SentimentModel has it). */
export interface ReportModel {
  scoreText(text: string): SentimentScore;
  readonly aspects: AspectLexicon;
}

/** One review with its model judgement. */
export interface ScoredReview {
  review: ReviewRecord;
  result: SentimentScore;
  aspects: AspectMention[];
}

/** Scores one review; keeps its clause memo between calls. */
export type ReviewScorer = (review: ReviewRecord) => ScoredReview;

export interface ChunkedScoringOptions {
  /**
   * Longest stretch of scoring between two yields to the event loop, in ms (default 15). A server keeps
   * answering other requests while 24,000 reviews are scored; a review takes well under a millisecond,
   * so a slice overshoots by at most one review.
   */
  sliceMs?: number;
  /** Called after every slice and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between slices; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Past this many distinct texts the memo starts over, so memory stays bounded on a huge store. */
const MEMO_LIMIT = 200_000;

/**
 * A scorer with its own clause memo; reuse one across calls to share the memo.
 * @example
 *   const score = createReviewScorer(model);
 *   const scored = reviews.map(score);
 */
export function createReviewScorer(model: ReportModel): ReviewScorer {
  const memo = new Map<string, SentimentScore>();
  const judge = (text: string): SentimentScore => {
    let result = memo.get(text);
    if (!result) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(text, (result = model.scoreText(text)));
    }
    return result;
  };
  return (review) => ({ review, result: judge(review.text), aspects: extractAspects(review.text, model.aspects, judge) });
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Scores reviews in time slices, yielding to the event loop between slices (setImmediate, so pending I/O
 * runs first). Same results as mapping the scorer synchronously.
 */
export async function scoreReviewsInSlices(
  reviews: readonly ReviewRecord[],
  score: ReviewScorer,
  options: ChunkedScoringOptions = {},
): Promise<ScoredReview[]> {
  const sliceMs = options.sliceMs ?? 15;
  const out: ScoredReview[] = new Array(reviews.length);
  let i = 0;
  while (i < reviews.length) {
    options.signal?.throwIfAborted();
    const sliceEnd = performance.now() + sliceMs;
    do {
      out[i] = score(reviews[i]!);
      i += 1;
    } while (i < reviews.length && performance.now() < sliceEnd);
    options.onProgress?.(i, reviews.length);
    if (i < reviews.length) await yieldToEventLoop();
  }
  if (reviews.length === 0) options.onProgress?.(0, 0);
  return out;
}
