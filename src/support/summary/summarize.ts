/**
 * The agent summary: at most 100 words, the same facts always giving the same
 * text, and nothing that is not in the facts. Sections: customer, orders,
 * wants, what the bot tried, sentiment trend, open question. When the text is
 * too long, lists and quotes are shortened before anything is dropped.
 */
import { money, orderStatusPhrase, statusPhrase, toolPhrase, wantsPhrase } from './phrases';
import type { BotActionFact, OrderFact, RequestFact, TicketFacts } from './types';

/** Hard limit on summary length, in words. */
export const SUMMARY_MAX_WORDS = 100;

interface Budget {
  /** Items shown per list before "+N more". */
  items: number;
  /** Words of a quoted customer sentence. */
  quoteWords: number;
}

const BUDGETS: readonly Budget[] = [
  { items: 4, quoteWords: 18 },
  { items: 3, quoteWords: 12 },
  { items: 2, quoteWords: 8 },
  { items: 1, quoteWords: 6 },
];

const words = (text: string) => text.split(/\s+/u).filter(Boolean);

function quote(text: string, max: number): string {
  const w = words(text.replace(/["“”]/gu, "'"));
  return `"${w.length > max ? `${w.slice(0, max).join(' ')}…` : w.join(' ')}"`;
}

function list(items: string[], max: number): string {
  const shown = items.slice(0, max);
  return items.length > max ? `${shown.join('; ')}; +${items.length - max} more` : shown.join('; ');
}

function customerSection(facts: TicketFacts): string {
  const { customer: c } = facts;
  if (c.verified) return `Customer: ${c.name ?? 'unknown name'}${c.email ? ` <${c.email}>` : ''} (verified).`;
  if (!c.email) return 'Customer: not verified, no email given.';
  return c.emailMatchesRecord
    ? `Customer: not verified; gave ${c.email}, which matches ${c.name}'s record.`
    : `Customer: not verified; gave ${c.email} (no store record).`;
}

function orderText(o: OrderFact): string {
  if (!o.found) return `#${o.number} not found`;
  const total = o.totalCents === null ? '' : `, ${money(o.totalCents, o.currency)}`;
  const owner = o.ownedByCustomer === false ? ", another customer's order" : '';
  return `#${o.number} ${orderStatusPhrase(o.status ?? 'unknown')}${total}${owner}`;
}

function wantText(r: RequestFact, budget: Budget): string {
  const phrase = r.intent ? wantsPhrase(r.intent) : undefined;
  if (!phrase) return quote(r.text, budget.quoteWords);
  return r.orderNumbers.length ? `${phrase} ${r.orderNumbers.map((n) => `#${n}`).join(', ')}` : phrase;
}

/** Identical consecutive actions are counted, not repeated ("identity check refused ×3"). */
function actionTexts(actions: readonly BotActionFact[]): string[] {
  const out: Array<{ text: string; count: number }> = [];
  for (const a of actions) {
    const text = `${toolPhrase(a.tool)}${a.orderNumber ? ` #${a.orderNumber}` : ''} ${statusPhrase(a.status)}`;
    const last = out[out.length - 1];
    if (last && last.text === text) last.count++;
    else out.push({ text, count: 1 });
  }
  return out.map((a) => (a.count > 1 ? `${a.text} ×${a.count}` : a.text));
}

/** "neutral, neutral, negative" -> "neutral -> negative". */
function trend(labels: readonly string[]): string {
  return labels.filter((l, i) => i === 0 || l !== labels[i - 1]).join(' -> ');
}

function render(facts: TicketFacts, budget: Budget): string {
  const parts = [customerSection(facts)];
  if (facts.orders.length) parts.push(`Orders: ${list(facts.orders.map(orderText), budget.items)}.`);
  const wants = facts.requests.map((r) => wantText(r, budget));
  if (facts.askedForHuman) wants.push(facts.requests.length ? 'asked for a person' : 'a person (no topic given)');
  if (wants.length) parts.push(`Wants: ${list(wants, budget.items)}.`);
  if (facts.channel !== 'email') {
    const actions = actionTexts(facts.botActions);
    parts.push(`Bot tried: ${actions.length ? list(actions, budget.items) : 'no actions'}.`);
  }
  if (facts.sentiment.length) parts.push(`Sentiment: ${trend(facts.sentiment)}.`);
  if (facts.requests.length)
    parts.push(facts.openQuestion ? `Open: ${quote(facts.openQuestion, budget.quoteWords)}` : 'Open: nothing; the bot answered every request.');
  return parts.join(' ');
}

/**
 * The agent summary of a ticket's facts (pure and deterministic).
 * @example
 *   summarize(await gatherTicketFacts(db, conversationId))
 *   // 'Customer: Alex Morgan <alex.morgan@example.com> (verified). Orders: #48215 processing, $129.99. Wants: cancel order #48215. Bot tried: cancellation #48215 refused. Open: "cancel 48215 please"'
 */
export function summarize(facts: TicketFacts): string {
  for (const budget of BUDGETS) {
    const text = render(facts, budget);
    if (words(text).length <= SUMMARY_MAX_WORDS) return text;
  }
  // Still too long only with absurd inputs (e.g. a 60-word email address): cut at the limit.
  return `${words(render(facts, BUDGETS[BUDGETS.length - 1]!))
    .slice(0, SUMMARY_MAX_WORDS - 1)
    .join(' ')} …`;
}
