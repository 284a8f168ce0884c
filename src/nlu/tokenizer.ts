/**
 * Word tokenizer with character offsets. Words are runs of letters/digits
 * (with inner apostrophes, dots in numbers, and `-`/`_` joins such as
 * "ORD-7731"); every other non-space character is its own token. Offsets let
 * entity spans map back to the exact text the shopper typed.
 */
export interface Token {
  text: string;
  /** Lower-cased, accent-folded form used for features. */
  norm: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’.\-_/@+][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/’/g, "'");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], norm: normalizeWord(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}
