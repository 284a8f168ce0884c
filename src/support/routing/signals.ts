/**
 * Builds routing signals from what the NLU and the sentiment model return,
 * so callers (ticket service, inbound email, benchmark) do not each map the
 * parse result by hand. Only shapes are imported: routing does not load models.
 */
import type { IntentReading, MessageReading, RoutingSignals } from './types';

/** The part of an NLU parse result routing uses (src/nlu ParseResult fits). */
export interface ParsedMessage {
  text?: string;
  intent: IntentReading;
  intent_ranking?: readonly IntentReading[];
  entities: ReadonlyArray<{ entity: string; value: unknown }>;
}

/** Context a caller may know besides the text (see RoutingSignals). */
export type SignalExtras = Omit<RoutingSignals, 'text' | 'intent' | 'entities' | 'ranking'>;

/** The reading of one message, for `RoutingSignals.earlier`. */
export function readingFromParse(parse: ParsedMessage): MessageReading {
  return {
    intent: parse.intent,
    ...(parse.intent_ranking ? { ranking: parse.intent_ranking } : {}),
    entities: parse.entities.map((e) => ({ entity: e.entity, value: e.value })),
  };
}

/**
 * Routing signals for `text` from its NLU parse and optional extras.
 * @example
 *   const parse = await nlu.parseAsync(text);
 *   routeMessage(signalsFromParse(text, parse, { sentiment: sentiment.scoreText(text) }), config);
 */
export function signalsFromParse(text: string, parse: ParsedMessage, extras: SignalExtras = {}): RoutingSignals {
  const reading = readingFromParse(parse);
  return { text, intent: reading.intent, entities: reading.entities, ...(reading.ranking ? { ranking: reading.ranking } : {}), ...extras };
}
