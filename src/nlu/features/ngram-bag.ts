/**
 * Sentence-level n-gram counts for the sparse linear intent head: word
 * unigrams and bigrams, and character 3-5-grams inside word boundaries (each
 * word padded with spaces, like scikit-learn's `char_wb`), hashed into a
 * 2^20 space. The two groups are kept apart so each can be normalised on its
 * own (a long message must not let its many character n-grams drown the words).
 */
import { tokenize } from '../tokenizer';
import { fnv1a } from './hashing';

/** Hashed ids are < 2^20, so they survive a float32 round trip in the weights file. */
export const NGRAM_HASH_BITS = 20;
const MASK = (1 << NGRAM_HASH_BITS) - 1;

/** Term counts by hashed id, per feature group. */
export interface NgramCounts {
  words: Map<number, number>;
  chars: Map<number, number>;
}

function add(counts: Map<number, number>, feature: string): void {
  const id = fnv1a(feature) & MASK;
  counts.set(id, (counts.get(id) ?? 0) + 1);
}

/**
 * Words only (letters and digits): punctuation carries little intent and would dominate short
 * messages. Digits become 0: "order 48215" and "order 51007" are the same request.
 */
function words(text: string): string[] {
  return tokenize(text)
    .map((t) => t.norm.replace(/\p{Nd}/gu, '0'))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

export function ngramCounts(text: string): NgramCounts {
  const tokens = words(text);
  const counts: NgramCounts = { words: new Map(), chars: new Map() };
  tokens.forEach((word, i) => {
    add(counts.words, `w:${word}`);
    if (i > 0) add(counts.words, `b:${tokens[i - 1]}_${word}`);
    const padded = ` ${word} `;
    for (let n = 3; n <= 5; n++) for (let s = 0; s + n <= padded.length; s++) add(counts.chars, `c:${padded.slice(s, s + n)}`);
  });
  return counts;
}
