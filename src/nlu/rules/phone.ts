/**
 * Phone numbers: international (+44 20 7946 0958, +1 (415) 555-0132), US
 * ((555) 123-4567, 555.123.4567, 5551234567, 555-1234) and national numbers
 * with a trunk 0 (020 7946 0958). Unformatted digit runs under 10 digits are
 * left alone: those are far more often order numbers.
 */
import { matchesOf } from './patterns';
import type { RuleContext, RuleEntity } from './types';

const SEP = '[ .\\-]?';
const NOT_BEFORE = '(?<![\\p{L}\\p{N}+#$€£/.\\-])';
const NOT_AFTER = '(?![\\p{L}\\p{N}/]|[.\\-]\\d)';

const PATTERNS: { re: RegExp; confidence: number }[] = [
  // International: "+" country code, then 2-5 groups.
  {
    re: new RegExp(`${NOT_BEFORE}\\+\\d{1,3}(?:${SEP}\\(?\\d{1,4}\\)?){2,5}${NOT_AFTER}`, 'gu'),
    confidence: 0.95,
  },
  // US/NANP 10 digits, optional leading 1.
  {
    re: new RegExp(`${NOT_BEFORE}(?:1${SEP})?(?:\\(\\d{3}\\) ?|\\d{3}${SEP})\\d{3}${SEP}\\d{4}${NOT_AFTER}`, 'gu'),
    confidence: 0.9,
  },
  // US 7-digit local number; the separator is required to tell it from an id.
  {
    re: new RegExp(`${NOT_BEFORE}\\d{3}[ .\\-]\\d{4}${NOT_AFTER}`, 'gu'),
    confidence: 0.75,
  },
  // National number with trunk prefix 0 (UK, EU).
  {
    re: new RegExp(`${NOT_BEFORE}0\\d{2,4}${SEP}\\d{3,4}${SEP}\\d{3,4}${NOT_AFTER}`, 'gu'),
    confidence: 0.85,
  },
];

/** Phones with at least 7 and at most 15 digits; the value is "+" (if typed) and the digits. */
export function extractPhones({ text }: RuleContext): RuleEntity[] {
  const out: RuleEntity[] = [];
  for (const { re, confidence } of PATTERNS) {
    for (const m of matchesOf(re, text)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 7 || digits.length > 15) continue;
      if (!balancedParens(m[0])) continue;
      const value = (m[0].startsWith('+') ? '+' : '') + digits;
      const end = m.index + m[0].length;
      out.push({
        entity: 'phone',
        value,
        text: m[0],
        start: m.index,
        end,
        confidence,
        extractor: 'phone',
      });
    }
  }
  return out;
}

function balancedParens(s: string): boolean {
  const open = (s.match(/\(/g) ?? []).length;
  const close = (s.match(/\)/g) ?? []).length;
  return open === close;
}
