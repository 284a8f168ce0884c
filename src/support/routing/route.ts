/**
 * Routing of one request: topic from the NLU's intents, then the store's rules
 * in order, then the intent map, then the fallback queue. Every matching rule
 * contributes: the first one with a queue decides the queue, the first one
 * with a priority sets the starting priority, all of them add their tags.
 */
import type { RoutingConfig } from './config-schema';
import { conditionsHold, type RuleContext } from './conditions';
import { isQuestion } from './form';
import { detectLanguage } from './language';
import { assessPriority, escalatePriority, slaMinutesFor } from './priority';
import type { LearnedQueueModel } from './learned';
import { findTopic } from './topic';
import type { RoutingDecision, RoutingSignals, TicketPriority } from './types';

function intentTarget(intent: string, config: RoutingConfig): { priority?: TicketPriority; tags: string[] } {
  const target = config.intents[intent];
  if (target === undefined || typeof target === 'string') return { tags: [] };
  return { ...(target.priority ? { priority: target.priority } : {}), tags: target.tags };
}

function addTags(into: string[], tags: readonly string[]): void {
  for (const tag of tags) if (!into.includes(tag)) into.push(tag);
}

/**
 * Decides queue, priority, tags and SLA for a request.
 * @example
 *   routeMessage({ text: 'where is my order 48213?', intent: { name: 'track_order', confidence: 0.97 }, entities: [] }, config)
 *   // { queue: 'shipping_delivery', priority: 'normal', rule: 'intent:track_order', slaMinutes: 1440, ... }
 */
export function routeMessage(signals: RoutingSignals, config: RoutingConfig, learned?: LearnedQueueModel): RoutingDecision {
  const language = (signals.language ?? detectLanguage(signals.text)).toLowerCase();
  const topic = findTopic(signals, config, learned);
  const reasons: string[] = [];
  if (topic.queue) {
    const from = topic.source === 'earlier' ? ' (from an earlier message)' : '';
    reasons.push(`topic ${topic.queue} ${topic.confidence.toFixed(2)} via ${topic.learnedOnly ? 'the learned queue model' : topic.intent}${from}`);
  } else {
    reasons.push(`no topic: intent ${signals.intent.name} ${signals.intent.confidence.toFixed(2)}`);
  }
  if (language !== config.storeLanguage) reasons.push(`language ${language}`);

  const context: RuleContext = {
    intents: topic.intent === signals.intent.name ? [topic.intent] : [signals.intent.name, topic.intent],
    topic,
    entities: topic.source === 'earlier' ? [...signals.entities, ...topic.entities] : signals.entities,
    sentiment: signals.sentiment,
    customerValueCents: signals.customerValueCents,
    orderValueCents: signals.orderValueCents,
    language,
    words: signals.text.trim().split(/\s+/u).filter(Boolean).length,
    question: isQuestion(signals.text),
  };

  let queue: string | undefined;
  let rule: string | undefined;
  let base: TicketPriority | undefined;
  const tags: string[] = [];
  for (const candidate of config.rules) {
    if (!conditionsHold(candidate.when, context)) continue;
    reasons.push(`rule ${candidate.name}`);
    if (queue === undefined && candidate.queue !== undefined) {
      queue = candidate.queue;
      rule = candidate.name;
    }
    if (base === undefined && candidate.priority !== undefined) base = candidate.priority;
    addTags(tags, candidate.tags);
  }
  if (queue === undefined && topic.queue !== null && topic.learnedOnly) {
    queue = topic.queue;
    rule = 'learned';
  } else if (queue === undefined && topic.queue !== null) {
    queue = topic.queue;
    rule = `intent:${topic.intent}`;
    const target = intentTarget(topic.intent, config);
    base ??= target.priority;
    addTags(tags, target.tags);
  }
  if (queue === undefined) {
    queue = config.fallbackQueue;
    rule = config.topiclessIntents.includes(signals.intent.name) ? 'fallback:no-topic' : 'fallback:low-confidence';
  }
  if (language !== config.storeLanguage) addTags(tags, [`lang:${language}`]);

  const assessed = assessPriority(signals, base ?? config.priority.default, config);
  addTags(tags, assessed.tags);
  reasons.push(...assessed.reasons);
  let priority = assessed.priority;
  if (signals.ageMinutes !== undefined && signals.ageMinutes > 0) {
    const waited = escalatePriority(priority, signals.ageMinutes, slaMinutesFor(priority, config), config.sla.maxEscalations);
    if (waited !== priority) reasons.push(`waited ${Math.round(signals.ageMinutes)} min: ${priority} -> ${waited}`);
    priority = waited;
  }
  return { queue, priority, tags, rule: rule!, slaMinutes: slaMinutesFor(priority, config), reasons };
}
