/**
 * The NLU record the chat channel stores on each customer message
 * (`{intent, entities, handledBy, toolCalls}`), read defensively: it is JSON
 * from the database, and older rows or other channels may lack parts of it.
 */
import { z } from 'zod';

const schema = z.object({
  intent: z.object({ name: z.string(), confidence: z.number() }).optional(),
  entities: z.array(z.object({ entity: z.string(), value: z.unknown() }).passthrough()).default([]),
  handledBy: z.string().optional(),
  toolCalls: z.array(z.object({ name: z.string(), input: z.record(z.string(), z.unknown()).default({}), status: z.string() })).default([]),
});

export type NluRecord = z.infer<typeof schema>;

/** The record, or null when the message has none or it is not in the expected shape. */
export function readNluRecord(value: unknown): NluRecord | null {
  if (value === null || value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
