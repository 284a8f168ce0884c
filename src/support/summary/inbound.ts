/**
 * Facts for a ticket that arrives without a conversation (an email or a web
 * form): subject, body and the sender's address. The sender is never verified
 * (anyone can type an address); a matching store record is shown as such.
 */
import type { Db } from '../../store';
import { SummaryError } from './errors';
import { orderNumbersInEntities, orderNumbersInText, unique } from './order-numbers';
import { FOLLOW_UP_INTENTS } from './phrases';
import { customerByEmail, lookUpOrders } from './store-facts';
import type { MessageParser, SentimentScorer, TicketFacts } from './types';

export interface InboundMessage {
  subject: string;
  body: string;
  email: string;
}

export interface InboundOptions {
  /** Reads the message's intent and entities (the NLU model); without it the request is quoted only. */
  parser?: MessageParser;
  sentiment?: SentimentScorer;
}

/** The question the sender asks: the last sentence of the body with a question mark, else the subject, else the body's first sentence. */
function questionOf(subject: string, body: string): string {
  const sentences = body
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const asked = sentences.filter((s) => s.endsWith('?'));
  return asked[asked.length - 1] ?? (subject.trim() || sentences[0] || '');
}

/**
 * Reads what a summary needs about an inbound message.
 * @throws SummaryError('invalid_input') when subject and body are both empty.
 */
export async function gatherInboundFacts(db: Db, message: InboundMessage, options: InboundOptions = {}): Promise<TicketFacts> {
  const subject = message.subject.trim();
  const body = message.body.trim();
  if (!subject && !body) throw new SummaryError('invalid_input', 'an inbound message needs a subject or a body');
  const text = subject ? `${subject}\n${body}` : body;
  const parse = options.parser ? await options.parser.parseAsync(text) : null;
  const topical = parse && !FOLLOW_UP_INTENTS.has(parse.intent.name) && parse.intent.confidence >= 0.5;
  const orderNumbers = unique([...orderNumbersInEntities(parse?.entities ?? []), ...orderNumbersInText(text)]);
  const email = message.email.trim().toLowerCase() || null;
  const record = email ? await customerByEmail(db, email) : null;
  const question = questionOf(subject, body);
  return {
    channel: 'email',
    customer: { verified: false, customerId: record?.id ?? null, name: record?.name ?? null, email, emailMatchesRecord: record !== null },
    orders: await lookUpOrders(db, orderNumbers, null),
    requests: [{ intent: topical ? parse.intent.name : null, text: question, orderNumbers, resolved: false }],
    botActions: [],
    sentiment: options.sentiment ? [options.sentiment.scoreText(text).label] : [],
    askedForHuman: false,
    openQuestion: question,
  };
}
