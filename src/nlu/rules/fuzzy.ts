/**
 * Typo tolerance for lookup matching: a bounded Damerau-Levenshtein (optimal
 * string alignment) distance, and the symmetric-delete variants that let a
 * Map find typo candidates without comparing against every element.
 */

/** Longest word considered for fuzzy matching; keeps delete variants bounded on junk input. */
export const MAX_FUZZY_LENGTH = 32;

/**
 * Edits allowed for a word of this length: none below 5 characters (too many
 * real words are one edit apart), 1 up to 8, 2 from 9.
 */
export function maxEditsFor(length: number): number {
  if (length < 5) return 0;
  return length >= 9 ? 2 : 1;
}

/** Whether a (normalised) token may be matched fuzzily at all: letters only, sensible length. */
export function isFuzzyCandidate(word: string): boolean {
  return word.length >= 4 && word.length <= MAX_FUZZY_LENGTH && !/\d/.test(word);
}

/**
 * Optimal-string-alignment distance between `a` and `b`, or `max + 1` as soon
 * as it is known to exceed `max` (the common case, so it exits early).
 */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let prevPrev: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  const result = prev[b.length] ?? max + 1;
  return result > max ? max + 1 : result;
}

/**
 * `word` and every string reachable by deleting up to `edits` characters.
 * Two words within `edits` substitutions, insertions, deletions or adjacent
 * transpositions of each other always share one of these variants.
 */
export function deleteVariants(word: string, edits: number): Set<string> {
  const out = new Set<string>([word]);
  const n = word.length;
  for (let i = 0; i < n; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i + 1);
    out.add(head + tail);
    // Second deletion at a later position only: each pair is generated once.
    if (edits >= 2) for (let j = 0; j < tail.length; j++) out.add(head + tail.slice(0, j) + tail.slice(j + 1));
  }
  return out;
}
