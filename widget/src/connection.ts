/**
 * The widget's side of the chat protocol: socket, hello, outbox, dedupe. DOM-free (unit tested in Node).
 * Every typed message stays in a persisted outbox until acknowledged, retries reuse its clientId, every
 * server message is reported once (by id), and what was missed while disconnected comes back with the
 * hello sent on every (re)connect (afterId = highest id shown).
 */
import { io, type Socket } from 'socket.io-client';
import { CHAT_LIMITS, CHAT_NAMESPACE } from '../../src/channels/socketio/protocol';
import type { ChatError, ChatMessage, ClientToServerEvents, HelloPayload, ServerToClientEvents } from '../../src/channels/socketio/protocol';
import { Emitter } from './emitter';
import { Scheduler } from './schedule';
import { createStore, type OutboxItem, type WidgetStore } from './store';
import { friendlyError, normalizeMessage, randomId } from './wire';
import type { ConnectionEvents, ConnectionOptions, ConnectionState, ConnectionStatus, MessageInfo, MessageSource, PendingMessage } from './wire';

export * from './wire';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class ChatConnection {
  readonly events = new Emitter<ConnectionEvents>();
  private readonly store: WidgetStore;
  private readonly scheduler: Scheduler;
  private readonly ackMs: number;
  private sessionToken: string | undefined;
  private socket?: ChatSocket;
  private conversationId: string | undefined;
  private readonly shown = new Map<number, ChatMessage>();
  private lastSeenId = 0;
  private outbox: OutboxItem[];
  private inFlight?: { clientId: string };
  /** Bumped on connect, disconnect and resync: callbacks from an older epoch are ignored. */
  private epoch = 0;
  private ready = false;
  private hellos = 0;
  private helloFailures = 0;
  private transientFailures = 0;
  private rateLimitStreak = 0;
  private unknownStreak = 0;
  private blockedUntil = 0;
  private status: ConnectionStatus = 'connecting';
  private closed = false;

  constructor(private readonly options: ConnectionOptions) {
    this.store = options.store ?? createStore(options.server);
    this.ackMs = options.ackTimeoutMs ?? CHAT_LIMITS.ackTimeoutMs;
    this.scheduler = new Scheduler(options.retryDelayMs ?? 5000, options.maxRetryDelayMs ?? 30000);
    this.sessionToken = options.sessionToken || undefined;
    this.conversationId = this.store.loadConversationId();
    this.outbox = this.store.loadOutbox();
  }

  /** Reports restored outbox messages as pending, then connects. */
  start(): void {
    if (this.socket || this.closed) return;
    for (const item of this.outbox) this.events.emit('pending', { ...item, state: 'sending' });
    const socket: ChatSocket = io(`${this.options.server}${CHAT_NAMESPACE}`, {
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: true,
      forceNew: true,
      ...this.options.socketOptions,
    });
    this.socket = socket;
    socket.on('connect', () => this.onConnect());
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
    socket.on('connect_error', () => {
      // A refusal by server middleware stops the built-in reconnection; keep trying.
      if (!socket.active) this.reconnectLater();
    });
    socket.on('chat:message', (message) => {
      const m = normalizeMessage(message);
      if (m) this.ingest(m, 'live');
    });
    socket.on('chat:typing', (payload) => this.events.emit('typing', Boolean(payload?.typing)));
  }

  /** Queues a message; returns it as pending (or failed when too long), undefined when blank. */
  send(text: string, display?: string): PendingMessage | undefined {
    const clean = String(text ?? '').trim();
    if (!clean) return undefined;
    const item: OutboxItem = { clientId: (this.options.createId ?? randomId)(), text: clean, createdAt: new Date().toISOString() };
    if (display && display !== clean) item.display = display;
    if (clean.length > CHAT_LIMITS.maxTextLength) {
      const failed: PendingMessage = { ...item, state: 'failed', error: friendlyError({ code: 'too_long' }) };
      this.events.emit('pending', failed);
      if (failed.error) this.events.emit('error', failed.error);
      return failed;
    }
    this.outbox.push(item);
    this.store.saveOutbox(this.outbox);
    const pending: PendingMessage = { ...item, state: 'sending' };
    this.events.emit('pending', pending);
    this.flush();
    return pending;
  }

  close(): void {
    this.closed = true;
    this.scheduler.stop();
    this.socket?.disconnect();
  }

  /** A snapshot for the UI, integrators and tests. */
  state(): ConnectionState {
    const messages = [...this.shown.values()].sort((a, b) => a.id - b.id);
    const outbox = this.outbox.map((item) => ({ ...item }));
    return { conversationId: this.conversationId, status: this.status, ready: this.ready, lastSeenId: this.lastSeenId, messages, outbox };
  }

  private onConnect(): void {
    this.epoch++;
    this.ready = false;
    this.inFlight = undefined;
    this.helloFailures = 0;
    this.hello();
  }

  private onDisconnect(reason: string): void {
    this.epoch++;
    this.ready = false;
    this.inFlight = undefined;
    this.setStatus('disconnected');
    this.events.emit('typing', false);
    // The server (or a restart) closed us on purpose: Socket.io does not reconnect by itself then.
    if (reason === 'io server disconnect') this.reconnectLater();
  }

  private hello(): void {
    const socket = this.socket;
    if (!socket?.connected || this.closed) return;
    const epoch = this.epoch;
    const payload: HelloPayload = { afterId: this.lastSeenId };
    if (this.conversationId) payload.conversationId = this.conversationId;
    if (this.sessionToken) payload.sessionToken = this.sessionToken;
    socket.timeout(this.ackMs).emit('chat:hello', payload, (err, res) => {
      if (epoch !== this.epoch || this.closed) return;
      if (err || !res || typeof res !== 'object') return this.retryHello();
      if (!res.ok) {
        const error = friendlyError(res.error);
        // A conversation the server does not know (or a malformed stored id): start a new one.
        if ((error.code === 'unknown_conversation' || error.code === 'invalid') && this.conversationId) {
          this.forgetConversation();
          return this.hello();
        }
        // An expired or bad session token must not lock the shopper out: go on anonymously.
        if (error.code === 'invalid' && this.sessionToken) {
          this.sessionToken = undefined;
          return this.hello();
        }
        this.events.emit('error', error);
        return this.retryHello();
      }
      this.onHello(res.conversationId, res.messages);
    });
  }

  private onHello(conversationId: string, messages: unknown): void {
    if (this.conversationId && this.conversationId !== conversationId) this.resetShown();
    this.conversationId = conversationId;
    this.store.saveConversationId(conversationId);
    const source: MessageSource = this.hellos === 0 ? 'history' : 'resync';
    this.hellos++;
    const list = (Array.isArray(messages) ? messages : []).map(normalizeMessage);
    const valid = list.filter((m): m is ChatMessage => m !== undefined).sort((a, b) => a.id - b.id);
    for (const m of valid) this.ingest(m, source);
    this.ready = true;
    this.helloFailures = 0;
    this.setStatus('connected');
    this.events.emit('ready', conversationId);
    this.flush();
  }

  private retryHello(): void {
    this.helloFailures++;
    const epoch = this.epoch;
    // Hello failures are mostly "server starting": retry sooner than sends (1 s, 2 s, 4 s... by default).
    this.scheduler.later(this.scheduler.backoff(this.helloFailures, 0.2), () => {
      if (epoch === this.epoch) this.hello();
    });
  }

  /** Asks the server what it has (hello), then resends what is still in the outbox. */
  private resync(): void {
    if (!this.socket?.connected || this.closed) return;
    this.epoch++;
    this.ready = false;
    this.inFlight = undefined;
    this.hello();
  }

  private ingest(message: ChatMessage, source: MessageSource): void {
    const item = message.clientId ? this.take(message.clientId) : undefined;
    if (this.shown.has(message.id)) {
      if (item) this.events.emit('settled', item.clientId, message);
      return;
    }
    this.shown.set(message.id, message);
    if (message.id > this.lastSeenId) this.lastSeenId = message.id;
    const info: MessageInfo = { source };
    if (item?.display) info.display = item.display;
    this.events.emit('message', message, info);
  }

  private flush(): void {
    const socket = this.socket;
    if (this.closed || !socket?.connected || !this.ready || !this.conversationId || this.inFlight) return;
    const wait = this.blockedUntil - Date.now();
    if (wait > 0) {
      const epoch = this.epoch;
      this.scheduler.later(wait, () => {
        if (epoch === this.epoch) this.flush();
      });
      return;
    }
    const item = this.outbox[0];
    if (!item) return;
    const token = { clientId: item.clientId };
    this.inFlight = token;
    const payload = { conversationId: this.conversationId, clientId: item.clientId, text: item.text };
    socket.timeout(this.ackMs).emit('chat:send', payload, (err, res) => {
      if (this.inFlight !== token || this.closed) return; // stale: a disconnect or resync took over
      this.inFlight = undefined;
      if (err || !res || typeof res !== 'object') return this.resync(); // ack lost: ask, then resend
      if (res.ok) {
        this.transientFailures = this.rateLimitStreak = this.unknownStreak = 0;
        const message = normalizeMessage(res.message);
        if (message) this.ingest({ ...message, clientId: message.clientId ?? item.clientId }, 'ack');
        else if (this.take(item.clientId)) this.events.emit('pending', { ...item, state: 'sent' });
        return this.flush();
      }
      this.onSendError(item, friendlyError(res.error));
    });
  }

  private onSendError(item: OutboxItem, error: ChatError): void {
    this.events.emit('error', error);
    if (error.code === 'unknown_conversation') {
      // This socket's hello may simply not have registered: say hello again; twice in a row means it is gone.
      if (++this.unknownStreak >= 2) this.forgetConversation();
      return this.resync();
    }
    if (error.code === 'rate_limited') {
      this.rateLimitStreak++;
      return this.retryLater(item, error, this.rateLimitStreak);
    }
    if ((error.code === 'unavailable' || error.code === 'internal') && ++this.transientFailures < (this.options.maxTransientAttempts ?? 5)) {
      return this.retryLater(item, error, this.transientFailures);
    }
    // Not transient (invalid, too_long) or retried enough: give up on this one, go on with the rest.
    this.transientFailures = 0;
    this.take(item.clientId);
    this.events.emit('pending', { ...item, state: 'failed', error });
    this.flush();
  }

  private retryLater(item: OutboxItem, error: ChatError, attempt: number): void {
    this.events.emit('pending', { ...item, state: 'sending', error });
    this.blockedUntil = Date.now() + this.scheduler.backoff(attempt);
    this.flush();
  }

  /** Removes a message from the (persisted) outbox; returns it when it was there. */
  private take(clientId: string): OutboxItem | undefined {
    const item = this.outbox.find((i) => i.clientId === clientId);
    if (item) {
      this.outbox = this.outbox.filter((i) => i !== item);
      this.store.saveOutbox(this.outbox);
    }
    return item;
  }

  private forgetConversation(): void {
    this.conversationId = undefined;
    this.store.saveConversationId(undefined);
    this.resetShown();
  }

  private resetShown(): void {
    if (this.shown.size) {
      this.shown.clear();
      this.events.emit('reset');
    }
    this.lastSeenId = 0;
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.events.emit('status', status);
  }

  private reconnectLater(): void {
    this.scheduler.later(this.scheduler.backoff(1, 0.2), () => {
      if (this.socket && !this.socket.connected && !this.closed) this.socket.connect();
    });
  }
}
