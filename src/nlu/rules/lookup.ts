/**
 * Gazetteer matching: finds lookup-table elements in a message, token-aligned
 * and case/accent-insensitive, tolerating a typo in longer words
 * ("stainles steel" -> "stainless steel"). Elements are indexed by their first
 * token (exact) and by delete variants of it (fuzzy), so a message costs a few
 * Map reads per token whatever the table size.
 */
import { tokenize } from '../tokenizer';
import type { Token } from '../tokenizer';
import type { LookupTable } from '../types';
import { damerauLevenshtein, deleteVariants, isFuzzyCandidate, maxEditsFor } from './fuzzy';
import type { RuleEntity } from './types';

/** Bound on the typo cache, so junk input cannot grow it without limit. */
const MAX_CACHED_WORDS = 20_000;

interface Entry {
  entity: string;
  /** Normalised tokens of the element (or of a synonym that maps to it). */
  tokens: string[];
  value: string;
}

interface Match {
  entry: Entry;
  tokenCount: number;
  fuzzy: boolean;
}

/** Index of lookup tables; see the module comment. */
export class LookupIndex {
  private readonly exact = new Map<string, Entry[]>();
  /**
   * Delete variants of first tokens, by the edits they allow: [1] for 5-8
   * letters, [2] for 9+. Keeping them apart means a typed word's 2-delete
   * variants only probe long elements, which keeps candidate lists short.
   */
  private readonly fuzzyIndex: [Map<string, Entry[]>, Map<string, Entry[]>, Map<string, Entry[]>] = [
    new Map(),
    new Map(),
    new Map(),
  ];
  private readonly seen = new Set<string>();
  /**
   * Typed word -> elements whose first token is within typo distance of it.
   * Shoppers reuse the same few hundred words, so remembering the (costly)
   * delete-variant search per word pays off; cleared when tables change.
   */
  private readonly fuzzyCache = new Map<string, Entry[]>();

  /**
   * @param synonyms - lower-cased surface -> canonical; maps matched elements to their value,
   *   and lets a synonym's surface forms match when its canonical value is an element.
   * @param fuzzy - whether typo-tolerant matching is enabled.
   */
  constructor(
    private readonly synonyms: Record<string, string>,
    private readonly fuzzy: boolean,
  ) {}

  /** Adds (or extends) a table; the table name is the entity name. */
  add(table: LookupTable): void {
    const byLower = new Map<string, string>();
    for (const element of table.elements) {
      byLower.set(element.toLowerCase(), element);
      this.addEntry(table.name, element, this.synonyms[element.toLowerCase()] ?? element);
    }
    for (const [surface, canonical] of Object.entries(this.synonyms)) {
      const element = byLower.get(canonical.toLowerCase());
      if (element !== undefined) this.addEntry(table.name, surface, this.synonyms[element.toLowerCase()] ?? element);
    }
  }

  /** All matches, at most the best one per (start token, entity); overlaps are left to the caller. */
  match(text: string, tokens: readonly Token[]): RuleEntity[] {
    const out: RuleEntity[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const best = new Map<string, Match>();
      for (const match of this.candidatesAt(tokens, i)) {
        const current = best.get(match.entry.entity);
        if (!current || isBetter(match, current)) best.set(match.entry.entity, match);
      }
      for (const { entry, tokenCount, fuzzy } of best.values()) {
        const start = (tokens[i] as Token).start;
        const end = (tokens[i + tokenCount - 1] as Token).end;
        out.push({
          entity: entry.entity,
          value: entry.value,
          text: text.slice(start, end),
          start,
          end,
          confidence: fuzzy ? 0.8 : 1,
          extractor: 'lookup',
        });
      }
    }
    return out;
  }

  private addEntry(entity: string, surface: string, value: string): void {
    this.fuzzyCache.clear();
    const tokens = tokenize(surface).map((t) => t.norm);
    const first = tokens[0];
    if (first === undefined) return;
    const key = `${entity}\u0000${tokens.join(' ')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const entry: Entry = { entity, tokens, value };
    push(this.exact, first, entry);
    const edits = maxEditsFor(first.length);
    if (this.fuzzy && edits > 0 && isFuzzyCandidate(first)) {
      for (const variant of deleteVariants(first, edits))
        push(this.fuzzyIndex[edits] as Map<string, Entry[]>, variant, entry);
    }
  }

  private *candidatesAt(tokens: readonly Token[], i: number): Generator<Match> {
    const word = (tokens[i] as Token).norm;
    for (const entry of this.exact.get(word) ?? []) {
      const rest = this.matchRest(entry, tokens, i);
      if (rest !== null) yield { entry, tokenCount: entry.tokens.length, fuzzy: rest };
    }
    if (!this.fuzzy || !isFuzzyCandidate(word)) return;
    for (const entry of this.fuzzyNeighbours(word)) {
      if (this.matchRest(entry, tokens, i) !== null) yield { entry, tokenCount: entry.tokens.length, fuzzy: true };
    }
  }

  /** Entries whose first token is a typo away from `word` (not equal to it). */
  private fuzzyNeighbours(word: string): Entry[] {
    const cached = this.fuzzyCache.get(word);
    if (cached) return cached;
    const found = new Set<Entry>();
    const probe = (index: Map<string, Entry[]>, variants: Iterable<string>): void => {
      for (const variant of variants) {
        for (const entry of index.get(variant) ?? []) {
          const first = entry.tokens[0] ?? '';
          if (!found.has(entry) && first !== word && wordsClose(word, first)) found.add(entry);
        }
      }
    };
    // 5-8 letter elements are one edit away (so the typo has at most 9 letters);
    // 9+ letter elements may be two away (so the typo has at least 7).
    if (word.length <= 9) probe(this.fuzzyIndex[1], deleteVariants(word, 1));
    if (word.length >= 7) probe(this.fuzzyIndex[2], deleteVariants(word, 2));
    if (this.fuzzyCache.size >= MAX_CACHED_WORDS) this.fuzzyCache.clear();
    const list = [...found];
    this.fuzzyCache.set(word, list);
    return list;
  }

  /** Matches the element's tokens after the first; null if they do not match, else whether any was fuzzy. */
  private matchRest(entry: Entry, tokens: readonly Token[], i: number): boolean | null {
    if (i + entry.tokens.length > tokens.length) return null;
    let fuzzy = false;
    for (let k = 1; k < entry.tokens.length; k++) {
      const word = (tokens[i + k] as Token).norm;
      const expected = entry.tokens[k] ?? '';
      if (word === expected) continue;
      if (!this.fuzzy || !isFuzzyCandidate(word) || !wordsClose(word, expected)) return null;
      fuzzy = true;
    }
    return fuzzy;
  }
}

function wordsClose(typed: string, element: string): boolean {
  const edits = maxEditsFor(element.length);
  return edits > 0 && damerauLevenshtein(typed, element, edits) <= edits;
}

/** Longest match wins; at equal length an exact match beats a fuzzy one. */
function isBetter(a: Match, b: Match): boolean {
  if (a.tokenCount !== b.tokenCount) return a.tokenCount > b.tokenCount;
  return !a.fuzzy && b.fuzzy;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
