/**
 * Money (entity `amount`): "$50", "50 bucks", "€30", "fifty dollars", with
 * the price constraints shoppers put around them: "under 50 bucks" ->
 * {max}, "over $100" -> {min}, "between 20 and 40 dollars" / "$20-$40" ->
 * {min, max}, "around $60" -> ±20%. The qualifier words are not part of the
 * span (as in the training annotations); they only shape the value.
 */
import type { Token } from '../tokenizer';
import type { NumberMention } from './numbers';
import { CURRENCY, CURRENCY_CODES, CURRENCY_SYMBOLS, STOPWORDS } from './words';
import type { RuleContext, RuleEntity } from './types';

/** The value of an `amount` entity. */
export interface MoneyValue {
  amount?: number;
  /** For discounts ("20% off"); no currency then. */
  percent?: number;
  min?: number;
  max?: number;
  approx?: true;
  /** ISO code; absent only for percentages. */
  currency?: string;
}

/** Currency assumed when a bare number is clearly a price bound ("more than 100"). */
const DEFAULT_CURRENCY = 'USD';
/** Bounds strong enough to make a bare number a price ("up to 5" is usually a count). */
// prettier-ignore
const BARE_BOUNDS = new Set([
  'under', 'below', 'less than', 'cheaper than', 'at most', 'no more than', 'over', 'above', 'more than', 'at least',
]);
const DISCOUNT_CONTEXT = /(?<![\p{L}])(?:discount|coupon|promo|sale|save|saving|cashback|voucher|reduction)/iu;
const PERCENT = /(?<![\p{L}\p{N}.])(\d{1,3}(?:\.\d+)?)\s?%(?:\s+off(?![\p{L}]))?/gu;

type Qualifier = 'max' | 'min' | 'approx' | 'between';
// prettier-ignore
const QUALIFIERS: [string[], Qualifier][] = [
  [['no', 'more', 'than'], 'max'], [['not', 'more', 'than'], 'max'], [['less', 'than'], 'max'],
  [['cheaper', 'than'], 'max'], [['lower', 'than'], 'max'], [['at', 'most'], 'max'], [['up', 'to'], 'max'],
  [['under'], 'max'], [['below'], 'max'], [['max'], 'max'], [['maximum'], 'max'], [['within'], 'max'], [['<'], 'max'],
  [['no', 'less', 'than'], 'min'], [['more', 'than'], 'min'], [['greater', 'than'], 'min'],
  [['higher', 'than'], 'min'], [['at', 'least'], 'min'], [['upwards', 'of'], 'min'], [['starting', 'at'], 'min'],
  [['over'], 'min'], [['above'], 'min'], [['min'], 'min'], [['minimum'], 'min'], [['>'], 'min'],
  [['close', 'to'], 'approx'], [['around'], 'approx'], [['about'], 'approx'], [['approximately'], 'approx'],
  [['approx'], 'approx'], [['roughly'], 'approx'], [['circa'], 'approx'], [['~'], 'approx'],
  [['between'], 'between'], [['from'], 'between'],
];
/** Qualifiers by their last word (the one right before the number), longest phrase first. */
const QUALIFIERS_BY_LAST = new Map<string, [string[], Qualifier][]>();
// Longest phrase first, so "no less than" is not read as "less than".
for (const q of [...QUALIFIERS].sort((a, b) => b[0].length - a[0].length)) {
  const last = q[0][q[0].length - 1] ?? '';
  QUALIFIERS_BY_LAST.set(last, [...(QUALIFIERS_BY_LAST.get(last) ?? []), q]);
}
const RANGE_WORDS = new Set(['-', '–', '—', 'to']);
const RANGE_TOKEN = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/;

interface Atom {
  start: number;
  end: number;
  value: number;
  currency: string | null;
  firstToken: number;
  endToken: number;
}

/** Amounts of money and price constraints. */
export function extractMoney(ctx: RuleContext): RuleEntity[] {
  const { tokens } = ctx;
  const atoms = ctx.numbers.map((m) => readAtom(tokens, m));
  const out: RuleEntity[] = [];
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k] as Atom;
    const { kind: qualifier, phrase } = qualifierBefore(tokens, a.firstToken);
    const b = atoms[k + 1];
    if (b && isRange(tokens, a, b, qualifier)) {
      const currency = a.currency ?? b.currency ?? DEFAULT_CURRENCY;
      out.push(entity(ctx, a.start, b.end, { min: a.value, max: b.value, currency }, 0.95));
      k += 1;
    } else if (a.currency) {
      out.push(entity(ctx, a.start, a.end, shape(a.value, a.currency, qualifier), 0.95));
    } else if (BARE_BOUNDS.has(phrase) && ctx.numbers[k]?.kind === 'digits' && endsPhrase(tokens[a.endToken])) {
      out.push(entity(ctx, a.start, a.end, shape(a.value, DEFAULT_CURRENCY, qualifier), 0.6));
    }
  }
  out.push(...rangeTokens(ctx));
  for (const m of ctx.text.matchAll(PERCENT)) {
    const start = m.index ?? 0;
    // "100% cotton" and "15% of 80" are not discounts.
    if (!/\soff/i.test(m[0]) && !DISCOUNT_CONTEXT.test(ctx.text)) continue;
    out.push(entity(ctx, start, start + m[0].length, { percent: Number(m[1]) }, 0.9));
  }
  return out;
}

/** A number plus the currency symbol, code or word around it. */
function readAtom(tokens: readonly Token[], m: NumberMention): Atom {
  const atom: Atom = { ...m, currency: null };
  const prev = tokens[m.firstToken - 1];
  if (prev && m.start - prev.end <= 1 && (CURRENCY_SYMBOLS.has(prev.text) || CURRENCY_CODES.has(prev.norm))) {
    atom.currency = CURRENCY[prev.norm] ?? null;
    atom.start = prev.start;
    atom.firstToken -= 1;
  }
  const next = tokens[m.endToken];
  if (!next || next.start - m.end > 1) return atom;
  const isSymbol = CURRENCY_SYMBOLS.has(next.text);
  if ((isSymbol && next.start === m.end && !atom.currency) || (!isSymbol && CURRENCY[next.norm])) {
    atom.currency = CURRENCY[next.norm] ?? atom.currency;
    atom.end = next.end;
    atom.endToken += 1;
  } else if (next.norm === 'cents' || next.norm === 'cent') {
    atom.currency = atom.currency ?? 'USD';
    atom.value = round(atom.value / 100);
    atom.end = next.end;
    atom.endToken += 1;
  }
  return atom;
}

/** "$20-$40", "20 to 40 euros", "between 20 and 40 dollars" (and only with "between"). */
function isRange(tokens: readonly Token[], a: Atom, b: Atom, qualifier: Qualifier | null): boolean {
  if (b.firstToken - a.endToken !== 1 || (!a.currency && !b.currency) || b.value <= a.value) return false;
  const word = tokens[a.endToken]?.norm ?? '';
  if (word === 'and') return qualifier === 'between';
  return RANGE_WORDS.has(word);
}

/** "$20-40" and "20-40 dollars", which the tokenizer keeps as one token. */
function rangeTokens(ctx: RuleContext): RuleEntity[] {
  const out: RuleEntity[] = [];
  ctx.tokens.forEach((token, i) => {
    const m = RANGE_TOKEN.exec(token.text);
    if (!m) return;
    const min = Number(m[1]);
    const max = Number(m[2]);
    if (!(max > min)) return;
    const atom = readAtom(ctx.tokens, {
      value: min,
      start: token.start,
      end: token.end,
      firstToken: i,
      endToken: i + 1,
      kind: 'digits',
    });
    if (atom.currency) out.push(entity(ctx, atom.start, atom.end, { min, max, currency: atom.currency }, 0.95));
  });
  return out;
}

function shape(value: number, currency: string, qualifier: Qualifier | null): MoneyValue {
  if (qualifier === 'max') return { max: value, currency };
  if (qualifier === 'min') return { min: value, currency };
  if (qualifier === 'approx')
    return {
      min: round(value * 0.8),
      max: round(value * 1.2),
      approx: true,
      currency,
    };
  return { amount: value, currency };
}

function qualifierBefore(tokens: readonly Token[], firstToken: number): { kind: Qualifier | null; phrase: string } {
  for (const [words, kind] of QUALIFIERS_BY_LAST.get(tokens[firstToken - 1]?.norm ?? '') ?? []) {
    const from = firstToken - words.length;
    if (from < 0 || !words.every((w, j) => tokens[from + j]?.norm === w)) continue;
    // "what about $50?" / "how about 30 euros" propose a price, they do not approximate one.
    if (kind === 'approx' && words[0] === 'about' && /^(?:what|how)$/.test(tokens[from - 1]?.norm ?? '')) break;
    return { kind, phrase: words.join(' ') };
  }
  return { kind: null, phrase: '' };
}

/** After a bare bound the phrase must end ("more than 100?"), or "more than 3 days" would be money. */
function endsPhrase(next: Token | undefined): boolean {
  return !next || !/[\p{L}\p{N}]/u.test(next.text) || STOPWORDS.has(next.norm);
}

function entity(ctx: RuleContext, start: number, end: number, value: MoneyValue, confidence: number): RuleEntity {
  return {
    entity: 'amount',
    value,
    text: ctx.text.slice(start, end),
    start,
    end,
    confidence,
    extractor: 'money',
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
