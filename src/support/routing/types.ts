/**
 * What routing reads and decides. The shapes match the ticket service's
 * `RoutingSignals` / `RoutingDecision` (src/support/tickets/types.ts), with
 * optional extras (`ranking`, `earlier`) that make routing better when given.
 */

/** Priorities from least to most pressing; the index is the escalation level. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** An intent with the NLU's confidence in it (0..1). */
export interface IntentReading {
  name: string;
  confidence: number;
}

/** An entity the NLU found; `value` is whatever the extractor produced (string, number, date object). */
export interface EntityReading {
  entity: string;
  value: unknown;
}

/** The NLU's reading of one customer message. */
export interface MessageReading {
  intent: IntentReading;
  /** Intent ranking, best first (the NLU's `intent_ranking`). */
  ranking?: readonly IntentReading[];
  entities: readonly EntityReading[];
}

/** Everything routing looks at for one request. */
export interface RoutingSignals {
  text: string;
  intent: IntentReading;
  entities: ReadonlyArray<EntityReading>;
  /**
   * The NLU's intent ranking, best first. When given, routing sums the confidence of
   * all intents that lead to the same queue, so a request the NLU splits between
   * `return_item` and `get_refund` still reaches returns_refunds with confidence.
   */
  ranking?: readonly IntentReading[];
  /** Sentiment of the text: label negative | neutral | positive, score -1..1. */
  sentiment?: { label: string; score: number };
  /** What the customer has spent with the store, in cents. */
  customerValueCents?: number;
  /** Total of the order the request is about, in cents. */
  orderValueCents?: number;
  /** ISO 639-1 code; `detectLanguage` gives one when the channel does not. */
  language?: string;
  /** Minutes the request has waited already (SLA escalation). */
  ageMinutes?: number;
  /**
   * The customer's earlier messages in the conversation, newest first. Used when this
   * message names no topic ("can I talk to a person?"): the ticket is about what the
   * customer asked before.
   */
  earlier?: readonly MessageReading[];
}

/** Where a request goes and how fast, with the reasons shown to agents. */
export interface RoutingDecision {
  queue: string;
  priority: TicketPriority;
  tags: string[];
  /** Which rule decided the queue: a rule name, `intent:<name>`, or `fallback:<why>`. */
  rule: string;
  /** Minutes to first response for `priority`. */
  slaMinutes: number;
  /** Human-readable trail: topic, rules matched, priority cues. */
  reasons: string[];
}
