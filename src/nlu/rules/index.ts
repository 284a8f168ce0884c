/**
 * Rule-based entity extraction for ShopDesk's NLU: structured entities
 * (emails, phones, order ids, money, dates, sizes, quantities) found by
 * patterns, lookup tables with typo tolerance, and the training data's regex
 * features, plus the policy for merging them with learned entities.
 */
export { RuleEntityExtractor } from './extractor';
export { mergeEntities, resolveOverlaps, isStructured } from './overlap';
export type { SpanLike } from './overlap';
export type { RuleEntity, RuleEntityOptions, RuleExtractorName } from './types';
export type { MoneyValue } from './money';
export type { DateValue } from './date';
export { damerauLevenshtein } from './fuzzy';
