/**
 * Aspect terms -> aspect, matched over normalised tokens (longest phrase
 * first, plural "s" folded). Saved with the model as aspects.json so the
 * word-vector expansion runs once, at training time.
 */
import fs from 'node:fs';
import { ModelFileError } from '../../nlu/model/weights-file';
import type { Token } from '../../nlu/tokenizer';
import { ASPECT_NAMES, type AspectName } from '../types';

export interface AspectLexiconFile {
  format: 'shopdesk-sentiment-aspects/1';
  /** term (space-joined normalised words) -> aspect. */
  terms: Record<string, AspectName>;
  /** Terms added by word-vector expansion, with the seed and cosine that brought them in. */
  expanded: Record<string, { aspect: AspectName; seed: string; cosine: number }>;
}

/** A term found in a token list: tokens [first, last] inclusive. */
export interface AspectTermMatch {
  aspect: AspectName;
  term: string;
  first: number;
  last: number;
}

export class AspectLexicon {
  private readonly longest: number;

  constructor(
    readonly terms: ReadonlyMap<string, AspectName>,
    readonly expanded: AspectLexiconFile['expanded'] = {},
  ) {
    this.longest = Math.max(1, ...[...terms.keys()].map((t) => t.split(' ').length));
  }

  private lookup(words: readonly string[]): AspectName | undefined {
    const phrase = words.join(' ');
    const direct = this.terms.get(phrase);
    if (direct) return direct;
    const last = words.at(-1)!;
    if (last.length > 3 && last.endsWith('s')) return this.terms.get([...words.slice(0, -1), last.slice(0, -1)].join(' '));
    return undefined;
  }

  /** Aspect terms in `tokens`, left to right, longest match first, without overlaps. */
  find(tokens: readonly Token[]): AspectTermMatch[] {
    const words = tokens.map((t) => t.norm);
    const found: AspectTermMatch[] = [];
    for (let i = 0; i < words.length; ) {
      let match: AspectTermMatch | undefined;
      for (let n = Math.min(this.longest, words.length - i); n >= 1 && !match; n--) {
        const aspect = this.lookup(words.slice(i, i + n));
        if (aspect) match = { aspect, term: tokens.slice(i, i + n).map((t) => t.text).join(' '), first: i, last: i + n - 1 };
      }
      if (match) {
        found.push(match);
        i = match.last + 1;
      } else i += 1;
    }
    return found;
  }

  toJSON(): AspectLexiconFile {
    return { format: 'shopdesk-sentiment-aspects/1', terms: Object.fromEntries(this.terms), expanded: this.expanded };
  }

  save(file: string): void {
    fs.writeFileSync(file, JSON.stringify(this.toJSON(), null, 1));
  }

  static load(file: string): AspectLexicon {
    if (!fs.existsSync(file)) throw new ModelFileError(file, 'aspect lexicon is missing');
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AspectLexiconFile>;
    if (parsed.format !== 'shopdesk-sentiment-aspects/1' || !parsed.terms) throw new ModelFileError(file, 'is not a shopdesk aspect lexicon (format shopdesk-sentiment-aspects/1)');
    const known = new Set<string>(ASPECT_NAMES);
    const bad = Object.values(parsed.terms).find((a) => !known.has(a));
    if (bad) throw new ModelFileError(file, `names an unknown aspect "${bad}" (known: ${ASPECT_NAMES.join(', ')})`);
    return new AspectLexicon(new Map(Object.entries(parsed.terms)), parsed.expanded ?? {});
  }
}
