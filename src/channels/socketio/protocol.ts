/**
 * The chat protocol between the widget and the server: one typed event map,
 * shared by both sides (the widget bundles this file). Every client->server
 * event takes an acknowledgement as its last argument; the widget always sends
 * with a timeout and retries with the same clientId, and the server stores each
 * message once per clientId, so retries never duplicate and drops never lose.
 */
import type { RichPart } from '../../dialogue/reply';

export const CHAT_NAMESPACE = '/chat';

export const CHAT_LIMITS = {
  /** Longest message a shopper can send (characters). */
  maxTextLength: 1000,
  /** Messages per connection per minute before "slow down". */
  messagesPerMinute: 20,
  /** How long the widget waits for an acknowledgement before retrying. */
  ackTimeoutMs: 8000,
} as const;

export type ChatRole = 'user' | 'bot' | 'agent' | 'system';

export interface ChatMessage {
  /** Server-assigned, increasing within a conversation. */
  id: number;
  /** The sender's idempotency key (user messages). */
  clientId?: string;
  role: ChatRole;
  text: string;
  parts: RichPart[];
  createdAt: string;
}

export type ChatErrorCode = 'invalid' | 'too_long' | 'rate_limited' | 'unknown_conversation' | 'unavailable' | 'internal';

export interface ChatError {
  code: ChatErrorCode;
  /** Friendly text the widget can show as is. */
  message: string;
}

export type AckResponse<T> = ({ ok: true } & T) | { ok: false; error: ChatError };
export type Ack<T> = (response: AckResponse<T>) => void;

export interface HelloPayload {
  /** A conversation id the widget got earlier (kept in localStorage); omitted to start a new one. */
  conversationId?: string;
  /** The store's signed session token for a logged-in shopper (see README: verification). */
  sessionToken?: string;
  /** Highest message id the widget already shows: the server returns what came after. */
  afterId?: number;
}

export interface SendPayload {
  conversationId: string;
  /** Unique per message on the client (e.g. crypto.randomUUID()); retries reuse it. */
  clientId: string;
  text: string;
}

export interface ClientToServerEvents {
  'chat:hello': (payload: HelloPayload, ack: Ack<{ conversationId: string; messages: ChatMessage[] }>) => void;
  'chat:send': (payload: SendPayload, ack: Ack<{ message: ChatMessage }>) => void;
}

export interface ServerToClientEvents {
  'chat:message': (message: ChatMessage) => void;
  'chat:typing': (payload: { typing: boolean }) => void;
}
