/**
 * Support routing: which queue a request goes to, how pressing it is and its
 * SLA, from the NLU's reading of the message and the store's rules in
 * config/routing.yml. Public face of the module.
 * @example
 *   const router = createRouter();
 *   const parse = await nlu.parseAsync(text);
 *   router.route(signalsFromParse(text, parse, { sentiment: sentiment.scoreText(text) }));
 *   // { queue: 'returns_refunds', priority: 'high', tags: ['repeat-contact'], rule: 'intent:track_refund', slaMinutes: 240, reasons: [...] }
 */
export {
  TICKET_PRIORITIES,
  type TicketPriority,
  type IntentReading,
  type EntityReading,
  type MessageReading,
  type RoutingSignals,
  type RoutingDecision,
} from './types';
export { routingConfigSchema, type RoutingConfig, type RoutingRule, type RuleConditions, type PriorityCue } from './config-schema';
export { loadRoutingConfig, parseRoutingConfig, RoutingConfigError, DEFAULT_ROUTING_CONFIG_PATH, type RoutingConfigProblem } from './config-file';
export { routeMessage } from './route';
export { findTopic, queueScores, queueOfIntent, type Topic } from './topic';
export { assessPriority, escalatePriority, priorityAfterWaiting, slaMinutesFor, type PriorityInput, type PriorityAssessment } from './priority';
export { detectLanguage } from './language';
export { isQuestion } from './form';
export { signalsFromParse, readingFromParse, type ParsedMessage, type SignalExtras } from './signals';
export { createRouter, type Router } from './router';
export {
  LearnedQueueModel,
  fitQueueModel,
  trainQueueModel,
  readLabelledTickets,
  withoutNearDuplicates,
  wordSet,
  NEAR_DUPLICATE_JACCARD,
  DEFAULT_ROUTER_MODEL_DIR,
  type LabelledTicket,
  type LabelledTicketLine,
  type QueueModelMeta,
  type TicketParser,
} from './learned';
