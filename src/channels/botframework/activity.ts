/**
 * The inbound edge: what an activity posted to /api/messages must carry before
 * it reaches the adapter. Unknown fields (channelData, entities, value...) pass
 * through untouched; the adapter and Teams helpers read them.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** Longest shopper message the engine is given (characters); the same bound as the web chat. */
export const MAX_TEXT_LENGTH = 1000;

const account = z.looseObject({ id: z.string().min(1).max(1024), name: z.string().max(1024).nullish() });

/**
 * Dates arrive as ISO strings and the adapter types them as Date (CloudAdapter.process converts them the same
 * way). Channels differ in precision and offsets, so an unreadable date is passed on as sent, never a 400.
 */
const timestamp = z
  .string()
  .max(64)
  .transform((s) => {
    const date = new Date(s);
    return Number.isNaN(date.getTime()) ? s : date;
  });

const inboundSchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().min(1).max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
  from: account,
  recipient: account,
  text: z.string().nullish(),
  timestamp: timestamp.optional(),
  localTimestamp: timestamp.optional(),
  expiration: timestamp.optional(),
});

export type InboundParse = { ok: true; activity: Activity } | { ok: false; problem: string };

/** Validates a parsed JSON body; on failure names the first offending field (for the 400 body and the log). */
export function parseInboundActivity(body: unknown): InboundParse {
  const parsed = inboundSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'body';
    return { ok: false, problem: `${field}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, activity: parsed.data as unknown as Activity };
}

/**
 * The shopper's words: the text without at-mentions of the bot (Teams puts
 * "<at>ShopDesk</at>" in channel messages). Reads entities defensively: they
 * are free-form JSON from the channel.
 */
export function messageText(activity: Activity): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  for (const entity of Array.isArray(activity.entities) ? activity.entities : []) {
    if (typeof entity !== 'object' || entity === null) continue;
    const mention = entity as { type?: unknown; mentioned?: { id?: unknown } | null; text?: unknown };
    if (typeof mention.type !== 'string' || mention.type.toLowerCase() !== 'mention') continue;
    if (mention.mentioned?.id !== activity.recipient.id || typeof mention.text !== 'string' || !mention.text) continue;
    text = text.split(mention.text).join(' ');
  }
  return text.replace(/\s+/g, ' ').trim();
}
