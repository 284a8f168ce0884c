/**
 * What a request is about, from the NLU's reading: each intent leads to a
 * queue (config `intents`), and the confidence of every intent leading to the
 * same queue is summed, because the NLU often splits one topic between close
 * intents (return_item / get_refund). A message whose intents name no topic
 * ("can I talk to someone?") takes the topic of the customer's earlier messages.
 */
import type { RoutingConfig } from './config-schema';
import type { EntityReading, IntentReading, MessageReading, RoutingSignals } from './types';

/** The queue a request's intents point at, before rules. */
export interface Topic {
  /** null when no queue reaches `minTopicConfidence`. */
  queue: string | null;
  /** Summed confidence of the queue's intents, 0..1. */
  confidence: number;
  /** The most confident intent leading to `queue` (the message's own intent when there is no topic). */
  intent: string;
  /** Where the topic was found. */
  source: 'message' | 'earlier';
  /** Entities of the reading the topic came from. */
  entities: readonly EntityReading[];
  /** The learned queue model chose a queue that none of the message's intents leads to. */
  learnedOnly?: boolean;
}

/** Queue of an intent in the config, or undefined for topicless and unknown intents. */
export function queueOfIntent(intent: string, config: RoutingConfig): string | undefined {
  if (config.topiclessIntents.includes(intent)) return undefined;
  const target = config.intents[intent];
  if (target === undefined) return undefined;
  return typeof target === 'string' ? target : target.queue;
}

/** Summed confidence per queue over the reading's ranking (or its intent alone), with each queue's best intent. */
export function queueScores(reading: Pick<MessageReading, 'intent' | 'ranking'>, config: RoutingConfig): Map<string, { score: number; best: IntentReading }> {
  const ranking = reading.ranking && reading.ranking.length > 0 ? reading.ranking : [reading.intent];
  const scores = new Map<string, { score: number; best: IntentReading }>();
  for (const entry of ranking) {
    const queue = queueOfIntent(entry.name, config);
    if (queue === undefined) continue;
    const current = scores.get(queue);
    if (!current) scores.set(queue, { score: entry.confidence, best: entry });
    else {
      current.score += entry.confidence;
      if (entry.confidence > current.best.confidence) current.best = entry;
    }
  }
  return scores;
}

/** queueScores() as queue -> summed confidence alone (what a learned queue model is blended with). */
export function scoresOnly(scores: ReadonlyMap<string, { score: number }>): Map<string, number> {
  return new Map([...scores].map(([queue, entry]) => [queue, entry.score]));
}

function topicOf(reading: MessageReading, config: RoutingConfig, source: Topic['source']): Topic | null {
  let top: { queue: string; score: number; best: IntentReading } | null = null;
  for (const [queue, entry] of queueScores(reading, config)) {
    if (!top || entry.score > top.score) top = { queue, ...entry };
  }
  if (!top || top.score < config.minTopicConfidence) return null;
  return { queue: top.queue, confidence: Math.min(1, top.score), intent: top.best.name, source, entities: reading.entities };
}

/** What the topic needs of a learned queue model (LearnedQueueModel in learned.ts). */
export interface QueueBlender {
  blend(text: string, intentScores: ReadonlyMap<string, number>, fallbackQueue: string): Map<string, number>;
}

/**
 * The topic with a learned queue model: the intents' summed scores blended with the
 * model's probabilities for the text. A win for the fallback queue that no intent
 * claims (with at least minTopicConfidence) is no topic: the earlier messages' topic,
 * or the rules for topicless messages, apply to it.
 */
function blendedTopicOf(signals: RoutingSignals, config: RoutingConfig, learned: QueueBlender): Topic | null {
  const reading = { intent: signals.intent, ...(signals.ranking ? { ranking: signals.ranking } : {}) };
  const intentScores = queueScores(reading, config);
  const blended = learned.blend(signals.text, scoresOnly(intentScores), config.fallbackQueue);
  let top: { queue: string; score: number } | null = null;
  for (const [queue, score] of blended) if (!top || score > top.score) top = { queue, score };
  if (!top || top.score < config.minTopicConfidence) return null;
  // An intent claims the queue only with the confidence a topic needs: a 0.0002 reading of
  // store_info under "I want a real person" is no claim on the general queue.
  const claim = intentScores.get(top.queue);
  const viaIntent = claim && claim.score >= config.minTopicConfidence ? claim.best : undefined;
  if (!viaIntent && top.queue === config.fallbackQueue) return null;
  return {
    queue: top.queue,
    confidence: Math.min(1, top.score),
    intent: viaIntent?.name ?? signals.intent.name,
    source: 'message',
    entities: signals.entities,
    ...(viaIntent ? {} : { learnedOnly: true }),
  };
}

/**
 * The request's topic: from this message (blending in `learned` when given), else from
 * the newest earlier message that has one.
 */
export function findTopic(signals: RoutingSignals, config: RoutingConfig, learned?: QueueBlender): Topic {
  const own = learned
    ? blendedTopicOf(signals, config, learned)
    : topicOf({ intent: signals.intent, entities: signals.entities, ...(signals.ranking ? { ranking: signals.ranking } : {}) }, config, 'message');
  if (own) return own;
  for (const reading of signals.earlier ?? []) {
    const earlier = topicOf(reading, config, 'earlier');
    if (earlier) return earlier;
  }
  return { queue: null, confidence: 0, intent: signals.intent.name, source: 'message', entities: signals.entities };
}
