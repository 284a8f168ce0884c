/**
 * English number words ("fifty", "two hundred and five", "a dozen",
 * "a couple") to numbers, up to the millions. Shoppers type quantities and
 * prices in words as often as in digits, and money, quantity and date rules
 * all need the same reading.
 */

// prettier-ignore
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
// prettier-ignore
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
// prettier-ignore
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1000, million: 1_000_000 };

/** Every word that can start or continue a number (for cheap pre-checks and regexes). */
export const NUMBER_WORDS: readonly string[] = [
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  'hundred',
  ...Object.keys(SCALES),
  'dozen',
];

/** Result of {@link parseNumberWords}. */
export interface ParsedNumber {
  value: number;
  /** How many of the given words the number used. */
  consumed: number;
}

type Last = 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and';

/**
 * Reads a number from the start of `words` (lower-cased). Returns null when
 * the first word does not start a number. Stops at the first word that would
 * make an ungrammatical number, so "one two" reads as 1 (consuming one word).
 */
export function parseNumberWords(words: readonly string[]): ParsedNumber | null {
  const [w0, w1, w2] = words;
  if (w0 === 'half' && w1 === 'a' && w2 === 'dozen') return { value: 6, consumed: 3 };
  if (w0 === 'a' || w0 === 'an') {
    if (w1 === 'couple' || w1 === 'pair') return { value: 2, consumed: 2 };
    if (w1 === 'dozen') return { value: 12, consumed: 2 };
    if (w1 !== 'hundred' && w1 !== 'thousand' && w1 !== 'million') return null;
    const rest = parseNumberWords(['one', ...words.slice(1)]);
    return rest && { value: rest.value, consumed: rest.consumed };
  }
  let total = 0;
  let current = 0;
  let last: Last = 'none';
  let consumed = 0;
  let lastScale = Infinity;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const step = readWord(word);
    if (word === 'and') {
      if (last !== 'hundred' && last !== 'scale') break;
      last = 'and';
      continue;
    }
    if (!step) break;
    if (step.kind === 'small') {
      const v = step.value;
      const afterTens = last === 'tens' && v < 10;
      if (!afterTens && !['none', 'hundred', 'scale', 'and'].includes(last)) break;
      current += v;
      last = v < 10 ? 'unit' : v < 20 ? 'teen' : 'tens';
    } else if (step.kind === 'hundred') {
      if ((last !== 'unit' && last !== 'teen') || current >= 100) break;
      current *= 100;
      last = 'hundred';
    } else if (step.kind === 'dozen') {
      if (last !== 'unit' && last !== 'teen' && last !== 'tens') break;
      current *= 12;
      consumed = i + 1;
      break;
    } else {
      if (last === 'none' || last === 'and' || last === 'scale' || step.value >= lastScale) break;
      total += current * step.value;
      current = 0;
      lastScale = step.value;
      last = 'scale';
    }
    consumed = i + 1;
  }
  return consumed === 0 ? null : { value: total + current, consumed };
}

interface WordStep {
  kind: 'small' | 'hundred' | 'dozen' | 'scale';
  value: number;
}

function readWord(word: string): WordStep | null {
  const small = UNITS[word] ?? TEENS[word] ?? TENS[word];
  if (small !== undefined) return { kind: 'small', value: small };
  if (word === 'hundred') return { kind: 'hundred', value: 100 };
  if (word === 'dozen') return { kind: 'dozen', value: 12 };
  const scale = SCALES[word];
  if (scale !== undefined) return { kind: 'scale', value: scale };
  // "twenty-five" arrives as one token from the tokenizer.
  const hyphen = /^([a-z]+)-([a-z]+)$/.exec(word);
  const tens = hyphen?.[1] !== undefined ? TENS[hyphen[1]] : undefined;
  const unit = hyphen?.[2] !== undefined ? UNITS[hyphen[2]] : undefined;
  if (tens !== undefined && unit !== undefined && unit > 0) return { kind: 'small', value: tens + unit };
  return null;
}

/**
 * Reads a phrase that must be a number as a whole: digits, "a"/"an" (= 1),
 * "a couple (of)", "a few" is not a number. Used by the date rules' captures.
 */
export function phraseToNumber(phrase: string): number | null {
  const trimmed = phrase.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'a' || trimmed === 'an') return 1;
  const words = trimmed.split(/\s+/).filter((w) => w !== 'of');
  const parsed = parseNumberWords(words);
  return parsed && parsed.consumed === words.length ? parsed.value : null;
}
