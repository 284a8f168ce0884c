/**
 * The shopper chat over Socket.io (namespace /chat). Every user message is
 * validated, rate limited and stored (once per clientId) before it is
 * acknowledged; replies are stored before they are emitted, so a widget that
 * reconnects (or a server that restarts) can always catch up with
 * 'chat:hello' { afterId }. Turns of one conversation run one at a time.
 */
import crypto from 'node:crypto';
import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { DialogueEngine } from '../../dialogue/engine';
import type { RichPart } from '../../dialogue/reply';
import { nluRecordOf } from '../../dialogue/turn';
import type { ConversationStore, StoredMessage } from '../../store';
import type { SupportEvents } from '../../support';
import type { Logger } from '../../util/logger';
import {
  CHAT_LIMITS,
  CHAT_NAMESPACE,
  type AckResponse,
  type ChatError,
  type ChatMessage,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './protocol';
import { SlidingWindowLimiter } from '../../util/rate-limit';
import { SerialQueue } from '../../util/serial-queue';

export interface ChatChannelDeps {
  io: Server;
  /** Undefined while the server is still starting (database or model not ready). */
  services: () => { engine: DialogueEngine; conversations: ConversationStore } | undefined;
  /** Checks a store session token; returns the customer id or null. */
  verifySessionToken: (token: string) => number | null;
  logger: Logger;
  /** The support desk's bus: shopper and bot messages go out (agents watch), agent messages come in. */
  events?: SupportEvents;
}

interface SocketData {
  conversationId?: string;
  customerId?: number;
  limiter: SlidingWindowLimiter;
}

type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const helloSchema = z.object({
  conversationId: z.string().uuid().optional(),
  sessionToken: z.string().max(2048).optional(),
  afterId: z.number().int().min(0).optional(),
});

const sendSchema = z.object({
  conversationId: z.string().uuid(),
  clientId: z.string().min(1).max(100),
  text: z.string(),
});

const FRIENDLY: Record<ChatError['code'], string> = {
  invalid: "Sorry, that message couldn't be read. Please try again.",
  too_long: `That message is too long: please keep it under ${CHAT_LIMITS.maxTextLength} characters.`,
  rate_limited: "You're sending messages too fast. Please wait a moment.",
  unknown_conversation: 'This chat has expired. Please reload the page.',
  unavailable: "The chat is starting up. Please try again in a few seconds.",
  internal: 'Sorry, something went wrong on our side. Please try again.',
};

function fail(code: ChatError['code']): { ok: false; error: ChatError } {
  return { ok: false, error: { code, message: FRIENDLY[code] } };
}

export function toChatMessage(message: StoredMessage): ChatMessage {
  const payload = message.payload as { parts?: RichPart[] } | null;
  return {
    id: message.id,
    ...(message.clientId ? { clientId: message.clientId } : {}),
    role: message.role as ChatMessage['role'],
    text: message.text,
    parts: Array.isArray(payload?.parts) ? payload.parts : [],
    createdAt: message.createdAt.toISOString(),
  };
}

export function attachChatChannel(deps: ChatChannelDeps): void {
  const log = deps.logger.child({ module: 'chat' });
  const namespace = deps.io.of(CHAT_NAMESPACE) as unknown as Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  /** Per-conversation queue: turns run in arrival order, one at a time. */
  const turns = new SerialQueue();
  const enqueue = (conversationId: string, work: () => Promise<void>) => turns.run(conversationId, work).catch((error: Error) => log.error({ err: error, conversationId }, 'turn failed'));

  const publish = (conversationId: string, message: StoredMessage) => deps.events?.emit('message', { conversationId, message, origin: 'chat' });
  // Agent and system messages from the desk reach the shopper's open tabs (through the adapter when clustered).
  deps.events?.on('message', ({ conversationId, message, origin }) => {
    if (origin === 'desk') namespace.to(conversationId).emit('chat:message', toChatMessage(message));
  });

  const runTurn = async (conversationId: string, text: string, userMessageId: number, customerId: number | undefined) => {
    const services = deps.services();
    if (!services) return;
    const room = namespace.to(conversationId);
    room.emit('chat:typing', { typing: true });
    try {
      const result = await services.engine.handle(conversationId, text, customerId === undefined ? {} : { sessionCustomerId: customerId });
      await services.conversations.setNlu(userMessageId, nluRecordOf(result));
      for (const reply of result.replies) {
        const { message } = await services.conversations.append(conversationId, { role: 'bot', text: reply.text, payload: { parts: reply.parts } });
        room.emit('chat:message', toChatMessage(message));
        publish(conversationId, message);
      }
    } catch (error) {
      log.error({ err: error, conversationId }, 'turn failed');
      const { message } = await services.conversations.append(conversationId, { role: 'bot', text: FRIENDLY.internal, payload: { parts: [] } });
      room.emit('chat:message', toChatMessage(message));
    } finally {
      room.emit('chat:typing', { typing: false });
    }
  };

  namespace.on('connection', (socket: ChatSocket) => {
    socket.data.limiter = new SlidingWindowLimiter(CHAT_LIMITS.messagesPerMinute);

    socket.on('chat:hello', async (raw, ack) => {
      if (typeof ack !== 'function') return;
      const respond = ack as (r: AckResponse<{ conversationId: string; messages: ChatMessage[] }>) => void;
      try {
        const parsed = helloSchema.safeParse(raw ?? {});
        if (!parsed.success) return respond(fail('invalid'));
        const services = deps.services();
        if (!services) return respond(fail('unavailable'));
        const { conversations } = services;
        if (parsed.data.sessionToken) {
          const customerId = deps.verifySessionToken(parsed.data.sessionToken);
          if (customerId !== null) socket.data.customerId = customerId;
        }
        let conversationId = parsed.data.conversationId;
        if (!conversationId || !(await conversations.exists(conversationId))) {
          conversationId = crypto.randomUUID();
          await conversations.create(conversationId, 'web', socket.data.customerId ?? null);
        }
        if (socket.data.conversationId && socket.data.conversationId !== conversationId) await socket.leave(socket.data.conversationId);
        socket.data.conversationId = conversationId;
        await socket.join(conversationId);
        const messages = await conversations.messagesAfter(conversationId, parsed.data.afterId ?? 0);
        respond({ ok: true, conversationId, messages: messages.map(toChatMessage) });
        // A user message without a reply means the server stopped mid-turn: answer it now.
        const last = await conversations.lastMessage(conversationId);
        if (last?.role === 'user' && !turns.busy(conversationId)) {
          const id = conversationId;
          void enqueue(id, () => runTurn(id, last.text, last.id, socket.data.customerId));
        }
      } catch (error) {
        log.error({ err: error }, 'hello failed');
        respond(fail('internal'));
      }
    });

    socket.on('chat:send', async (raw, ack) => {
      if (typeof ack !== 'function') return;
      const respond = ack as (r: AckResponse<{ message: ChatMessage }>) => void;
      try {
        const parsed = sendSchema.safeParse(raw);
        if (!parsed.success) return respond(fail('invalid'));
        const { conversationId, clientId } = parsed.data;
        const text = parsed.data.text.trim();
        if (text.length === 0) return respond(fail('invalid'));
        if (text.length > CHAT_LIMITS.maxTextLength) return respond(fail('too_long'));
        // A socket may only write to the conversation it opened with hello.
        if (socket.data.conversationId !== conversationId) return respond(fail('unknown_conversation'));
        const services = deps.services();
        if (!services) return respond(fail('unavailable'));
        if (!socket.data.limiter.tryTake()) return respond(fail('rate_limited'));
        const { message, created } = await services.conversations.append(conversationId, { clientId, role: 'user', text });
        respond({ ok: true, message: toChatMessage(message) });
        if (created) {
          socket.to(conversationId).emit('chat:message', toChatMessage(message)); // other tabs of the same shopper
          publish(conversationId, message);
          void enqueue(conversationId, () => runTurn(conversationId, text, message.id, socket.data.customerId));
        }
      } catch (error) {
        log.error({ err: error }, 'send failed');
        respond(fail('internal'));
      }
    });
  });
}
