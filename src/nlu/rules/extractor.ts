/**
 * The rule-based entity extractor: runs every rule over a message and
 * returns one non-overlapping list. Rules are cheap (a tokenization, a few
 * regexes, Map lookups), so this can run on every message before the learned
 * extractor and be merged with it via mergeEntities().
 */
import { tokenize } from '../tokenizer';
import type { LookupTable } from '../types';
import { extractDates } from './date';
import { extractEmails } from './email';
import { LookupIndex } from './lookup';
import { extractMoney } from './money';
import { findNumbers } from './numbers';
import { extractOrderIds } from './order-id';
import { resolveOverlaps } from './overlap';
import { extractPhones } from './phone';
import { extractQuantities } from './quantity';
import { compileRegexFeatures, extractRegexEntities } from './regex';
import { extractSizes } from './size';
import type { RuleContext, RuleEntity, RuleEntityOptions, RuleExtractorName } from './types';

/** Tie-break among equally long, equally confident candidates: structured rules first. */
const PRIORITY: Record<RuleExtractorName, number> = {
  email: 0,
  phone: 1,
  order_id: 2,
  money: 3,
  date: 4,
  regex: 5,
  lookup: 6,
  size: 7,
  quantity: 8,
  number: 9,
};

const RULES: ((ctx: RuleContext) => RuleEntity[])[] = [
  extractEmails,
  extractPhones,
  extractOrderIds,
  extractMoney,
  extractDates,
  extractSizes,
  extractQuantities,
];

/** Finds emails, phones, order ids, money, dates, sizes, quantities, lookup and regex entities. */
export class RuleEntityExtractor {
  private readonly lookups: LookupIndex;
  private readonly regexes: ReturnType<typeof compileRegexFeatures>;
  private readonly referenceDate: Date | undefined;

  /**
   * @throws Error when a regex feature's pattern is not a valid JavaScript regex.
   */
  constructor(options: RuleEntityOptions = {}) {
    const synonyms: Record<string, string> = {};
    // Keys are matched lower-cased; normalise in case the caller did not.
    for (const [surface, canonical] of Object.entries(options.synonyms ?? {}))
      synonyms[surface.toLowerCase()] = canonical;
    this.lookups = new LookupIndex(synonyms, options.fuzzy ?? true);
    for (const table of options.lookups ?? []) this.lookups.add(table);
    this.regexes = compileRegexFeatures(options.regexes ?? []);
    this.referenceDate = options.referenceDate;
  }

  /** Adds a lookup table (or more elements for an existing entity). */
  addLookup(table: LookupTable): void {
    this.lookups.add(table);
  }

  /**
   * Entities in `text`, sorted by start, never overlapping (longer span wins,
   * then confidence, then structured types). Never throws on odd input.
   */
  extract(text: string): RuleEntity[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const tokens = tokenize(text);
    const ctx: RuleContext = {
      text,
      tokens,
      numbers: findNumbers(tokens),
      referenceDate: this.referenceDate ?? new Date(),
    };
    const candidates: RuleEntity[] = [];
    for (const rule of RULES) candidates.push(...rule(ctx));
    candidates.push(...this.lookups.match(text, tokens));
    candidates.push(...extractRegexEntities(text, this.regexes));
    return resolveOverlaps(candidates, (e) => PRIORITY[e.extractor]);
  }
}
