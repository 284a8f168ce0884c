/**
 * Finds the numbers in a tokenized message once, so the money, quantity and
 * date rules read them the same way: digit tokens (with "1,200" thousands
 * groups re-joined, since the tokenizer splits at commas) and number words.
 */
import type { Token } from '../tokenizer';
import { NUMBER_WORDS, parseNumberWords } from './number-words';

/** A number in the message. `firstToken`/`endToken` index the token array (end exclusive). */
export interface NumberMention {
  value: number;
  start: number;
  end: number;
  firstToken: number;
  endToken: number;
  kind: 'digits' | 'words';
}

const DIGITS = /^\d+(?:\.\d+)?$/;
const GROUP_HEAD = /^\d{1,3}$/;
const GROUP = /^\d{3}(?:\.\d+)?$/;
const STARTERS = new Set([...NUMBER_WORDS, 'a', 'an', 'half']);
/** Longest word number worth reading ("two hundred and thirty four thousand ..."). */
const MAX_WORDS = 10;

/** All numbers in `tokens`, in order, non-overlapping. */
export function findNumbers(tokens: readonly Token[]): NumberMention[] {
  const out: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    const mention = DIGITS.test(token.text) ? readDigits(tokens, i) : readWords(tokens, i);
    if (mention) {
      out.push(mention);
      i = mention.endToken;
    } else {
      i += 1;
    }
  }
  return out;
}

function readDigits(tokens: readonly Token[], i: number): NumberMention {
  const first = tokens[i] as Token;
  let text = first.text;
  let last = i;
  // "1,200,000": head of 1-3 digits, then ",ddd" groups glued without spaces.
  if (GROUP_HEAD.test(text)) {
    for (;;) {
      const comma = tokens[last + 1];
      const group = tokens[last + 2];
      const prev = tokens[last] as Token;
      if (!comma || !group || comma.text !== ',' || comma.start !== prev.end || group.start !== comma.end) break;
      if (!GROUP.test(group.text)) break;
      text += group.text;
      last += 2;
      if (group.text.includes('.')) break;
    }
  }
  const end = (tokens[last] as Token).end;
  return {
    value: Number(text),
    start: first.start,
    end,
    firstToken: i,
    endToken: last + 1,
    kind: 'digits',
  };
}

function readWords(tokens: readonly Token[], i: number): NumberMention | null {
  const first = tokens[i] as Token;
  if (!STARTERS.has(first.norm) && !first.norm.includes('-')) return null;
  const words: string[] = [];
  for (let j = i; j < tokens.length && words.length < MAX_WORDS; j++) words.push((tokens[j] as Token).norm);
  const parsed = parseNumberWords(words);
  if (!parsed) return null;
  const endToken = i + parsed.consumed;
  const last = tokens[endToken - 1] as Token;
  return {
    value: parsed.value,
    start: first.start,
    end: last.end,
    firstToken: i,
    endToken,
    kind: 'words',
  };
}
