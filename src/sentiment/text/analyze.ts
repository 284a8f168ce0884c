/**
 * Turns a review into tokens annotated for sentiment: negation scope (the
 * classic NOT_ marking, from a negator up to the next punctuation or contrast
 * word), intensifier boosts, the side of a contrast ("great fit | but the
 * zipper broke") and emphasis. Emoticons such as ":-)" become one token.
 */
import { tokenize, type Token } from '../../nlu/tokenizer';
import { CONCESSIVE_OPENERS, CONTRAST_AFTER, INTENSIFIERS, NEGATION_EXCEPTIONS, NEGATORS, SCOPE_BREAKERS } from './word-lists';

export type ContrastSide = 'none' | 'before' | 'after';

export interface SentimentToken extends Token {
  /** Inside a negation scope ("not [bad at all]"). */
  negated: boolean;
  contrast: ContrastSide;
  /** Multiplier from preceding intensifiers ("really good" 1.35, "slightly off" 0.65). */
  boost: number;
  /** An ALL-CAPS word in a text that is not all caps. */
  emphasis: boolean;
  /** Punctuation or symbol (emoji included). */
  symbol: boolean;
  /** Index of the sentence the token is in. */
  sentence: number;
}

const EMOTICON = /(?<![\p{L}\p{N}])(?:[:;=][-'^o]?[)(\]\[dDpP/\\|*3oO]|<3|\^_?\^|[)(][-'^]?[:;=])(?![\p{L}\p{N}])/gu;
const INVISIBLE = /^[\uFE0E\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]+$/u;
const SENTENCE_END = new Set(['.', '!', '?', '…']);

/** Word tokens plus one token per emoticon; drops emoji modifiers (variation selectors, skin tones, joiners). */
export function sentimentTokens(text: string): Token[] {
  const emoticons = [...text.matchAll(EMOTICON)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
  const out: Token[] = [];
  let e = 0;
  for (const token of tokenize(text)) {
    if (INVISIBLE.test(token.text)) continue;
    while (e < emoticons.length && emoticons[e]!.end <= token.start) e++;
    const emo = emoticons[e];
    if (emo && token.start >= emo.start && token.end <= emo.end) {
      if (out.at(-1)?.start !== emo.start) out.push({ text: emo.text, norm: emo.text.toLowerCase(), start: emo.start, end: emo.end });
      continue;
    }
    out.push(token);
  }
  return out;
}

function isSymbol(token: Token): boolean {
  return !/[\p{L}\p{N}]/u.test(token.text);
}

function markNegation(tokens: readonly Token[], negated: boolean[]): void {
  let inScope = false;
  tokens.forEach((token, i) => {
    const word = token.norm;
    if (SCOPE_BREAKERS.has(word)) {
      inScope = false;
      return;
    }
    if (NEGATORS.has(word) || word.endsWith("n't")) {
      const next = tokens[i + 1]?.norm ?? '';
      inScope = !NEGATION_EXCEPTIONS.has(`${word} ${next}`);
      return;
    }
    negated[i] = inScope;
  });
}

function markContrast(tokens: readonly Token[], sentences: readonly number[], contrast: ContrastSide[]): void {
  const bySentence: number[][] = [];
  sentences.forEach((s, i) => (bySentence[s] ??= []).push(i));
  for (const indices of bySentence) {
    if (!indices) continue;
    const words = indices.map((i) => tokens[i]!.norm);
    const first = words[0] ?? '';
    let pivot = -1;
    if (CONCESSIVE_OPENERS.has(first) && (first !== 'even' || words[1] === 'though')) {
      pivot = words.indexOf(',');
    } else {
      // The last marker wins: "ok but pricey, but I love it".
      for (let k = words.length - 2; k > 0 && pivot < 0; k--) if (CONTRAST_AFTER.has(words[k]!)) pivot = k;
    }
    if (pivot <= 0) continue;
    indices.forEach((tokenIndex, k) => {
      if (k < pivot) contrast[tokenIndex] = 'before';
      else if (k > pivot) contrast[tokenIndex] = 'after';
    });
  }
}

/** Annotates the tokens of `text` for the lexicon scorer and the featurizer. */
export function analyzeText(text: string): SentimentToken[] {
  const tokens = sentimentTokens(text);
  const n = tokens.length;
  const negated = new Array<boolean>(n).fill(false);
  const contrast = new Array<ContrastSide>(n).fill('none');
  const sentences: number[] = [];
  let sentence = 0;
  for (const token of tokens) {
    sentences.push(sentence);
    if (SENTENCE_END.has(token.text)) sentence += 1;
  }
  markNegation(tokens, negated);
  markContrast(tokens, sentences, contrast);
  const shouting = text === text.toUpperCase();
  return tokens.map((token, i) => {
    let boost = 1;
    for (let back = 1; back <= 2; back++) {
      const prev = tokens[i - back];
      const factor = prev ? INTENSIFIERS.get(prev.norm) : undefined;
      if (factor === undefined) break;
      boost *= factor;
    }
    const emphasis = !shouting && token.text.length > 1 && /\p{Lu}/u.test(token.text) && token.text === token.text.toUpperCase();
    // Explicit fields: an object spread here was half the cost of scoring a text.
    return { text: token.text, norm: token.norm, start: token.start, end: token.end, negated: negated[i]!, contrast: contrast[i]!, boost, emphasis, symbol: isSymbol(token), sentence: sentences[i]! };
  });
}
