/**
 * Whether a rule's `when` holds for a request. Every listed condition must
 * hold; a condition on a signal the caller did not give (no sentiment, no
 * customer value) does not hold, so a rule never fires on a guess.
 */
import type { RuleConditions } from './config-schema';
import type { Topic } from './topic';
import type { EntityReading } from './types';

/** What the conditions are evaluated against. */
export interface RuleContext {
  /** The message's own intent and the intent its topic came from (they differ for "talk to a human"). */
  intents: readonly string[];
  topic: Topic;
  entities: readonly EntityReading[];
  sentiment?: { label: string; score: number } | undefined;
  customerValueCents?: number | undefined;
  orderValueCents?: number | undefined;
  language: string;
  words: number;
  question: boolean;
}

type Range = { min?: number | undefined; max?: number | undefined };

function inRange(value: number | undefined, range: Range | undefined): boolean {
  if (range === undefined) return true;
  if (value === undefined || !Number.isFinite(value)) return false;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

function entityText(value: unknown): string {
  if (typeof value === 'string') return value.trim().toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value ?? null).toLowerCase();
}

function entitiesHold(conditions: NonNullable<RuleConditions['entities']>, entities: readonly EntityReading[]): boolean {
  return conditions.every((condition) => {
    const found = entities.filter((e) => e.entity === condition.entity);
    if (condition.absent) return found.length === 0;
    if (condition.value === undefined) return found.length > 0;
    const wanted = (Array.isArray(condition.value) ? condition.value : [condition.value]).map((v) => String(v).toLowerCase());
    return found.some((e) => wanted.includes(entityText(e.value)));
  });
}

/** True when every condition of `when` holds in `context`. */
export function conditionsHold(when: RuleConditions, context: RuleContext): boolean {
  if (when.intent && !context.intents.some((i) => when.intent!.includes(i))) return false;
  if (when.notIntent && context.intents.some((i) => when.notIntent!.includes(i))) return false;
  if (when.topic && (context.topic.queue === null || !when.topic.includes(context.topic.queue))) return false;
  if (when.topicFound !== undefined && when.topicFound !== (context.topic.queue !== null)) return false;
  if (!inRange(context.topic.confidence, when.topicConfidence)) return false;
  if (when.entities && !entitiesHold(when.entities, context.entities)) return false;
  if (when.sentiment) {
    if (!context.sentiment) return false;
    if (when.sentiment.label && !when.sentiment.label.includes(context.sentiment.label as 'negative' | 'neutral' | 'positive')) return false;
    if (!inRange(context.sentiment.score, when.sentiment.score)) return false;
    if (!inRange(Math.abs(context.sentiment.score), when.sentiment.strength)) return false;
  }
  if (!inRange(context.customerValueCents, when.customerValueCents)) return false;
  if (!inRange(context.orderValueCents, when.orderValueCents)) return false;
  if (when.language) {
    const language = context.language.toLowerCase();
    if (when.language.in && !when.language.in.includes(language)) return false;
    if (when.language.notIn && when.language.notIn.includes(language)) return false;
  }
  if (when.question !== undefined && when.question !== context.question) return false;
  return inRange(context.words, when.words);
}
