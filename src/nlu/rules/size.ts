/**
 * Sizes (entity `size`): clothing and shoe sizes ("size 10", "size 8.5",
 * "size M", "a medium", "XL", "32x30", "US 9"), bed sizes ("queen",
 * "king") and capacities ("128GB", "15kg"). Values are normalised so the
 * catalogue can compare them: "medium" -> "M", "extra large" -> "XL",
 * "size 9" -> "9". Ambiguous forms need support from their surroundings:
 * single letters (S/M/L) only in upper case, size words not when they
 * describe a following noun ("a small change"), bed sizes only in messages
 * about bedding.
 */
import { B, E, groupSpan, matchesOf } from './patterns';
import { isNounish } from './words';
import type { RuleContext, RuleEntity } from './types';

// prettier-ignore
const WORD_SIZES: Record<string, string> = {
  'extra small': 'XS', 'x small': 'XS', xsmall: 'XS', small: 'S', medium: 'M', large: 'L',
  'extra large': 'XL', 'x large': 'XL', xlarge: 'XL', 'extra extra large': 'XXL', 'xx large': 'XXL',
};
const WORD_ALT = Object.keys(WORD_SIZES)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '[ -]'))
  .join('|');
const LETTER_ALT = 'XXXL|XXL|XXS|XS|XL|[2-5]XL|S|M|L';
const NUMERIC = '\\d{1,2}(?:\\.5)?';
const BED_ALT = 'california\\s+king|super\\s+king|twin\\s+xl|twin|full|queen|king|single|double';
const BEDDING =
  /(?<![\p{L}])(?:bed|beds|mattress|duvet|sheets?|comforter|quilt|topper|bedding|linen|bedspread|headboard)(?![\p{L}])/iu;
/** A bedding noun within the next two words ("queen duvet", "king size bed"). */
const BEDDING_NEXT = new RegExp(`^\\s+(?:[\\p{L}-]+\\s+)?(?:${BEDDING.source})`, 'iu');
/** Words before a size word that make it a description ("too small", "runs large"). */
// prettier-ignore
const NOT_SIZE_BEFORE = new Set([
  'too', 'very', 'so', 'really', 'quite', 'bit', 'pretty', 'fairly', 'extremely', 'runs', 'run', 'seems', 'looks',
  'feels', 'how', 'is', 'are', 'was', 'were',
]);
/** Words after a size word that still leave it a size ("medium available", "large in black"). */
const SIZE_FOLLOWERS = new Set(['available', 'size', 'sizes', 'instead', 'please', 'pls', 'one', 'ones', 'version']);

type Check = 'free-word' | 'bedding';

interface SizeRule {
  re: RegExp;
  confidence: number;
  value: (g: Record<string, string | undefined>) => string;
  /** Group whose span is the entity (default: the whole match). */
  group?: string;
  check?: Check;
}

const RULES: SizeRule[] = [
  {
    re: new RegExp(`${B}(?:size|sz)(?:\\s*:\\s*|\\s+)(?<v>${NUMERIC}|${WORD_ALT}|${LETTER_ALT})${E}`, 'giud'),
    confidence: 0.95,
    value: (g) => normalise(g.v),
  },
  // "US 9", "EU 42": upper case only, "us" is a pronoun.
  {
    re: new RegExp(`${B}(?<r>US|UK|EU)\\s?(?<v>${NUMERIC})${E}`, 'gud'),
    confidence: 0.9,
    value: (g) => `${g.r} ${g.v}`,
  },
  {
    re: new RegExp(`${B}(?<w>\\d{2})\\s?[xX×]\\s?(?<l>\\d{2})${E}`, 'gud'),
    confidence: 0.9,
    value: (g) => `${g.w}x${g.l}`,
  },
  {
    re: new RegExp(`${B}(?<n>\\d{1,4}(?:\\.\\d)?)\\s?(?<u>GB|TB|kg|ml)${E}`, 'giud'),
    confidence: 0.85,
    value: (g) => `${g.n}${/^[gt]b$/i.test(g.u ?? '') ? (g.u ?? '').toUpperCase() : (g.u ?? '').toLowerCase()}`,
  },
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}'’.\\-])(?<v>XXXL|XXL|XXS|XS|XL|[2-5]XL)(?![\\p{L}\\p{N}'’\\-])`, 'giud'),
    confidence: 0.85,
    value: (g) => normalise(g.v),
  },
  {
    re: new RegExp(`(?<![\\p{L}\\p{N}'’.\\-&])(?<v>S|M|L)(?![\\p{L}\\p{N}'’\\-&]|\\.\\p{L})`, 'gud'),
    confidence: 0.7,
    value: (g) => g.v ?? '',
  },
  {
    re: new RegExp(`${B}(?<v>${WORD_ALT})${E}`, 'giud'),
    confidence: 0.8,
    value: (g) => normalise(g.v),
    check: 'free-word',
  },
  {
    re: new RegExp(`${B}plus[ -]size${E}`, 'giud'),
    confidence: 0.85,
    value: () => 'plus',
  },
  {
    re: new RegExp(`${B}(?<v>${BED_ALT})${E}`, 'giud'),
    confidence: 0.75,
    value: (g) => (g.v ?? '').toLowerCase().replace(/\s+/g, ' '),
    check: 'bedding',
  },
];

/** Sizes, see the module comment. */
export function extractSizes({ text }: RuleContext): RuleEntity[] {
  const out: RuleEntity[] = [];
  const aboutBedding = BEDDING.test(text);
  for (const rule of RULES) {
    if (rule.check === 'bedding' && !aboutBedding) continue;
    for (const m of matchesOf(rule.re, text)) {
      const [start, end] = groupSpan(m, rule.group);
      if (rule.check === 'free-word' && !freeStanding(text, start, end)) continue;
      if (rule.check === 'bedding' && !BEDDING_NEXT.test(text.slice(end, end + 40)) && !freeStanding(text, start, end))
        continue;
      const value = rule.value(m.groups ?? {});
      if (value === '') continue;
      out.push({
        entity: 'size',
        value,
        text: text.slice(start, end),
        start,
        end,
        confidence: rule.confidence,
        extractor: 'size',
      });
    }
  }
  return out;
}

/** "a medium please", "large in black": yes. "a small change", "too small": no. */
function freeStanding(text: string, start: number, end: number): boolean {
  const before = /([\p{L}']+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1]?.toLowerCase();
  if (before !== undefined && NOT_SIZE_BEFORE.has(before)) return false;
  const after = /^\s+([\p{L}'\-]+)/u.exec(text.slice(end, end + 30))?.[1]?.toLowerCase();
  return after === undefined || SIZE_FOLLOWERS.has(after) || !isNounish(after);
}

/** "medium" -> "M", "xl" -> "XL", "extra-large" -> "XL", "8.5" stays "8.5". */
function normalise(raw: string | undefined): string {
  const lower = (raw ?? '').toLowerCase().replace(/[\s-]+/g, ' ');
  return WORD_SIZES[lower] ?? (raw ?? '').toUpperCase();
}
