/**
 * Shapes shared by the rule-based entity extractors.
 */
import type { Token } from '../tokenizer';
import type { LookupTable, RegexFeature } from '../types';
import type { NumberMention } from './numbers';

/** Which rule produced an entity; overlap resolution ranks structured ones first. */
export type RuleExtractorName =
  'regex' | 'lookup' | 'number' | 'money' | 'date' | 'email' | 'phone' | 'order_id' | 'quantity' | 'size';

/** An entity found by a rule. Offsets are UTF-16 code units into the message, end exclusive. */
export interface RuleEntity {
  entity: string;
  /** Normalised value: a string, a number, or a structured object (money ranges, dates). */
  value: unknown;
  /** The exact surface text, `message.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  confidence: number;
  extractor: RuleExtractorName;
}

/** Configuration of a {@link RuleEntityExtractor}, usually taken from the training data. */
export interface RuleEntityOptions {
  /** Patterns applied case-insensitively; the feature name is the entity. */
  regexes?: RegexFeature[];
  /** Gazetteers; the table name is the entity. */
  lookups?: LookupTable[];
  /** Surface form (lower-cased) -> canonical value, applied to lookup matches. */
  synonyms?: Record<string, string>;
  /** "Today" for relative dates; defaults to the time of each extract() call. */
  referenceDate?: Date;
  /** Typo-tolerant lookup matching (default true). */
  fuzzy?: boolean;
}

/** What every extractor gets: the message, its tokens and numbers, computed once per message. */
export interface RuleContext {
  text: string;
  tokens: Token[];
  numbers: NumberMention[];
  referenceDate: Date;
}
