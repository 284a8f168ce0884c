/**
 * The contract every tool implements: a typed input schema (zod) and a
 * handler. The dialogue engine sees only the registry, never a tool's module.
 */
import type { z } from 'zod';
import type { Db } from '../store';
import type { BotReply, ProductCard } from '../dialogue/reply';

/** Who the shopper has proven to be in this conversation. */
export interface Verification {
  customerId: number | null;
  failures: number;
  lockedUntil: string | null;
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
