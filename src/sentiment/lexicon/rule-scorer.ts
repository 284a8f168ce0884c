/**
 * Lexicon scoring with VADER-style rules (Hutto & Gilbert 2014): intensifiers
 * scale a word, negation flips and damps it (x -0.74), words before "but" count
 * half and after it one and a half, CAPS and "!" add emphasis. Its outputs are
 * features of the learnt model, not the model's answer.
 */
import type { SentimentToken } from '../text/analyze';
import type { Lexicon } from './lexicon';

const NEGATION_SCALAR = -0.74;
const CAPS_INCREMENT = 0.733;
const EXCLAMATION_INCREMENT = 0.292;

export interface RuleScore {
  /** Per token: its valence after the rules (0 for words the lexicon lacks). */
  tokenValence: Float32Array;
  /** Per token: its raw lexicon valence. */
  rawValence: Float32Array;
  /** Sum of adjusted valences squashed to -1..1 like VADER's compound. */
  compound: number;
  positive: number;
  negative: number;
  /** Sentence-level features fed to the model (length RULE_FEATURES). */
  features: Float32Array;
}

/** Number of sentence-level rule features. */
export const RULE_FEATURES = 10;

/** Scores analysed tokens with `lexicon`. */
export function ruleScore(tokens: readonly SentimentToken[], lexicon: Lexicon): RuleScore {
  const n = tokens.length;
  const tokenValence = new Float32Array(n);
  const rawValence = new Float32Array(n);
  let positive = 0;
  let negative = 0;
  let opinionWords = 0;
  let negations = 0;
  let exclamations = 0;
  let contrast = 0;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    if (token.text === '!') exclamations += 1;
    if (token.contrast !== 'none') contrast = 1;
    const raw = lexicon.valence(token.norm);
    rawValence[i] = raw;
    if (raw === 0) continue;
    let v = raw * token.boost;
    if (token.emphasis) v += Math.sign(v) * CAPS_INCREMENT;
    if (token.negated) {
      v *= NEGATION_SCALAR;
      negations += 1;
    }
    if (token.contrast === 'before') v *= 0.5;
    else if (token.contrast === 'after') v *= 1.5;
    tokenValence[i] = v;
    opinionWords += 1;
    if (v > 0) positive += v;
    else negative -= v;
  }
  let sum = positive - negative;
  if (sum !== 0) sum += Math.sign(sum) * Math.min(4, exclamations) * EXCLAMATION_INCREMENT;
  const compound = sum / Math.sqrt(sum * sum + 15);
  const words = Math.max(1, tokens.filter((t) => !t.symbol).length);
  const features = Float32Array.from([
    compound,
    positive / (positive + negative + 1),
    negative / (positive + negative + 1),
    Math.tanh(positive / 4),
    Math.tanh(negative / 4),
    opinionWords / words,
    Math.min(1, negations / 2),
    contrast,
    Math.min(1, exclamations / 3),
    Math.min(1, Math.log1p(words) / 4),
  ]);
  return { tokenValence, rawValence, compound, positive, negative, features };
}
