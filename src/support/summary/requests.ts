/**
 * Turns the customer's messages into requests: a message with a topical
 * intent opens a request, answers and chit-chat ("48213", "yes", "can I talk
 * to someone") belong to the request before them. A request is resolved when
 * the bot answered it (its flow ran and its tools succeeded) and the customer
 * did not push back afterwards.
 */
import { orderNumbersInEntities, orderNumbersInText, normalizeOrderNumber, unique } from './order-numbers';
import type { NluRecord } from './nlu-record';
import { FOLLOW_UP_INTENTS, PUSH_BACK_INTENTS } from './phrases';
import type { BotActionFact, RequestFact } from './types';

/** One customer message with its stored NLU record (null when it has none). */
export interface CustomerTurn {
  text: string;
  nlu: NluRecord | null;
}

/** Below this the NLU's intent does not open a request of its own. */
const MIN_CONFIDENCE = 0.5;
/** Flow outcomes that leave the request unanswered. */
const UNANSWERED = /^(fallback|ask:|verification|out_of_scope|agent|deny:|clarify)/u;
/** Tools that are not an answer to the request: checking identity, opening this ticket. */
const NOT_AN_ANSWER = new Set(['verify_identity', 'handoff']);

interface Group {
  intent: string | null;
  text: string;
  orderNumbers: string[];
  answered: boolean;
  pushedBack: boolean;
}

function answered(nlu: NluRecord | null): boolean {
  if (!nlu?.handledBy || UNANSWERED.test(nlu.handledBy)) return false;
  const calls = nlu.toolCalls.filter((c) => !NOT_AN_ANSWER.has(c.name));
  return calls.every((c) => c.status === 'ok');
}

function orderNumbersOf(turn: CustomerTurn): string[] {
  const fromTools = (turn.nlu?.toolCalls ?? []).flatMap((c) => normalizeOrderNumber(c.input.orderNumber) ?? []);
  return unique([...orderNumbersInEntities(turn.nlu?.entities ?? []), ...fromTools, ...orderNumbersInText(turn.text)]);
}

/** What the customer asked, what the bot did, and whether they asked for a person. */
export function readTurns(turns: readonly CustomerTurn[]): { requests: RequestFact[]; botActions: BotActionFact[]; askedForHuman: boolean } {
  const groups: Group[] = [];
  const actions: BotActionFact[] = [];
  let askedForHuman = false;
  for (const turn of turns) {
    const intent = turn.nlu?.intent;
    const topical = intent !== undefined && !FOLLOW_UP_INTENTS.has(intent.name) && intent.confidence >= MIN_CONFIDENCE;
    let current = groups[groups.length - 1];
    if (topical && (!current || current.intent !== intent.name)) {
      current = { intent: intent.name, text: turn.text, orderNumbers: [], answered: false, pushedBack: false };
      groups.push(current);
    } else if (!current && !turn.nlu) {
      // No NLU reading at all (another channel, an old row): the words are the request.
      current = { intent: null, text: turn.text, orderNumbers: [], answered: false, pushedBack: false };
      groups.push(current);
    } else if (current && intent && PUSH_BACK_INTENTS.has(intent.name)) {
      current.pushedBack = true;
    }
    if (intent && (intent.name === 'contact_human_agent' || intent.name === 'contact_customer_service')) askedForHuman = true;
    if (turn.nlu?.toolCalls.some((c) => c.name === 'handoff')) askedForHuman = true;
    if (current) {
      current.orderNumbers = unique([...current.orderNumbers, ...orderNumbersOf(turn)]);
      if (answered(turn.nlu)) current.answered = true;
    }
    for (const call of turn.nlu?.toolCalls ?? []) {
      if (call.name === 'handoff') continue;
      actions.push({ tool: call.name, status: call.status, orderNumber: normalizeOrderNumber(call.input.orderNumber) });
    }
  }
  return {
    requests: groups.map((g) => ({ intent: g.intent, text: g.text, orderNumbers: g.orderNumbers, resolved: g.answered && !g.pushedBack })),
    botActions: actions,
    askedForHuman,
  };
}

/** The last request that is not resolved, in the customer's words. */
export function openQuestionOf(requests: readonly RequestFact[]): string | null {
  for (let i = requests.length - 1; i >= 0; i--) if (!requests[i]!.resolved) return requests[i]!.text;
  return null;
}

/** Every order number the customer mentioned or the bot looked up, in order of first mention. */
export function mentionedOrderNumbers(turns: readonly CustomerTurn[]): string[] {
  return unique(turns.flatMap(orderNumbersOf));
}
