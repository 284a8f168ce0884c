/**
 * BIO tagging: converts entity spans to per-token tags for training, and
 * decodes per-token tag scores back into valid spans with constrained Viterbi
 * (an I-x tag may only follow B-x or I-x), which is what keeps spans well formed,
 * optionally with a tag-bigram prior learned from the training data.
 */
import type { EntitySpan } from '../types';
import type { Token } from '../tokenizer';

export const OUTSIDE = 'O';

export function buildTagSet(entityTypes: Iterable<string>): string[] {
  const tags = [OUTSIDE];
  for (const type of [...new Set(entityTypes)].sort()) tags.push(`B-${type}`, `I-${type}`);
  return tags;
}

/** Tag index per token: a token starting inside a span is tagged; the first such token gets B-. */
export function spansToTags(tokens: readonly Token[], spans: readonly EntitySpan[], tagIndex: ReadonlyMap<string, number>): number[] {
  const tags = new Array<number>(tokens.length).fill(0);
  for (const span of spans) {
    let first = true;
    tokens.forEach((token, i) => {
      if (token.start >= span.start && token.start < span.end) {
        tags[i] = tagIndex.get(`${first ? 'B' : 'I'}-${span.entity}`) ?? 0;
        first = false;
      }
    });
  }
  return tags;
}

function allowed(prev: string, next: string): boolean {
  if (!next.startsWith('I-')) return true;
  return prev.slice(2) === next.slice(2) && prev !== OUTSIDE;
}

/**
 * A tag-bigram prior learned from the training tags: `matrix[i * k + j]` is
 * log P(j | i) - log P(j), `start[j]` the same with the sentence start as i.
 * Added with `weight` to the per-token log-probabilities, it turns their
 * independent guesses into a hybrid HMM-style sequence score: the network's
 * posterior already holds P(j), so the prior divides it out and keeps only
 * what the previous tag adds ("to" is followed by a destination, not an origin).
 */
export interface TagTransitions {
  weight: number;
  start: number[];
  matrix: number[];
}

/** Laplace smoothing of the transition counts. */
const TRANSITION_SMOOTHING = 0.5;

/** Estimates the prior from the gold tag sequences (ids into `tags`), with the given weight. */
export function estimateTransitions(sequences: readonly (readonly number[])[], tags: readonly string[], weight: number): TagTransitions {
  const k = tags.length;
  const unigram = new Float64Array(k);
  const startCounts = new Float64Array(k);
  const pair = new Float64Array(k * k);
  for (const sequence of sequences) {
    sequence.forEach((tag, t) => {
      unigram[tag]! += 1;
      if (t === 0) startCounts[tag]! += 1;
      else pair[sequence[t - 1]! * k + tag]! += 1;
    });
  }
  const total = unigram.reduce((a, b) => a + b, 0);
  const logPrior = Array.from(unigram, (c) => Math.log((c + TRANSITION_SMOOTHING) / (total + TRANSITION_SMOOTHING * k)));
  const conditional = (row: ArrayLike<number>, offset: number): number[] => {
    let rowTotal = 0;
    for (let j = 0; j < k; j++) rowTotal += row[offset + j]!;
    return Array.from({ length: k }, (_, j) => round4(Math.log((row[offset + j]! + TRANSITION_SMOOTHING) / (rowTotal + TRANSITION_SMOOTHING * k)) - logPrior[j]!));
  };
  const matrix: number[] = [];
  for (let i = 0; i < k; i++) matrix.push(...conditional(pair, i * k));
  return { weight, start: conditional(startCounts, 0), matrix };
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/**
 * Constrained Viterbi over a fixed tag set: an I-x tag may only follow B-x or
 * I-x, and never starts a sentence. The transition table is built once per
 * model (building it per message cost more than decoding).
 */
export class TagDecoder {
  private readonly k: number;
  /** Added score per (prev, next) pair, -Infinity where not allowed. */
  private readonly transition: Float64Array;
  private readonly start: Float64Array;

  constructor(
    readonly tags: readonly string[],
    transitions?: TagTransitions,
  ) {
    const k = tags.length;
    this.k = k;
    const weight = transitions?.weight ?? 0;
    if (transitions && weight !== 0 && (transitions.matrix.length !== k * k || transitions.start.length !== k)) {
      throw new Error(`Tag transitions are for ${transitions.start.length} tags, the model has ${k}`);
    }
    const prior = weight !== 0 ? transitions : undefined;
    this.transition = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        this.transition[i * k + j] = allowed(tags[i]!, tags[j]!) ? weight * (prior?.matrix[i * k + j] ?? 0) : -Infinity;
      }
    }
    this.start = Float64Array.from(tags, (tag, j) => (tag.startsWith('I-') ? -Infinity : weight * (prior?.start[j] ?? 0)));
  }

  /** Best valid tag sequence for log-probabilities `scores[t][k]` (t tokens, k tags), as tag indices. */
  decode(scores: readonly Float32Array[]): number[] {
    const { k, transition } = this;
    const n = scores.length;
    if (n === 0) return [];
    let best = Float64Array.from(this.start, (s, j) => s + scores[0]![j]!);
    const back: Int32Array[] = [];
    for (let t = 1; t < n; t++) {
      const emission = scores[t]!;
      const next = new Float64Array(k).fill(-Infinity);
      const pointers = new Int32Array(k);
      for (let i = 0; i < k; i++) {
        const from = best[i]!;
        if (from === -Infinity) continue;
        const row = i * k;
        for (let j = 0; j < k; j++) {
          const candidate = from + transition[row + j]!;
          if (candidate > next[j]!) {
            next[j] = candidate;
            pointers[j] = i;
          }
        }
      }
      for (let j = 0; j < k; j++) next[j]! += emission[j]!;
      back.push(pointers);
      best = next;
    }
    let last = 0;
    for (let j = 1; j < k; j++) if (best[j]! > best[last]!) last = j;
    const path = new Array<number>(n);
    path[n - 1] = last;
    for (let t = n - 2; t >= 0; t--) path[t] = back[t]![path[t + 1]!]!;
    return path;
  }
}

export interface DecodedSpan {
  entity: string;
  /** Token range [first, last] inclusive. */
  first: number;
  last: number;
}

export function tagsToSpans(path: readonly number[], tags: readonly string[]): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  path.forEach((tagId, i) => {
    const tag = tags[tagId]!;
    if (tag.startsWith('B-')) spans.push({ entity: tag.slice(2), first: i, last: i });
    else if (tag.startsWith('I-')) {
      const open = spans[spans.length - 1];
      if (open && open.last === i - 1 && open.entity === tag.slice(2)) open.last = i;
    }
  });
  return spans;
}
