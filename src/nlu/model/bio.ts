/**
 * BIO tagging: converts entity spans to per-token tags for training, and
 * decodes per-token tag scores back into valid spans with constrained Viterbi
 * (an I-x tag may only follow B-x or I-x), which is what keeps spans well formed.
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
 * Best valid tag sequence for log-probabilities `scores[t][k]` (t tokens, k tags).
 * Returns tag indices and each token's probability of its chosen tag.
 */
export function viterbiDecode(scores: readonly Float32Array[], tags: readonly string[]): number[] {
  const n = scores.length;
  const k = tags.length;
  if (n === 0) return [];
  const transitionOk = tags.map((prev) => tags.map((next) => allowed(prev, next)));
  let best = Float64Array.from({ length: k }, (_, j) => (tags[j]!.startsWith('I-') ? -Infinity : scores[0]![j]!));
  const back: Int32Array[] = [];
  for (let t = 1; t < n; t++) {
    const next = new Float64Array(k).fill(-Infinity);
    const pointers = new Int32Array(k);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < k; i++) {
        if (!transitionOk[i]![j]) continue;
        const candidate = best[i]! + scores[t]![j]!;
        if (candidate > next[j]!) {
          next[j] = candidate;
          pointers[j] = i;
        }
      }
    }
    back.push(pointers);
    best = next;
  }
  let last = 0;
  for (let j = 1; j < k; j++) if (best[j]! > best[last]!) last = j;
  const path = [last];
  for (let t = n - 2; t >= 0; t--) path.unshift(back[t]![path[0]!]!);
  return path;
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
