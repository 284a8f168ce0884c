/**
 * The contract every tool implements: a typed input schema (zod) and a
 * handler. The dialogue engine sees only the registry, never a tool's module.
 */
import type { z } from 'zod';
import type { LiveRecommender } from '../recommend';
import type { Db } from '../store';
import type { BotReply, ProductCard } from '../dialogue/reply';

/** Who the shopper has proven to be in this conversation. */
export interface Verification {
  customerId: number | null;
  failures: number;
  lockedUntil: string | null;
}

/** The trained recommender, with what this conversation has looked at. */
export interface RecommenderContext {
  live: LiveRecommender;
  /** Products shown or asked about in this conversation, oldest first: all a new visitor's history. */
  sessionProductIds: readonly number[];
}

/** What a tool may use; built per call by the engine. */
export interface ToolContext {
  db: Db;
  conversationId: string;
  verification: Verification;
  /** Products shown last (for "the second one"), ids in display order. */
  lastProductIds: number[];
  /** Records a security-relevant event (verification attempts, refused lookups). */
  audit(event: string, details: Record<string, unknown>): void;
  now(): Date;
  /** Set when a recommender model is loaded; without it the recommend tool uses its baseline. */
  recommender?: RecommenderContext;
  /** The message being answered, as the NLU read it (tickets route on it before it is stored). */
  message?: { text: string; intent: { name: string; confidence: number }; ranking?: Array<{ name: string; confidence: number }>; entities: Array<{ entity: string; value: unknown; text?: string }> };
  /** The support desk, when the server runs one: tickets open through it (routed, summarised, assigned). */
  desk?: SupportDesk;
}

export type TicketSource = 'handoff' | 'bot_failed' | 'complaint';

/** What the handoff tool needs from the support desk (implemented by src/support's TicketService). */
export interface SupportDesk {
  openTicket(
    conversationId: string,
    request: { reason: string; source: TicketSource; current?: ToolContext['message'] },
  ): Promise<{ ticketId: number; queue: string; status: string; created: boolean }>;
}

export type ToolOutcome =
  | { status: 'ok'; data: Record<string, unknown>; reply?: Partial<BotReply>; products?: ProductCard[] }
  /** The tool cannot run until the shopper is verified (never says whether an order exists). */
  | { status: 'needs_verification' }
  | { status: 'refused'; reason: string; data?: Record<string, unknown> }
  | { status: 'not_found'; data?: Record<string, unknown> };

export interface Tool<S extends z.ZodTypeAny = z.ZodTypeAny> {
  name: string;
  description: string;
  input: S;
  /** Tools that reveal or change an order must declare it: the engine enforces verification first. */
  requiresVerifiedCustomer: boolean;
  run(input: z.infer<S>, context: ToolContext): Promise<ToolOutcome>;
}
