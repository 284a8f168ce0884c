/**
 * What routing looks at, read from a conversation: the latest customer
 * message with the earlier ones (routing finds the topic when the latest is
 * only "a person please"), the entities mentioned along the way, the most
 * negative sentiment, the customer's lifetime value and the value of the
 * orders in question.
 */
import type { Db } from '../../store';
import type { CurrentTurn, RoutingSignals, SentimentScorer } from './types';

const RECENT_USER_MESSAGES = 12;

interface StoredNlu {
  intent?: { name?: string; confidence?: number };
  entities?: Array<{ entity?: string; value?: unknown; text?: string }>;
}

type Entity = RoutingSignals['entities'][number];

function orderNumbersIn(entities: readonly Entity[]): string[] {
  return [...new Set(entities.filter((e) => e.entity === 'order_id').map((e) => String(e.value).replace(/^#|^ord-?/i, '')))];
}

async function valueSignals(db: Db, customerId: number | null, entities: readonly Entity[]): Promise<Pick<RoutingSignals, 'customerValueCents' | 'orderValueCents'>> {
  const numbers = orderNumbersIn(entities);
  const [lifetime, mentioned] = await Promise.all([
    customerId ? db.order.aggregate({ where: { customerId, status: { not: 'cancelled' } }, _sum: { totalCents: true } }) : null,
    numbers.length ? db.order.findMany({ where: { number: { in: numbers } }, select: { totalCents: true } }) : [],
  ]);
  return {
    ...(lifetime ? { customerValueCents: lifetime._sum.totalCents ?? 0 } : {}),
    ...(mentioned.length ? { orderValueCents: Math.max(...mentioned.map((o) => o.totalCents)) } : {}),
  };
}

function mostNegative(texts: readonly string[], scorer: SentimentScorer | undefined): RoutingSignals['sentiment'] {
  if (!scorer || texts.length === 0) return undefined;
  const scored = texts.map((t) => scorer.scoreText(t));
  return scored.reduce((worst, s) => (s.score < worst.score ? s : worst));
}

export async function collectSignals(db: Db, conversationId: string, options: { current?: CurrentTurn; sentiment?: SentimentScorer }): Promise<RoutingSignals> {
  const [conversation, stored] = await Promise.all([
    db.conversation.findUnique({ where: { id: conversationId }, select: { customerId: true } }),
    db.message.findMany({ where: { conversationId, role: 'user' }, orderBy: { id: 'desc' }, take: RECENT_USER_MESSAGES, select: { text: true, nlu: true } }),
  ]);
  // Oldest first; the current turn (not stored with its NLU yet) replaces its stored copy.
  const turns: CurrentTurn[] = stored
    .reverse()
    .map((m) => {
      const nlu = (m.nlu ?? {}) as StoredNlu;
      return {
        text: m.text,
        intent: { name: nlu.intent?.name ?? 'out_of_scope', confidence: nlu.intent?.confidence ?? 0 },
        entities: (nlu.entities ?? []).flatMap((e) => (typeof e.entity === 'string' ? [{ entity: e.entity, value: e.value, ...(e.text ? { text: e.text } : {}) }] : [])),
      };
    })
    .filter((t) => t.text !== options.current?.text);
  if (options.current) turns.push(options.current);

  const latest = turns.at(-1);
  const earlier = turns.slice(0, -1).reverse().map((t) => ({ intent: t.intent, entities: t.entities.map((e) => ({ entity: e.entity, value: e.value })) }));
  const entities = turns.flatMap((t) => t.entities.map((e) => ({ entity: e.entity, value: e.value })));
  const sentiment = mostNegative(turns.slice(-4).map((t) => t.text), options.sentiment);
  return {
    text: latest?.text ?? '',
    intent: latest?.intent ?? { name: 'out_of_scope', confidence: 0 },
    ...(latest?.ranking ? { ranking: latest.ranking } : {}),
    entities,
    earlier,
    ...(sentiment ? { sentiment } : {}),
    ...(await valueSignals(db, conversation?.customerId ?? null, entities)),
  };
}

export async function inboundSignals(
  db: Db,
  input: { text: string; parse: { intent: { name: string; confidence: number }; intent_ranking?: Array<{ name: string; confidence: number }>; entities: Array<{ entity: string; value: unknown }> }; customerId: number | null; sentiment?: SentimentScorer },
): Promise<RoutingSignals> {
  const entities = input.parse.entities.map((e) => ({ entity: e.entity, value: e.value }));
  const sentiment = mostNegative([input.text.slice(0, 2000)], input.sentiment);
  return {
    text: input.text,
    intent: input.parse.intent,
    ...(input.parse.intent_ranking ? { ranking: input.parse.intent_ranking } : {}),
    entities,
    ...(sentiment ? { sentiment } : {}),
    ...(await valueSignals(db, input.customerId, entities)),
  };
}
