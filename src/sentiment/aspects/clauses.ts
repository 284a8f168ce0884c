/**
 * Splits a review into clauses, each with its character span, so every aspect
 * mention is judged on its own words: "Love the color | but it runs small |
 * and the strap broke after a week". Boundaries: sentence ends, semicolons,
 * commas, dashes, contrast words (but, however, although...), and "and" when
 * a new subject and verb follow it ("and the strap broke", not "soft and cozy").
 */
import type { Token } from '../../nlu/tokenizer';
import { sentimentTokens } from '../text/analyze';

export interface Clause {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}

const HARD_BREAKS = new Set(['.', '!', '?', ';', '…', ',', '-', '–', '—', '(', ')', ':']);
const CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet', 'whereas', 'except', 'unfortunately', 'sadly']);
const SUBJECT_STARTERS = new Set(['the', 'it', "it's", 'its', 'they', "they're", 'their', 'i', "i'm", "i've", 'my', 'this', 'that', 'these', 'those', 'he', 'she', 'we', 'you', 'our', 'your', 'his', 'her', 'there', 'shipping', 'delivery', 'customer', 'support', 'everything', 'nothing', 'one']);
const VERB =
  /^(is|are|was|were|be|been|am|has|have|had|do|does|did|can|could|will|would|should|may|might|must|feels?|felt|looks?|fits?|runs?|ran|seems?|works?|gets?|got|came|comes|took|takes|makes?|made|keeps?|kept|broke|breaks|fell|falls|tore|lasted|lasts|smells?|sounds?|arrives?|stops?|starts?|went|goes|gave|gives|holds?|held|needs?|wants?|love[sd]?|hate[sd]?|like[sd]?|[a-z]+ed|[a-z]+n't|isnt|wasnt|doesnt|didnt)$/;

function startsNewClause(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || !SUBJECT_STARTERS.has(next.norm)) return false;
  for (let k = i + 1; k < tokens.length && k <= i + 6; k++) {
    const word = tokens[k]!.norm;
    if (HARD_BREAKS.has(word) || CONTRAST.has(word)) return false;
    if (VERB.test(word) || word.endsWith("'s")) return true;
  }
  return false;
}

/** Clauses of `text`, in order, each spanning exactly `text.slice(start, end)`. */
export function splitClauses(text: string): Clause[] {
  const tokens = sentimentTokens(text);
  const clauses: Clause[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.some((t) => /[\p{L}\p{N}]/u.test(t.text))) {
      const start = current[0]!.start;
      const end = current.at(-1)!.end;
      clauses.push({ text: text.slice(start, end), start, end, tokens: current });
    }
    current = [];
  };
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const lineBreak = previous !== undefined && text.slice(previous.end, token.start).includes('\n');
    if (lineBreak) flush();
    if (HARD_BREAKS.has(token.norm) || CONTRAST.has(token.norm) || ((token.norm === 'and' || token.norm === 'so') && startsNewClause(tokens, i))) {
      flush();
      return;
    }
    current.push(token);
  });
  flush();
  return clauses;
}
