/**
 * Facts for a ticket opened from a conversation: the conversation's customer
 * (verified when the conversation is linked to one), the customer's messages
 * with the NLU records the chat channel stored on them, and the orders they
 * mention as the store has them now.
 */
import type { Db } from '../../store';
import { SummaryError } from './errors';
import { readNluRecord } from './nlu-record';
import { mentionedOrderNumbers, openQuestionOf, readTurns, type CustomerTurn } from './requests';
import { customerByEmail, emailIn, lookUpOrders } from './store-facts';
import type { CurrentTurn, CustomerFact, SentimentScorer, TicketFacts } from './types';

export interface GatherOptions {
  /** Scores each customer message for the sentiment trend; without it the trend is left out. */
  sentiment?: SentimentScorer;
  /** The message being handled now, when it is not stored with its NLU record yet. */
  current?: CurrentTurn;
  /** Newest customer messages read (default 200). */
  maxMessages?: number;
}

function withCurrent(turns: CustomerTurn[], current: CurrentTurn | undefined): CustomerTurn[] {
  if (!current) return turns;
  const nlu = { intent: current.intent, entities: current.entities.map((e) => ({ entity: e.entity, value: e.value })), toolCalls: [] };
  const last = turns[turns.length - 1];
  // The channel stores the message before the engine reads it: fill in its reading rather than count it twice.
  if (last && last.nlu === null && last.text === current.text) return [...turns.slice(0, -1), { text: last.text, nlu }];
  return [...turns, { text: current.text, nlu }];
}

/**
 * Reads what a summary needs about a conversation.
 * @throws SummaryError('conversation_not_found') for an unknown conversation id.
 */
export async function gatherTicketFacts(db: Db, conversationId: string, options: GatherOptions = {}): Promise<TicketFacts> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: { channel: true, customer: { select: { id: true, name: true, email: true } } },
  });
  if (!conversation) throw new SummaryError('conversation_not_found', `no conversation ${conversationId}`);
  const rows = await db.message.findMany({
    where: { conversationId, role: 'user' },
    orderBy: { id: 'desc' },
    take: options.maxMessages ?? 200,
    select: { text: true, nlu: true },
  });
  const turns = withCurrent(
    rows.reverse().map((r) => ({ text: r.text, nlu: readNluRecord(r.nlu) })),
    options.current,
  );
  const { requests, botActions, askedForHuman } = readTurns(turns);

  let customer: CustomerFact;
  if (conversation.customer) {
    customer = {
      verified: true,
      customerId: conversation.customer.id,
      name: conversation.customer.name,
      email: conversation.customer.email,
      emailMatchesRecord: true,
    };
  } else {
    const email = emailIn(
      turns.map((t) => t.text),
      turns.flatMap((t) => t.nlu?.entities ?? []),
    );
    const record = email ? await customerByEmail(db, email) : null;
    customer = { verified: false, customerId: record?.id ?? null, name: record?.name ?? null, email, emailMatchesRecord: record !== null };
  }
  const orders = await lookUpOrders(db, mentionedOrderNumbers(turns), customer.verified ? customer.customerId : null);
  return {
    channel: conversation.channel,
    customer,
    orders,
    requests,
    botActions,
    sentiment: options.sentiment ? turns.map((t) => options.sentiment!.scoreText(t.text).label) : [],
    askedForHuman,
    openQuestion: openQuestionOf(requests),
  };
}
