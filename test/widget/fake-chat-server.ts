/**
 * A tiny in-test Socket.io server for the '/chat' namespace: implements the
 * widget protocol (hello with afterId, idempotent send by clientId, echo bot)
 * plus switches to simulate crashes, hangs, rate limits and outages.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Server, type Socket } from 'socket.io';
import {
  CHAT_LIMITS,
  CHAT_NAMESPACE,
  type ChatMessage,
  type ClientToServerEvents,
  type HelloPayload,
  type SendPayload,
  type ServerToClientEvents,
} from '../../src/channels/socketio/protocol';
import type { RichPart } from '../../src/dialogue/reply';

/** What the server does with the next send of a given text (used once). */
export type Behavior =
  | 'crash-after-persist' // store it, then drop the connection without acking
  | 'crash-before-persist' // drop the connection before storing anything
  | 'kick-after-persist' // store it, then socket.disconnect() ("io server disconnect")
  | 'hang-after-persist' // store it, never ack (connection stays up)
  | 'rate-limit' // answer rate_limited
  | 'invalid' // answer invalid
  | 'duplicate-events'; // ack, then emit the user message and the reply twice each

type SocketData = { conversationId?: string };
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export class FakeChatServer {
  url = '';
  readonly conversations = new Map<string, ChatMessage[]>();
  readonly hellos: HelloPayload[] = [];
  readonly sends: SendPayload[] = [];
  readonly behaviors = new Map<string, Behavior>();
  /** When true, new connections to /chat are refused (server "down"). */
  down = false;
  /** Delay before the echo bot answers. */
  replyDelayMs = 0;
  private nextId = 1;
  private readonly http: HttpServer = createServer();
  private readonly io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(this.http);
  private readonly nsp = this.io.of(CHAT_NAMESPACE);

  async start(): Promise<this> {
    this.nsp.use((_socket, next) => next(this.down ? new Error('server down') : undefined));
    this.nsp.on('connection', (socket: ChatSocket) => this.onConnection(socket));
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.io.disconnectSockets(true);
    await new Promise<void>((resolve) => this.io.close(() => resolve()));
  }

  /** Stored user messages with this clientId (any conversation). */
  stored(clientId: string): ChatMessage[] {
    return [...this.conversations.values()].flat().filter((m) => m.clientId === clientId);
  }

  /** Stores a bot message and emits it to whoever is in the conversation's room. */
  pushBot(conversationId: string, text: string, parts: RichPart[] = []): ChatMessage {
    const message = this.append(conversationId, { role: 'bot', text, parts });
    this.nsp.to(conversationId).emit('chat:message', message);
    return message;
  }

  /** Drops every connection's transport, as a network outage would (clients reconnect by themselves). */
  dropConnections(): void {
    for (const socket of this.nsp.sockets.values()) socket.conn.close();
  }

  connectedCount(): number {
    return this.nsp.sockets.size;
  }

  private append(conversationId: string, fields: Omit<ChatMessage, 'id' | 'createdAt'>): ChatMessage {
    const list = this.conversations.get(conversationId) ?? [];
    this.conversations.set(conversationId, list);
    const message: ChatMessage = { id: this.nextId++, ...fields, createdAt: new Date().toISOString() };
    list.push(message);
    return message;
  }

  private onConnection(socket: ChatSocket): void {
    socket.on('chat:hello', (payload, ack) => {
      this.hellos.push(payload);
      let conversationId = payload.conversationId;
      if (!conversationId || !this.conversations.has(conversationId)) {
        conversationId = randomUUID();
        this.conversations.set(conversationId, []);
      }
      if (socket.data.conversationId && socket.data.conversationId !== conversationId) void socket.leave(socket.data.conversationId);
      socket.data.conversationId = conversationId;
      void socket.join(conversationId);
      const messages = (this.conversations.get(conversationId) ?? []).filter((m) => m.id > (payload.afterId ?? 0));
      ack({ ok: true, conversationId, messages });
    });

    socket.on('chat:send', (payload, ack) => {
      this.sends.push(payload);
      const { conversationId, clientId } = payload;
      const text = String(payload.text ?? '').trim();
      if (socket.data.conversationId !== conversationId) return ack({ ok: false, error: { code: 'unknown_conversation', message: 'Unknown conversation.' } });
      if (!text) return ack({ ok: false, error: { code: 'invalid', message: 'Empty message.' } });
      if (text.length > CHAT_LIMITS.maxTextLength) return ack({ ok: false, error: { code: 'too_long', message: 'Too long.' } });
      const behavior = this.behaviors.get(text);
      if (behavior) this.behaviors.delete(text);
      if (behavior === 'rate-limit') return ack({ ok: false, error: { code: 'rate_limited', message: "You're sending messages too fast — please wait a moment." } });
      if (behavior === 'invalid') return ack({ ok: false, error: { code: 'invalid', message: 'That message was rejected.' } });
      if (behavior === 'crash-before-persist') return void socket.conn.close();

      const existing = this.conversations.get(conversationId)?.find((m) => m.clientId === clientId);
      const message = existing ?? this.append(conversationId, { clientId, role: 'user', text, parts: [] });
      if (behavior === 'crash-after-persist') return void socket.conn.close();
      if (behavior === 'kick-after-persist') return void socket.disconnect(true);
      if (behavior === 'hang-after-persist') return;
      ack({ ok: true, message });
      if (existing) return; // a retry: already answered
      if (behavior === 'duplicate-events') {
        this.nsp.to(conversationId).emit('chat:message', message);
        this.nsp.to(conversationId).emit('chat:message', message);
      }
      this.nsp.to(conversationId).emit('chat:typing', { typing: true });
      setTimeout(() => {
        const reply = this.pushBot(conversationId, `echo: ${text}`);
        if (behavior === 'duplicate-events') this.nsp.to(conversationId).emit('chat:message', reply);
        this.nsp.to(conversationId).emit('chat:typing', { typing: false });
      }, this.replyDelayMs);
    });
  }
}
