/** Conversation state: everything the engine remembers between turns; persisted as JSON per conversation. */
import type { Verification } from '../tools/types';

/** Filters of the last product search, for follow-ups ("cheaper?", "in blue?"). */
export interface SearchFilters {
  query?: string;
  category?: string;
  brand?: string;
  color?: string;
  size?: string;
  material?: string;
  minPrice?: number;
  maxPrice?: number;
}

export interface PendingConfirmation {
  /** Tool to run when the shopper says yes, with its input. */
  tool: string;
  input: Record<string, unknown>;
  /** Response key to say when the shopper says no. */
  onDeny: string;
  /** Intent of the request being confirmed: the shopper repeating it ("yes, cancel it") says yes. */
  intent?: string;
}

export interface ConversationState {
  version: 1;
  /** Values gathered so far (order_id, email, product, size...). */
  slots: Record<string, string>;
  /** The flow waiting for slots, and the slot it asked for last. */
  activeFlow: string | null;
  askedSlot: string | null;
  pending: PendingConfirmation | null;
  /** Product ids shown last, in display order ("the second one"). */
  lastProducts: number[];
  /** The product the conversation is about now ("is it in stock?"), once one was picked or asked about. */
  focusProduct: number | null;
  /** Lowest price among them, for "cheaper?". */
  lastMinPriceCents: number | null;
  lastSearch: SearchFilters | null;
  verification: Verification;
  /** Consecutive messages the bot could not understand (2 -> offer a human). */
  misunderstandings: number;
  /** Intents of recent turns, newest last (at most 20). */
  history: { intent: string; confidence: number; at: string }[];
  turns: number;
}

export function initialState(): ConversationState {
  return {
    version: 1,
    slots: {},
    activeFlow: null,
    askedSlot: null,
    pending: null,
    lastProducts: [],
    lastMinPriceCents: null,
    focusProduct: null,
    lastSearch: null,
    verification: { customerId: null, failures: 0, lockedUntil: null },
    misunderstandings: 0,
    history: [],
    turns: 0,
  };
}

/** Reads a stored state defensively: unknown or old shapes fall back to defaults, never crash a conversation. */
export function reviveState(raw: unknown): ConversationState {
  const base = initialState();
  if (!raw || typeof raw !== 'object') return base;
  const stored = raw as Partial<ConversationState>;
  return {
    ...base,
    ...stored,
    slots: { ...(stored.slots ?? {}) },
    verification: { ...base.verification, ...(stored.verification ?? {}) },
    history: Array.isArray(stored.history) ? stored.history : [],
    lastProducts: Array.isArray(stored.lastProducts) ? stored.lastProducts : [],
  };
}
