/**
 * Wire-level helpers and types shared by the connection and the UI: friendly
 * error texts, message normalisation, client ids. No DOM.
 */
import { CHAT_LIMITS } from '../../src/channels/socketio/protocol';
import type { ChatError, ChatErrorCode, ChatMessage } from '../../src/channels/socketio/protocol';
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import type { OutboxItem, WidgetStore } from './store';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';
/** How a server message reached the widget. */
export type MessageSource = 'history' | 'resync' | 'live' | 'ack';

export interface MessageInfo {
  source: MessageSource;
  /** For the shopper's own message: what to show instead of `text` (quick reply title). */
  display?: string;
}

export interface PendingMessage extends OutboxItem {
  /** sending: in the outbox (maybe waiting to retry, see error); failed: given up; sent: acknowledged without a message. */
  state: 'sending' | 'failed' | 'sent';
  error?: ChatError;
}

export interface ConnectionEvents {
  message: [message: ChatMessage, info: MessageInfo];
  pending: [pending: PendingMessage];
  /** A pending message turned out to be a message already reported (by id). */
  settled: [clientId: string, message: ChatMessage];
  typing: [typing: boolean];
  status: [status: ConnectionStatus];
  ready: [conversationId: string];
  /** The conversation changed: drop every shown server message. */
  reset: [];
  error: [error: ChatError];
}

export interface ConnectionState {
  conversationId: string | undefined;
  status: ConnectionStatus;
  /** Hello answered on the current connection: sends go out. */
  ready: boolean;
  lastSeenId: number;
  /** Server messages reported so far, in id order. */
  messages: ChatMessage[];
  outbox: OutboxItem[];
}

export interface ConnectionOptions {
  /** Base URL of the ShopDesk server, e.g. "http://localhost:3000". */
  server: string;
  sessionToken?: string;
  store?: WidgetStore;
  ackTimeoutMs?: number;
  /** First delay before retrying after rate_limited / unavailable / a failed hello; doubles up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** unavailable/internal send errors before a message is given up. */
  maxTransientAttempts?: number;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  createId?: () => string;
}

const ERROR_CODES: ChatErrorCode[] = ['invalid', 'too_long', 'rate_limited', 'unknown_conversation', 'unavailable', 'internal'];

export const FRIENDLY_ERRORS: Record<ChatErrorCode, string> = {
  invalid: "That message couldn't be sent.",
  too_long: `That message is too long — please keep it under ${CHAT_LIMITS.maxTextLength} characters.`,
  rate_limited: "You're sending messages too fast — please wait a moment.",
  unknown_conversation: 'This conversation has ended. Starting a new one…',
  unavailable: 'Chat is temporarily unavailable. Retrying…',
  internal: 'Something went wrong. Retrying…',
};

export function friendlyError(error: Partial<ChatError> | undefined): ChatError {
  const code = error && ERROR_CODES.includes(error.code as ChatErrorCode) ? (error.code as ChatErrorCode) : 'internal';
  const message = typeof error?.message === 'string' && error.message ? error.message : FRIENDLY_ERRORS[code];
  return { code, message };
}

/** crypto.randomUUID where available (secure contexts), else a v4 UUID from getRandomValues or Math.random. */
export function randomId(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  try {
    if (c?.randomUUID) return c.randomUUID();
  } catch {
    // Not a secure context.
  }
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A message from the wire, checked and normalised; undefined when unusable. */
export function normalizeMessage(value: unknown): ChatMessage | undefined {
  const m = value as ChatMessage | undefined;
  if (!m || typeof m !== 'object' || typeof m.id !== 'number' || !Number.isFinite(m.id)) return undefined;
  return {
    ...m,
    role: m.role ?? 'bot',
    text: typeof m.text === 'string' ? m.text : '',
    parts: Array.isArray(m.parts) ? m.parts : [],
    createdAt: typeof m.createdAt === 'string' ? m.createdAt : new Date().toISOString(),
  };
}
