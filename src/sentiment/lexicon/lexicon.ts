/**
 * A word -> valence table on a -4..4 scale (emoji included), with a light
 * inflection fallback ("loved" -> "love", "scratches" -> "scratch"). The
 * table is a model artifact (lexicon.json in the model folder): built once at
 * training time from the open lexicons natural ships, so inference needs
 * nothing but the model folder.
 */
import fs from 'node:fs';
import { ModelFileError } from '../../nlu/model/weights-file';
import { emojiValence } from './emoji';

export interface LexiconFile {
  format: 'shopdesk-sentiment-lexicon/1';
  /** Where the entries came from, with licences. */
  sources: string[];
  entries: Record<string, number>;
}

const SUFFIXES: readonly (readonly [string, string])[] = [
  ['ies', 'y'], ['ied', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['d', ''], ['ing', ''], ['ing', 'e'], ['ly', ''], ['ily', 'y'], ['er', ''], ['est', ''],
];

export class Lexicon {
  private readonly cache = new Map<string, number>();

  constructor(
    readonly entries: ReadonlyMap<string, number>,
    readonly sources: readonly string[] = [],
  ) {}

  /** Valence of a normalised token (0 when unknown). */
  valence(word: string): number {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    let value = emojiValence(word) ?? this.entries.get(word);
    if (value === undefined && word.length > 4 && /^[a-z']+$/.test(word)) {
      for (const [suffix, replacement] of SUFFIXES) {
        if (!word.endsWith(suffix)) continue;
        const stem = word.slice(0, -suffix.length) + replacement;
        value = this.entries.get(stem) ?? (stem.length > 3 && /(.)\1$/.test(stem) ? this.entries.get(stem.slice(0, -1)) : undefined);
        if (value !== undefined) break;
      }
    }
    const result = value ?? 0;
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  get size(): number {
    return this.entries.size;
  }

  toJSON(): LexiconFile {
    return { format: 'shopdesk-sentiment-lexicon/1', sources: [...this.sources], entries: Object.fromEntries([...this.entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
  }

  save(file: string): void {
    fs.writeFileSync(file, JSON.stringify(this.toJSON()));
  }

  static load(file: string): Lexicon {
    if (!fs.existsSync(file)) throw new ModelFileError(file, 'lexicon file is missing');
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LexiconFile>;
    if (parsed.format !== 'shopdesk-sentiment-lexicon/1' || typeof parsed.entries !== 'object' || parsed.entries === null) {
      throw new ModelFileError(file, 'is not a shopdesk sentiment lexicon (format shopdesk-sentiment-lexicon/1)');
    }
    return new Lexicon(new Map(Object.entries(parsed.entries)), parsed.sources ?? []);
  }
}
