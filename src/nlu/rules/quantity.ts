/**
 * Quantities (entity `quantity`, numeric value): "2 shirts", "two of the
 * mugs", "a dozen eggs", "a couple of towels", "3x", "4 pcs". A number only
 * counts something when a noun-ish word (or x/pcs/items/of) follows it, and
 * not when it is really a size ("size 10"), an id ("order 1234", "#1234"),
 * a price ("$50") or part of a time or date ("10:30", "3 days").
 */
import type { Token } from '../tokenizer';
import type { NumberMention } from './numbers';
import { isNounish } from './words';
import type { RuleContext, RuleEntity } from './types';

/** Words after a number that mark a count even though they are not nouns. */
// prettier-ignore
const COUNT_MARKERS = new Set([
  'x', 'pcs', 'pc', 'pieces', 'piece', 'items', 'item', 'units', 'unit', 'of', 'more', 'packs', 'pairs', 'instead',
]);

/**
 * Words before a number that make it a label, not a count. "order" is not
 * one: "order 5 mugs" counts, and "order 48213" loses to the order-id rule.
 */
// prettier-ignore
const LABELS = new Set([
  'size', 'sz', 'no', 'number', 'num', 'nr', 'version', 'v', 'model', 'page', 'step', 'option', 'room', 'apt',
  'suite', 'invoice', 'inv', 'id', 'ref', 'code', 'pin', 'zip', 'waist', 'length', 'inseam', 'chapter', 'level',
  'gen', 'series', 'iphone', 'galaxy', 'pixel',
]);
/** Symbols glued before a number that make it a price, id or part of something else. */
const PREFIX_SYMBOLS = new Set(['$', '€', '£', '¥', '#', '+', '-', '/', ':', '.', '@', '~', '<', '>']);
/** Symbols glued after a number that make it something other than a count. */
const SUFFIX_SYMBOLS = new Set(['%', ':', '/', '€', '£', '$', '.', ',', '°', "'", '"']);

const MAX_QUANTITY = 10_000;
const TIMES_TOKEN = /^(\d{1,3})x$/i;
/** "221 Baker Street": a house number, not a count. */
const STREET =
  /^(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|close|crescent)$/;
/** Messages about changing a count, where "to 4" or "put 2 in my cart" is a quantity without a noun. */
const COUNT_CONTEXT = /(?<![\p{L}])(?:quantity|qty|cart|basket)(?![\p{L}])/iu;
const COUNT_VERBS = new Set(['to', 'from', 'put', 'add', 'buy', 'buying', 'want', 'need', 'get', 'take', 'make', 'of']);

/** Quantities, see the module comment. */
export function extractQuantities(ctx: RuleContext): RuleEntity[] {
  const out: RuleEntity[] = [];
  const countContext = COUNT_CONTEXT.test(ctx.text);
  for (const m of ctx.numbers) {
    const kind = quantityKind(ctx.tokens, m, countContext);
    if (kind === 'counted') out.push(entity(ctx, m.start, m.end, m.value, m.kind === 'digits' ? 0.85 : 0.8));
    else if (kind === 'contextual') out.push(entity(ctx, m.start, m.end, m.value, 0.7));
  }
  // "3x" is one token ("2x shirts"); the x marks a count on its own.
  ctx.tokens.forEach((token, i) => {
    const times = TIMES_TOKEN.exec(token.text);
    if (!times || isGluedTo(ctx.tokens[i - 1], token)) return;
    // "2x + 5 = 11" is algebra: the x must end the phrase or precede a noun.
    const next = ctx.tokens[i + 1];
    if (next && !isNounish(next.norm) && !/^[.,!?;)]$/.test(next.text)) return;
    const value = Number(times[1]);
    if (value > 0) out.push(entity(ctx, token.start, token.end, value, 0.85));
  });
  return out;
}

/** 'counted': a count word follows; 'contextual': a bare number in a message about quantities. */
function quantityKind(
  tokens: readonly Token[],
  m: NumberMention,
  countContext: boolean,
): 'counted' | 'contextual' | null {
  if (!isPlausibleCount(tokens, m)) return null;
  const next = tokens[m.endToken];
  if (next && (COUNT_MARKERS.has(next.norm) || isNounish(next.norm))) {
    return STREET.test(tokens[m.endToken + 1]?.norm ?? '') ? null : 'counted';
  }
  const prev = tokens[m.firstToken - 1];
  if (countContext && m.value <= 100 && prev && COUNT_VERBS.has(prev.norm)) return 'contextual';
  return null;
}

function isPlausibleCount(tokens: readonly Token[], m: NumberMention): boolean {
  if (!Number.isInteger(m.value) || m.value > MAX_QUANTITY) return false;
  // Four-digit years ("the 2025 edition") are not counts.
  if (m.kind === 'digits' && m.value >= 1900 && m.value <= 2100) return false;
  const prev = tokens[m.firstToken - 1];
  const next = tokens[m.endToken];
  // "US 9" is a shoe size, "send us 2 shirts" is not: only the upper-case region code counts.
  if (prev && /^(?:US|UK|EU)$/.test(prev.text)) return false;
  if (prev && (LABELS.has(prev.norm) || (PREFIX_SYMBOLS.has(prev.text) && prev.end === m.start))) return false;
  if (prev && isGluedTo(prev, tokens[m.firstToken])) return false;
  return !(next && next.start === m.end && SUFFIX_SYMBOLS.has(next.text));
}

/** True when `b` starts right where `a` ends (no space), e.g. "ORD" "7731" or "3" "/". */
function isGluedTo(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start && /[\p{L}\p{N}]$/u.test(a.text);
}

function entity(ctx: RuleContext, start: number, end: number, value: number, confidence: number): RuleEntity {
  return {
    entity: 'quantity',
    value,
    text: ctx.text.slice(start, end),
    start,
    end,
    confidence,
    extractor: 'quantity',
  };
}
