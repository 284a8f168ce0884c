/**
 * Agent summaries against a seeded SQLite demo store: conversations stored
 * the way the chat channel stores them (user messages with their NLU record),
 * inbound emails, and the guarantees: facts only from the conversation and
 * the store, at most 100 words, same input -> same output.
 */
import type { Prisma } from '.prisma/shopdesk-sqlite';
import { loadNluModel } from '../../src/nlu';
import { migrateDatabase, openDatabase, seedDatabase, DEMO_PERSONAS, type Database, type Db } from '../../src/store';
import { DEFAULT_REFERENCE_DATE } from '../../src/store/demo-store';
import {
  createSummarizer,
  gatherInboundFacts,
  gatherTicketFacts,
  summarize,
  SUMMARY_MAX_WORDS,
  SummaryError,
  type SentimentScorer,
} from '../../src/support/summary';
import { tempSqliteUrl, type TestDatabase } from '../helpers/databases';

let tmp: TestDatabase;
let database: Database;
let db: Db;

beforeAll(async () => {
  tmp = tempSqliteUrl('shopdesk-summary');
  await migrateDatabase(tmp.url);
  await seedDatabase(tmp.url, { scale: 0.03, referenceDate: DEFAULT_REFERENCE_DATE });
  database = openDatabase(tmp.url);
  db = database.prisma;
});
afterAll(async () => {
  await database.close();
  await tmp.drop();
});

const ALEX = DEMO_PERSONAS[0]!;
const SAM = DEMO_PERSONAS[1]!;
const JORDAN = DEMO_PERSONAS[2]!;

interface Turn {
  user: string;
  intent?: string;
  confidence?: number;
  entities?: Array<{ entity: string; value: unknown }>;
  handledBy?: string;
  toolCalls?: Array<{ name: string; input: Record<string, unknown>; status: string }>;
  bot?: string;
  /** Store the message without its NLU record (the engine has not read it yet). */
  noNlu?: boolean;
}

let nextId = 0;
/** A conversation stored as the chat channel stores it. */
async function conversation(customerId: number | null, turns: Turn[]): Promise<string> {
  const id = `conv-summary-${++nextId}`;
  await db.conversation.create({ data: { id, channel: 'chat', state: {}, customerId } });
  for (const t of turns) {
    const nlu = t.noNlu
      ? undefined
      : {
          intent: { name: t.intent ?? 'out_of_scope', confidence: t.confidence ?? 0.95 },
          entities: t.entities ?? [],
          handledBy: t.handledBy ?? t.intent ?? 'fallback:clarify',
          toolCalls: t.toolCalls ?? [],
        };
    await db.message.create({ data: { conversationId: id, role: 'user', text: t.user, ...(nlu ? { nlu: nlu as Prisma.InputJsonValue } : {}) } });
    if (t.bot) await db.message.create({ data: { conversationId: id, role: 'bot', text: t.bot } });
  }
  return id;
}

async function statusOf(number: string): Promise<string> {
  const order = await db.order.findUniqueOrThrow({ where: { number } });
  return order.status.replace(/_/g, ' ');
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const orderNumbersIn = (text: string) => [...new Set([...text.matchAll(/#(\d+)/g)].map((m) => m[1]!))].sort();

/** A scorer that reads "!" and "ridiculous" as negative: enough to check the trend is built from the messages. */
const stubSentiment: SentimentScorer = {
  scoreText: (text) => (/ridiculous|!/.test(text) ? { label: 'negative', score: -0.8 } : { label: 'neutral', score: 0 }),
};

describe('a verified customer handed off after a failed cancellation', () => {
  let id: string;
  let summary: string;
  beforeAll(async () => {
    id = await conversation(ALEX.id, [
      {
        user: 'where is my order #48213?',
        intent: 'track_order',
        entities: [{ entity: 'order_id', value: '48213' }],
        toolCalls: [{ name: 'order_status', input: { orderNumber: '48213' }, status: 'ok' }],
        bot: 'It is in transit.',
      },
      {
        user: 'also cancel 48215 please',
        intent: 'cancel_order',
        entities: [{ entity: 'order_id', value: '48215' }],
        toolCalls: [{ name: 'cancel_order', input: { orderNumber: '48215', confirmed: true }, status: 'refused' }],
        bot: 'Sorry, it cannot be cancelled.',
      },
      {
        user: 'this is ridiculous, let me talk to a person!',
        intent: 'contact_human_agent',
        handledBy: 'handoff',
        toolCalls: [{ name: 'handoff', input: { reason: 'requested' }, status: 'ok' }],
      },
    ]);
    summary = summarize(await gatherTicketFacts(db, id, { sentiment: stubSentiment }));
  });

  test('names the verified customer and the orders with their status in the store', async () => {
    expect(summary).toContain(`${ALEX.name} <${ALEX.email}> (verified)`);
    expect(summary).toContain(`#48213 ${await statusOf('48213')}`);
    expect(summary).toContain(`#48215 ${await statusOf('48215')}`);
  });

  test('says what the customer wants, what the bot tried and how it ended, and what is still open', () => {
    expect(summary).toMatch(/Wants: order status #48213; cancel order #48215; asked for a person\./);
    expect(summary).toMatch(/Bot tried: order lookup #48213 done; cancellation #48215 refused\./);
    expect(summary).toContain('Open: "also cancel 48215 please"');
  });

  test('shows the sentiment trend of the customer messages', () => {
    expect(summary).toContain('Sentiment: neutral -> negative.');
  });

  test('invents nothing, stays within 100 words, and is deterministic', async () => {
    expect(orderNumbersIn(summary)).toEqual(['48213', '48215']);
    expect(wordCount(summary)).toBeLessThanOrEqual(SUMMARY_MAX_WORDS);
    expect(summarize(await gatherTicketFacts(db, id, { sentiment: stubSentiment }))).toBe(summary);
    // Without a scorer the trend is left out rather than guessed.
    expect(summarize(await gatherTicketFacts(db, id))).not.toContain('Sentiment');
  });

  test('a status change in the store shows in the next summary', async () => {
    await db.order.update({ where: { number: '48215' }, data: { status: 'cancelled' } });
    try {
      expect(summarize(await gatherTicketFacts(db, id))).toContain('#48215 cancelled');
    } finally {
      await db.order.update({ where: { number: '48215' }, data: { status: ALEX.orders[2]!.status } });
    }
  });
});

describe('an unverified visitor', () => {
  test('is never called verified; an email matching a record is shown as a match only', async () => {
    const id = await conversation(null, [
      {
        user: 'my order 51007 is late',
        intent: 'track_order',
        entities: [{ entity: 'order_id', value: '51007' }],
        handledBy: 'ask:email',
        bot: 'What is your email?',
      },
      {
        user: SAM.email,
        intent: 'out_of_scope',
        entities: [{ entity: 'email', value: SAM.email }],
        handledBy: 'verification:failed',
        toolCalls: [{ name: 'verify_identity', input: { email: SAM.email, orderNumber: '51007' }, status: 'refused' }],
      },
    ]);
    const summary = summarize(await gatherTicketFacts(db, id));
    expect(summary).toContain(`not verified; gave ${SAM.email}, which matches ${SAM.name}'s record`);
    expect(summary).not.toContain('(verified)');
    expect(summary).toContain(`#51007 ${await statusOf('51007')}`);
    expect(summary).toContain('identity check #51007 refused');
    expect(summary).toContain('Open: "my order 51007 is late"');
    // Ownership is only judged for a verified customer.
    expect(summary).not.toContain("another customer's");
  });

  test('an anonymous visitor and an unknown order number', async () => {
    const id = await conversation(null, [
      {
        user: 'where is order #99999',
        intent: 'track_order',
        entities: [{ entity: 'order_id', value: '99999' }],
        toolCalls: [{ name: 'order_status', input: { orderNumber: '99999' }, status: 'needs_verification' }],
      },
    ]);
    const facts = await gatherTicketFacts(db, id);
    expect(await db.order.findUnique({ where: { number: '99999' } })).toBeNull();
    expect(facts.orders).toEqual([expect.objectContaining({ number: '99999', found: false })]);
    const summary = summarize(facts);
    expect(summary).toContain('Customer: not verified, no email given.');
    expect(summary).toContain('#99999 not found');
  });
});

describe('facts only from the conversation and the store', () => {
  test("a verified customer asking about someone else's order is flagged", async () => {
    const id = await conversation(ALEX.id, [
      {
        user: 'what about order 51007?',
        intent: 'track_order',
        entities: [{ entity: 'order_id', value: '51007' }],
        toolCalls: [{ name: 'order_status', input: { orderNumber: '51007' }, status: 'refused' }],
      },
    ]);
    const order = await db.order.findUniqueOrThrow({ where: { number: '51007' } });
    expect(order.customerId).not.toBe(ALEX.id);
    expect(summarize(await gatherTicketFacts(db, id))).toContain("another customer's order");
  });

  test('postcodes, phone numbers and amounts are not taken for order numbers', async () => {
    const id = await conversation(null, [
      {
        user: 'do you deliver to 97209? call me on +1 503-555-0142, budget is 1500 dollars',
        intent: 'delivery_options',
        entities: [{ entity: 'phone', value: '+1 503-555-0142' }],
      },
    ]);
    const facts = await gatherTicketFacts(db, id);
    expect(facts.orders).toEqual([]);
    const summary = summarize(facts);
    expect(summary).not.toContain('#');
    expect(summary).not.toContain('Orders:');
    expect(summary).toContain('Wants: delivery options.');
  });

  test('a request the bot answered is not open; a customer who pushes back reopens it', async () => {
    const answered = await conversation(JORDAN.id, [
      {
        user: 'refund status for 52111',
        intent: 'track_refund',
        entities: [{ entity: 'order_id', value: '52111' }],
        toolCalls: [{ name: 'refund_status', input: { orderNumber: '52111' }, status: 'ok' }],
      },
      { user: 'great thanks', intent: 'thank_you' },
    ]);
    expect(summarize(await gatherTicketFacts(db, answered))).toContain('Open: nothing; the bot answered every request.');
    const pushedBack = await conversation(JORDAN.id, [
      {
        user: 'refund status for 52111',
        intent: 'track_refund',
        entities: [{ entity: 'order_id', value: '52111' }],
        toolCalls: [{ name: 'refund_status', input: { orderNumber: '52111' }, status: 'ok' }],
      },
      { user: 'that is wrong, I want a human', intent: 'contact_human_agent', handledBy: 'handoff' },
    ]);
    expect(summarize(await gatherTicketFacts(db, pushedBack))).toContain('Open: "refund status for 52111"');
  });

  test('the message being handled now is read from the current turn, not counted twice', async () => {
    const id = await conversation(ALEX.id, [{ user: 'I want to return the sweater from 48214', noNlu: true }]);
    const current = {
      text: 'I want to return the sweater from 48214',
      intent: { name: 'return_item', confidence: 0.97 },
      entities: [{ entity: 'order_id', value: '48214' }],
    };
    const facts = await gatherTicketFacts(db, id, { current });
    expect(facts.requests).toHaveLength(1);
    expect(summarize(facts)).toContain('Wants: return an item #48214.');
    expect(await createSummarizer(db).forConversation(id, current)).toBe(summarize(facts));
  });

  test('a long conversation still fits in 100 words and lists what it leaves out', async () => {
    const numbers = ['48213', '48214', '48215', '51007', '51008', '52110', '52111', '99991'];
    const id = await conversation(
      ALEX.id,
      numbers.map((n, i) => ({
        user: `Hello again, this is a fairly long message number ${i} about my order ${n}, which I would really like you to look into carefully today please`,
        intent: i % 2 ? 'track_order' : 'cancel_order',
        entities: [{ entity: 'order_id', value: n }],
        toolCalls: [{ name: 'order_status', input: { orderNumber: n }, status: i % 3 ? 'ok' : 'refused' }],
      })),
    );
    const summary = summarize(await gatherTicketFacts(db, id));
    expect(wordCount(summary)).toBeLessThanOrEqual(SUMMARY_MAX_WORDS);
    expect(summary).toMatch(/\+\d+ more/);
    expect(orderNumbersIn(summary).every((n) => numbers.includes(n))).toBe(true);
  });

  test('an unknown conversation is an error, not an empty summary', async () => {
    await expect(gatherTicketFacts(db, 'no-such-conversation')).rejects.toMatchObject({ name: 'SummaryError', code: 'conversation_not_found' });
    await expect(gatherTicketFacts(db, 'no-such-conversation')).rejects.toBeInstanceOf(SummaryError);
  });
});

describe('an inbound email', () => {
  test('summarizes sender, order, request and question with the shipped NLU', async () => {
    const nlu = await loadNluModel();
    const message = {
      subject: 'Refund for order 52111',
      body: 'Hello,\n\nI sent the running shoes back weeks ago and the refund still has not reached my card. Where is my money?\n\nJordan',
      email: JORDAN.email.toUpperCase(),
    };
    const facts = await gatherInboundFacts(db, message, { parser: nlu, sentiment: stubSentiment });
    const summary = summarize(facts);
    expect(summary).toContain(`not verified; gave ${JORDAN.email}, which matches ${JORDAN.name}'s record`);
    expect(summary).toContain(`#52111 ${await statusOf('52111')}`);
    expect(summary).toContain('Open: "Where is my money?"');
    expect(summary).not.toContain('Bot tried');
    expect(orderNumbersIn(summary).every((n) => n === '52111')).toBe(true);
    expect(facts.requests[0]!.intent).not.toBeNull();
    expect(await createSummarizer(db, { parser: nlu, sentiment: stubSentiment }).forInbound(message)).toBe(summary);
  });

  test('without a parser the request is quoted; an unknown sender has no record', async () => {
    const summary = summarize(
      await gatherInboundFacts(db, { subject: 'Question about ORD-48213', body: 'Can I still change the colour?', email: 'someone@nowhere.example' }),
    );
    expect(summary).toContain('Customer: not verified; gave someone@nowhere.example (no store record).');
    expect(summary).toContain(`#48213 ${await statusOf('48213')}`);
    expect(summary).toContain('Wants: "Can I still change the colour?"');
    await expect(gatherInboundFacts(db, { subject: ' ', body: '', email: 'a@b.co' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
