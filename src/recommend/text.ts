/** Tokenizer for content similarity: lower-case words without accents, a few stop words and plurals removed. */

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or our the this to was were will with you your that these those into than then them they their there not no can all any more most very'.split(' '),
);

/** Words of a text, in order (duplicates kept: counts feed term frequency). */
export function tokenize(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const out: string[] = [];
  for (let word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    // Light stemming: "shoes" and "shoe" are one term; "glass" stays.
    if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) word = word.slice(0, -1);
    out.push(word);
  }
  return out;
}
