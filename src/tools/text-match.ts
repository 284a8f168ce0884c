/**
 * Small, dependency-free text matching for the catalog: tokenizing with a
 * light English stemmer, character trigrams for typos, and a BM25F-style
 * index over weighted fields. (`natural` is avoided on purpose: it takes
 * about a second to load, which every chat process would pay.)
 */

const STOPWORDS = new Set(
  ('a an and are as at be but by can could do does for from have has how i if in is it its me my of on or our please ' +
    'show some that the their them there these they this to want was we what which will with would you your any ' +
    'looking need find get buy me one ones')
    .split(' '),
);

/** Lowercase word tokens (diacritics removed, stopwords and 1-letter tokens dropped). */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

const VOWEL = /[aeiouy]/;

/** Strips a suffix only when a vowel remains, so "string" or "bed" survive. */
function strip(word: string, suffix: string): string | null {
  const stem = word.slice(0, -suffix.length);
  return VOWEL.test(stem) && stem.length >= 3 ? stem : null;
}

function undouble(stem: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss|zz)$/.test(stem) ? stem.slice(0, -1) : stem;
}

/**
 * Light stemmer: plural -s/-es/-ies, -ing and -ed. Deliberately conservative
 * (Porter maps "runing" to "rune" but "running" to "run"; here both give "run").
 */
export function stem(word: string): string {
  if (/^\d/.test(word) || word.length <= 3) return word;
  let w = word;
  // Plurals first, so "earrings" and "earring" end up on the same stem.
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing')) return undouble(strip(w, 'ing') ?? w);
  if (w.endsWith('ed') && w.length > 5) return undouble(strip(w, 'ed') ?? w);
  return w;
}

/** Stemmed tokens of a text. */
export function terms(text: string): string[] {
  return tokenize(text).map(stem);
}

/** Character trigrams of a word or phrase, padded so short words still overlap. */
export function trigrams(text: string): Set<string> {
  const padded = `  ${text.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice coefficient of two trigram sets (0..1). */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/** A field of an indexed document; `weight` multiplies its term frequencies. */
export interface IndexField {
  text: string;
  weight: number;
}

/** A query term after stemming and typo expansion; `weight` < 1 for fuzzy matches. */
export interface QueryTerm {
  term: string;
  weight: number;
  /** Index of the query word this term came from (for coverage). */
  source: number;
}

interface IndexedDoc {
  tf: Map<string, number>;
  length: number;
}

const K1 = 1.2;
const B = 0.75;
/** Below this Dice similarity a vocabulary word is not taken as a typo of the query word. */
const FUZZY_MIN = 0.5;
/** Fuzzy candidates must be within this of the best one. */
const FUZZY_MARGIN = 0.1;
/**
 * A candidate with another first letter needs this much similarity: shoppers rarely
 * mistype the first letter, and words that differ only there share most trigrams
 * without being typos of each other ("saddle" and "paddle" score 0.5).
 */
const FUZZY_MIN_OTHER_FIRST_LETTER = 0.7;

/** BM25F-ish index: per-field weighted term frequencies, one length per document. */
export class Bm25Index {
  private readonly docs = new Map<number, IndexedDoc>();
  private readonly df = new Map<string, number>();
  /** Surface word -> [stem, trigrams], for typo expansion. */
  private readonly vocabulary = new Map<string, { stem: string; grams: Set<string> }>();
  private avgLength = 1;

  constructor(documents: readonly { id: number; fields: readonly IndexField[] }[]) {
    let total = 0;
    for (const doc of documents) {
      const tf = new Map<string, number>();
      let length = 0;
      for (const field of doc.fields) {
        for (const word of tokenize(field.text)) {
          const s = stem(word);
          tf.set(s, (tf.get(s) ?? 0) + field.weight);
          length += field.weight;
          if (!this.vocabulary.has(word)) this.vocabulary.set(word, { stem: s, grams: trigrams(word) });
        }
      }
      for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      this.docs.set(doc.id, { tf, length });
      total += length;
    }
    this.avgLength = documents.length > 0 ? Math.max(1, total / documents.length) : 1;
  }

  /** Stems query words; a word the catalog never uses is replaced by its closest vocabulary words (typos). */
  expand(query: string): QueryTerm[] {
    const out: QueryTerm[] = [];
    tokenize(query).forEach((word, source) => {
      const s = stem(word);
      if (this.df.has(s)) {
        out.push({ term: s, weight: 1, source });
        return;
      }
      const grams = trigrams(word);
      const near = [...this.vocabulary.entries()]
        .map(([surface, v]) => ({ stem: v.stem, sim: trigramSimilarity(grams, v.grams), sameStart: surface[0] === word[0] }))
        .filter((c) => c.sim >= (c.sameStart ? FUZZY_MIN : FUZZY_MIN_OTHER_FIRST_LETTER))
        .sort((a, b) => b.sim - a.sim);
      const seen = new Set<string>();
      for (const c of near) {
        // Only near-ties of the best candidate: "shoez" means "shoes", not also "shown".
        if (c.sim < near[0]!.sim - FUZZY_MARGIN) break;
        if (seen.has(c.stem)) continue;
        seen.add(c.stem);
        out.push({ term: c.stem, weight: c.sim, source });
        if (seen.size === 2) break;
      }
      // Keep the word even with no match, so coverage counts it as missed.
      if (seen.size === 0) out.push({ term: s, weight: 0, source });
    });
    return out;
  }

  /** BM25 score of one document and the share of query words it matched (typo readings count by their similarity). */
  score(id: number, query: readonly QueryTerm[]): { score: number; coverage: number } {
    const doc = this.docs.get(id);
    const words = new Set(query.map((q) => q.source));
    if (!doc || words.size === 0) return { score: 0, coverage: 0 };
    const n = this.docs.size;
    // Per query word, how surely the document has it: 1 for the word itself, the similarity for a typo reading.
    const matched = new Map<number, number>();
    let score = 0;
    for (const q of query) {
      const tf = doc.tf.get(q.term);
      if (!tf || q.weight === 0) continue;
      const df = this.df.get(q.term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += q.weight * idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / this.avgLength)));
      matched.set(q.source, Math.max(matched.get(q.source) ?? 0, q.weight));
    }
    let covered = 0;
    for (const weight of matched.values()) covered += weight;
    return { score, coverage: covered / words.size };
  }
}
