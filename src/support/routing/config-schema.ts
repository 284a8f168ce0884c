/**
 * The shape of config/routing.yml, checked with zod. Cross-references (a rule
 * naming a queue that is not declared, a regex that does not compile) are
 * checked here too, so every problem is reported with its path in the file.
 */
import { z } from 'zod';
import { TICKET_PRIORITIES } from './types';

const name = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _');
const priority = z.enum(TICKET_PRIORITIES);
const tag = z.string().regex(/^[a-z0-9][a-z0-9_:.-]*$/, 'tags are lower-case words (letters, digits, - _ : .)');

/** An inclusive numeric bound; at least one side. */
const range = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined, 'give min, max or both')
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min is above max');

const entityCondition = z
  .object({
    entity: z.string().min(1),
    /** Required value(s), compared as lower-case strings; omit to require only presence. */
    value: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()])).min(1)]).optional(),
    /** true: the rule needs the entity to be absent. */
    absent: z.boolean().default(false),
  })
  .strict()
  .refine((c) => !(c.absent && c.value !== undefined), 'absent: true cannot be combined with value');

const when = z
  .object({
    /** The request's intent is one of these. */
    intent: z.array(z.string().min(1)).min(1).optional(),
    /** Neither the message's intent nor its topic's intent is one of these. */
    notIntent: z.array(z.string().min(1)).min(1).optional(),
    /** The queue the intents point at (before rules) is one of these. */
    topic: z.array(name).min(1).optional(),
    /** Confidence of that topic (sum of the ranking's intents for the queue), 0..1. */
    topicConfidence: range.optional(),
    /** true: the intents point at a queue; false: they do not (topicless or unsure). */
    topicFound: z.boolean().optional(),
    entities: z.array(entityCondition).min(1).optional(),
    sentiment: z
      .object({
        label: z
          .array(z.enum(['negative', 'neutral', 'positive']))
          .min(1)
          .optional(),
        score: range.optional(),
        /** |score|: how strongly the message leans either way, 0..1. */
        strength: range.optional(),
      })
      .strict()
      .refine((s) => s.label !== undefined || s.score !== undefined || s.strength !== undefined, 'give label, score or strength')
      .optional(),
    customerValueCents: range.optional(),
    orderValueCents: range.optional(),
    language: z
      .object({ in: z.array(z.string().min(2)).min(1).optional(), notIn: z.array(z.string().min(2)).min(1).optional() })
      .strict()
      .refine((l) => (l.in === undefined) !== (l.notIn === undefined), 'give exactly one of in, notIn')
      .optional(),
    /** Length of the message in words. */
    words: range.optional(),
    /** true: the message asks something (question mark or interrogative); false: it only states. */
    question: z.boolean().optional(),
  })
  .strict()
  .refine((w) => Object.keys(w).length > 0, 'a rule needs at least one condition');

const rule = z
  .object({
    name,
    description: z.string().optional(),
    when,
    queue: name.optional(),
    priority: priority.optional(),
    tags: z.array(tag).default([]),
  })
  .strict()
  .refine((r) => r.queue !== undefined || r.priority !== undefined || r.tags.length > 0, 'a rule must set a queue, a priority or tags');

const intentTarget = z.union([name, z.object({ queue: name, priority: priority.optional(), tags: z.array(tag).default([]) }).strict()]);

const regex = z.string().refine((source) => {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const cue = z
  .object({
    name,
    /** Regular expression (case-insensitive, unicode) tested on the message text. */
    pattern: regex,
    /** Added to the priority points (1 point = one level up). */
    points: z.number().min(0).max(3).default(0),
    /** The priority is at least this when the cue is present. */
    atLeast: priority.optional(),
    tag: tag.optional(),
  })
  .strict()
  .refine((c) => c.points > 0 || c.atLeast !== undefined, 'a cue needs points or atLeast');

const valueBand = z.object({ minCents: z.number().int().min(0), points: z.number().min(0).max(3), tag: tag.optional() }).strict();

export const routingConfigSchema = z
  .object({
    version: z.literal(1),
    /** Queue name -> what it handles (shown to agents and admins). */
    queues: z.record(name, z.string()).refine((q) => Object.keys(q).length > 0, 'declare at least one queue'),
    fallbackQueue: name,
    /** The language the NLU reads (ISO 639-1); other languages get a `lang:<code>` tag. */
    storeLanguage: z
      .string()
      .regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as en')
      .default('en'),
    /** Below this topic confidence the intents are not trusted and the fallback queue is used. */
    minTopicConfidence: z.number().min(0).max(1),
    /** Intents that say nothing about the topic (greetings, "talk to a human"). */
    topiclessIntents: z.array(z.string().min(1)).default([]),
    intents: z.record(z.string().min(1), intentTarget),
    rules: z.array(rule).default([]),
    priority: z
      .object({
        default: priority,
        cues: z.array(cue).default([]),
        /** Points by sentiment score: the first band whose maxScore the score is at or below applies. */
        negativeSentiment: z.array(z.object({ maxScore: z.number().min(-1).max(1), points: z.number().min(0).max(3) }).strict()).default([]),
        orderValue: z.array(valueBand).default([]),
        customerValue: z.array(valueBand).default([]),
      })
      .strict(),
    sla: z
      .object({
        minutes: z
          .object({
            low: z.number().int().positive(),
            normal: z.number().int().positive(),
            high: z.number().int().positive(),
            urgent: z.number().int().positive(),
          })
          .strict(),
        /** Levels a waiting ticket may climb: one per SLA period it waited. */
        maxEscalations: z.number().int().min(0).max(3).default(2),
      })
      .strict(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const queues = new Set(Object.keys(config.queues));
    const known = `declared queues: ${[...queues].join(', ')}`;
    const check = (queue: string | undefined, path: (string | number)[]) => {
      if (queue !== undefined && !queues.has(queue)) ctx.addIssue({ code: 'custom', path, message: `unknown queue "${queue}" (${known})` });
    };
    check(config.fallbackQueue, ['fallbackQueue']);
    for (const [intent, target] of Object.entries(config.intents)) check(typeof target === 'string' ? target : target.queue, ['intents', intent]);
    const seen = new Set<string>();
    config.rules.forEach((r, i) => {
      check(r.queue, ['rules', i, 'queue']);
      r.when.topic?.forEach((t, j) => check(t, ['rules', i, 'when', 'topic', j]));
      if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: `duplicate rule name "${r.name}"` });
      seen.add(r.name);
    });
  });

/** The validated contents of a routing file. */
export type RoutingConfig = z.infer<typeof routingConfigSchema>;
export type RoutingRule = RoutingConfig['rules'][number];
export type RuleConditions = RoutingRule['when'];
export type PriorityCue = RoutingConfig['priority']['cues'][number];
