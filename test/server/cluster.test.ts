/**
 * Several servers behind one store: two real ShopDesk servers share one
 * database (PostgreSQL when SHOPDESK_TEST_PG_URL is set, else one SQLite file)
 * and one Redis. A shopper on server A asks for a person; an agent signed in on
 * server B hears of the ticket, takes over and replies through B, and the
 * shopper on A gets the reply. Without Redis the reply stays on B (negative
 * control: the adapter is what carries it). Then the Redis link itself: down at
 * start, killed mid-traffic and restarted, without ever stopping a server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { io as connect, type Socket } from 'socket.io-client';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { migrateDatabase, openDatabase, seedDatabase } from '../../src/store';
import { ensureDemoStaff } from '../../src/support';
import { databaseKinds, type TestDatabase } from '../helpers/databases';
import { canStartRedis, freePort, redisAvailable, startPrivateRedis, testRedis, type PrivateRedis, type TestRedis } from '../helpers/redis';

jest.setTimeout(240_000);

const AGENT = { email: 'ava@shopdesk.example', password: 'shopdesk-demo' };
/** Long enough for a message that has a path to arrive (Redis on loopback takes milliseconds); used only to show absence. */
const SETTLE_MS = 750;
/** How long to wait for an event that should come before calling it missing (a failure bound, not a timing claim). */
const NEVER_MS = 20_000;
/** The same kind of bound for a server (database, NLU model, assistant, Redis) to report ready. */
const STARTUP_MS = 120_000;

interface ChatMessage {
  id: number;
  role: string;
  text: string;
}
interface TicketChange {
  ticketId: number;
  change: string;
}

const ROOT = path.resolve(__dirname, '../..');
const sockets: Socket[] = [];
const children: ChildProcess[] = [];
const running: RunningServer[] = [];

/** The database both servers share, migrated and seeded once, like `shopdesk db migrate && shopdesk db seed`. */
async function sharedStore(): Promise<TestDatabase> {
  const kind = databaseKinds().at(-1)!; // PostgreSQL when configured: the database several servers share in production
  const store = await kind.create();
  await migrateDatabase(store.url);
  await seedDatabase(store.url, { seed: 42, scale: 0.03 });
  const db = openDatabase(store.url);
  await db.prepare();
  await ensureDemoStaff(db.prisma, AGENT.password);
  await db.close();
  return store;
}

/** Two servers on one store; with `redisUrl`, joined by the Redis adapter. */
async function startPair(store: TestDatabase, redisUrl?: string): Promise<[RunningServer, RunningServer]> {
  const env = {
    DATABASE_URL: store.url,
    SHOPDESK_PORT: '0',
    SHOPDESK_LOG_LEVEL: process.env.CLUSTER_TEST_LOG ?? 'silent', // e.g. CLUSTER_TEST_LOG=error to see the servers' errors
    SHOPDESK_AUTO_SEED: 'false',
    SHOPDESK_SESSION_SECRET: 'one-secret-for-every-server',
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  const pair = await Promise.all([startServer(loadConfig(env)), startServer(loadConfig(env))]);
  running.push(...pair);
  await Promise.all(pair.map((server) => untilReady(server, redisUrl !== undefined)));
  return pair;
}

async function untilReady(server: RunningServer, withRedis: boolean): Promise<Record<string, string>> {
  const giveUp = Date.now() + STARTUP_MS;
  for (;;) {
    const response = await fetch(`${server.url}/readyz`);
    const body = (await response.json()) as Record<string, string>;
    if (response.status === 200 && (!withRedis || body.redis === 'ok')) return body;
    if (Date.now() > giveUp) throw new Error(`${server.url} not ready: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopAll(): Promise<void> {
  for (const s of sockets.splice(0)) s.disconnect();
  await Promise.all(running.splice(0).map((server) => server.close()));
}

async function request(server: RunningServer, method: string, path: string, options: { body?: unknown; cookie?: string } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  return { status: response.status, setCookie: response.headers.getSetCookie() };
}

async function signIn(server: RunningServer): Promise<string> {
  const response = await request(server, 'POST', '/api/staff/login', { body: AGENT });
  expect(response.status).toBe(200);
  return response.setCookie[0]!.split(';')[0]!;
}

async function open(server: RunningServer, namespace: string, cookie?: string): Promise<Socket> {
  const s = connect(`${server.url}${namespace}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('connect_error', reject);
  });
  return s;
}

/** Everything a socket receives on one event, and a way to wait for a matching one (failing after NEVER_MS). */
function record<T>(s: Socket, event: string) {
  const seen: T[] = [];
  const waiters: { match: (item: T) => boolean; resolve: (item: T) => void }[] = [];
  s.on(event, (item: T) => {
    seen.push(item);
    for (const w of waiters.filter((w) => w.match(item))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(item);
    }
  });
  return {
    seen,
    next: (match: (item: T) => boolean) =>
      new Promise<T>((resolve, reject) => {
        const found = seen.find(match);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`no matching '${event}' within ${NEVER_MS} ms; got ${JSON.stringify(seen.slice(-5))}`)), NEVER_MS);
        waiters.push({ match, resolve: (item) => (clearTimeout(timer), resolve(item)) });
      }),
  };
}

/** A shopper's conversation on `server`: hello, then each message, each time until the bot's turn is over. */
async function shopper(server: RunningServer, texts: string[]) {
  const s = await open(server, '/chat');
  const messages = record<ChatMessage>(s, 'chat:message');
  const hello = await s.timeout(10_000).emitWithAck('chat:hello', {});
  const conversationId = hello.conversationId as string;
  let lastReply = '';
  for (const [i, text] of texts.entries()) {
    const turnOver = new Promise<void>((resolve) => {
      const onTyping = (payload: { typing: boolean }) => {
        if (payload.typing) return;
        s.off('chat:typing', onTyping);
        resolve();
      };
      s.on('chat:typing', onTyping);
    });
    const ack = await s.timeout(10_000).emitWithAck('chat:send', { conversationId, clientId: `c${i}-${conversationId}`, text });
    await turnOver;
    lastReply = messages.seen.find((m) => m.role === 'bot' && m.id > ack.message.id)?.text ?? '';
  }
  return { socket: s, messages, conversationId, lastReply };
}

async function ticketOf(server: RunningServer, conversationId: string) {
  return server.database.database!.prisma.ticket.findFirstOrThrow({ where: { conversationId } });
}

const describeWithRedis = redisAvailable() ? describe : describe.skip;

describeWithRedis('two servers, one store, one Redis', () => {
  // One store per pair: a test process that closes every connection to a SQLite file and opens it again can hit
  // "disk I/O error" (separate server processes do not).
  let stores: TestDatabase[] = [];
  let redis: TestRedis;

  beforeAll(async () => {
    const [withRedis, withoutRedis, started] = await Promise.all([sharedStore(), sharedStore(), testRedis()]);
    stores = [withRedis, withoutRedis];
    redis = started;
  });
  afterEach(stopAll);
  afterAll(async () => {
    await redis?.stop();
    await Promise.all(stores.map((store) => store.drop()));
  });

  test('a shopper on server A gets the reply of an agent who took over on server B', async () => {
    const [a, b] = await startPair(stores[0]!, redis.url);
    expect(await untilReady(a, true)).toMatchObject({ status: 'ready', redis: 'ok' });

    const cookie = await signIn(b);
    const agent = await open(b, '/agents', cookie);
    const agentTickets = record<TicketChange>(agent, 'ticket:changed');
    const agentMessages = record<{ conversationId: string; message: ChatMessage }>(agent, 'conversation:message');

    const chat = await shopper(a, ['I was charged twice for my order', 'can I speak to a human please']);
    const ticket = await ticketOf(a, chat.conversationId);
    expect(chat.lastReply).toContain(`#${ticket.id}`);
    // Opened on A, heard on B.
    expect((await agentTickets.next((c) => c.ticketId === ticket.id && c.change === 'created')).ticketId).toBe(ticket.id);

    expect(await agent.timeout(5000).emitWithAck('ticket:watch', { ticketId: ticket.id })).toEqual({ ok: true });
    expect((await request(b, 'POST', `/api/support/tickets/${ticket.id}/takeover`, { cookie })).status).toBe(200);
    // B's notice to the shopper reaches A.
    await chat.messages.next((m) => m.role === 'system' && m.text.includes('joined the chat'));

    const text = 'I see the double charge; refunding one now.';
    expect((await request(b, 'POST', `/api/support/tickets/${ticket.id}/reply`, { body: { text }, cookie })).status).toBe(200);
    expect((await chat.messages.next((m) => m.role === 'agent')).text).toBe(text);

    // And back: the shopper's answer on A reaches the agent watching on B.
    await chat.socket
      .timeout(10_000)
      .emitWithAck('chat:send', { conversationId: chat.conversationId, clientId: `thanks-${chat.conversationId}`, text: 'thank you!' });
    const heard = await agentMessages.next((p) => p.message.role === 'user' && p.message.text === 'thank you!');
    expect(heard.conversationId).toBe(chat.conversationId);
  });

  test('without Redis the same reply stays on server B (negative control)', async () => {
    const [a, b] = await startPair(stores[1]!);
    expect(await untilReady(a, false)).not.toHaveProperty('redis');

    const cookie = await signIn(b);
    const agentOnB = await open(b, '/agents', cookie);
    const agentOnA = await open(a, '/agents', cookie); // control: the event exists, on A only
    const heardOnB = record<TicketChange>(agentOnB, 'ticket:changed');
    const heardOnA = record<TicketChange>(agentOnA, 'ticket:changed');

    const chat = await shopper(a, ['I was charged twice for my order', 'can I speak to a human please']);
    const ticket = await ticketOf(a, chat.conversationId);
    await heardOnA.next((c) => c.ticketId === ticket.id && c.change === 'created');

    expect((await request(b, 'POST', `/api/support/tickets/${ticket.id}/takeover`, { cookie })).status).toBe(200);
    // A second tab of the same shopper, on B: it hears what B broadcasts.
    const tabOnB = await open(b, '/chat');
    const tabMessages = record<ChatMessage>(tabOnB, 'chat:message');
    await tabOnB.timeout(10_000).emitWithAck('chat:hello', { conversationId: chat.conversationId });

    const text = 'Only server B knows I said this.';
    expect((await request(b, 'POST', `/api/support/tickets/${ticket.id}/reply`, { body: { text }, cookie })).status).toBe(200);
    expect((await tabMessages.next((m) => m.role === 'agent')).text).toBe(text);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    expect(chat.messages.seen.filter((m) => m.role === 'agent' || m.role === 'system')).toEqual([]);
    expect(heardOnB.seen.filter((c) => c.ticketId === ticket.id && c.change === 'created')).toEqual([]);
    // The reply is stored all the same: the tab on A gets it when it resyncs.
    const resync = await chat.socket.timeout(10_000).emitWithAck('chat:hello', { conversationId: chat.conversationId, afterId: 0 });
    expect((resync.messages as ChatMessage[]).filter((m) => m.role === 'agent').map((m) => m.text)).toEqual([text]);
  });
});

/**
 * A bare Socket.io server with the adapter, in its own process (an unhandled rejection would stop it, as it would
 * stop ShopDesk; inside jest it would go unnoticed). It broadcasts `note` = its name to room 'room' every
 * millisecond and prints its Redis status as JSON lines.
 */
const LINK_SERVER = `
  const http = require('node:http');
  const { Server } = require('socket.io');
  const { attachRedisAdapter } = require('./src/channels/socketio/redis-adapter');
  const { createLogger } = require('./src/util/logger');
  const httpServer = http.createServer();
  const io = new Server(httpServer);
  const redis = attachRedisAdapter(io, process.env.REDIS_URL, createLogger('silent'), { maxRetryDelayMs: 200 });
  io.of('/chat').on('connection', (socket) => socket.join('room'));
  httpServer.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: httpServer.address().port })));
  setInterval(() => io.of('/chat').to('room').emit('note', process.env.NAME), 1);
  setInterval(() => console.log(JSON.stringify({ status: redis.status() })), 20);
  process.on('SIGTERM', async () => {
    await io.close();
    await redis.close();
    process.exit(0);
  });
`;

interface LinkServer {
  port: number;
  untilStatus(match: (status: string) => boolean): Promise<void>;
  alive(): boolean;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

async function linkServer(name: string, redisUrl: string): Promise<LinkServer> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', LINK_SERVER], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL: redisUrl, NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output: string[] = [];
  let status = '';
  let port = 0;
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = JSON.parse(line) as { port?: number; status?: string };
    if (parsed.port) port = parsed.port;
    if (parsed.status) status = parsed.status;
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const untilStatus = async (match: (s: string) => boolean) => {
    const giveUp = Date.now() + NEVER_MS;
    while (!match(status)) {
      if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${output.join('')}`);
      if (Date.now() > giveUp) throw new Error(`${name} stayed at '${status}': ${output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await untilStatus((s) => s !== '' && port > 0);
  return {
    port,
    untilStatus,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      child.kill('SIGTERM');
      return exit;
    },
  };
}

const describeOwnRedis = canStartRedis() ? describe : describe.skip;

describeOwnRedis('the Redis link', () => {
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  test('Redis down at start, killed with broadcasts in flight and restarted: no server stops, and the link comes back', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const [a, b] = await Promise.all([linkServer('A', url), linkServer('B', url)]);
    let redis: PrivateRedis | undefined;
    try {
      await Promise.all([a, b].map((s) => s.untilStatus((status) => status.startsWith('unavailable:'))));
      const client = connect(`http://127.0.0.1:${a.port}/chat`, { transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.push(client);
      const notes = record<string>(client, 'note');
      // While Redis is away, A's own sockets still get A's broadcasts.
      await notes.next((n) => n === 'A');
      expect(notes.seen).not.toContain('B');

      redis = await startPrivateRedis(port);
      await Promise.all([a, b].map((s) => s.untilStatus((status) => status === 'ok')));
      await notes.next((n) => n === 'B');

      await redis.kill();
      await Promise.all([a, b].map((s) => s.untilStatus((status) => status.startsWith('unavailable:'))));
      redis = await startPrivateRedis(port);
      await Promise.all([a, b].map((s) => s.untilStatus((status) => status === 'ok')));
      // Resubscribed after the restart: B's broadcasts reach A's socket again.
      notes.seen.splice(0);
      await notes.next((n) => n === 'B');

      expect([a.alive(), b.alive()]).toEqual([true, true]);
      expect(await a.stop()).toBe(0);
      expect(await b.stop()).toBe(0);
    } finally {
      await redis?.stop();
    }
  });

  test('a server stops cleanly while Redis is unreachable', async () => {
    const server = await linkServer('A', `redis://127.0.0.1:${await freePort()}`);
    await server.untilStatus((status) => status.startsWith('unavailable:'));
    expect(await server.stop()).toBe(0);
  });
});
