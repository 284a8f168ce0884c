/**
 * The widget's connection (widget/src/connection.ts) against an in-test
 * Socket.io server: acknowledged sends, retries with the same clientId after
 * a dropped ack, catch-up with hello afterId, dedupe, errors and the outbox
 * surviving a page reload.
 */
import { ChatConnection, type ConnectionOptions, type MessageInfo, type PendingMessage } from '../../widget/src/connection';
import { createStore, memoryStorage, type KeyValueStorage } from '../../widget/src/store';
import type { ChatError, ChatMessage } from '../../src/channels/socketio/protocol';
import { FakeChatServer } from './fake-chat-server';

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tracked {
  connection: ChatConnection;
  storage: KeyValueStorage;
  messages: { message: ChatMessage; info: MessageInfo }[];
  pendings: PendingMessage[];
  errors: ChatError[];
  typing: boolean[];
  statuses: string[];
}

let server: FakeChatServer;
const open: ChatConnection[] = [];

function connect(storage: KeyValueStorage = memoryStorage(), extra: Partial<ConnectionOptions> = {}): Tracked {
  const connection = new ChatConnection({
    server: server.url,
    store: createStore(server.url, storage),
    ackTimeoutMs: 400,
    retryDelayMs: 100,
    maxRetryDelayMs: 300,
    socketOptions: { transports: ['websocket'], reconnectionDelay: 50, reconnectionDelayMax: 100 },
    ...extra,
  });
  const tracked: Tracked = { connection, storage, messages: [], pendings: [], errors: [], typing: [], statuses: [] };
  connection.events.on('message', (message, info) => tracked.messages.push({ message, info }));
  connection.events.on('pending', (pending) => tracked.pendings.push(pending));
  connection.events.on('error', (error) => tracked.errors.push(error));
  connection.events.on('typing', (typing) => tracked.typing.push(typing));
  connection.events.on('status', (status) => tracked.statuses.push(status));
  open.push(connection);
  connection.start();
  return tracked;
}

const ready = (t: Tracked) => waitFor(() => t.connection.state().ready, 'hello');
const texts = (t: Tracked) => t.messages.map((m) => m.message.text);
const ids = (t: Tracked) => t.messages.map((m) => m.message.id);
const hasText = (t: Tracked, text: string) => () => texts(t).includes(text);

beforeEach(async () => {
  server = await new FakeChatServer().start();
});

afterEach(async () => {
  for (const connection of open.splice(0)) connection.close();
  await server.stop();
});

test('a send is acknowledged once, replaced by the server message, and the bot reply arrives', async () => {
  const t = connect();
  await ready(t);
  const conversationId = t.connection.state().conversationId;
  expect(conversationId).toBeDefined();
  expect(server.hellos[0]).toEqual({ afterId: 0 });

  const pending = t.connection.send('  hello there  ');
  expect(pending).toMatchObject({ state: 'sending', text: 'hello there' });
  expect(t.connection.state().outbox).toHaveLength(1);
  await waitFor(hasText(t, 'echo: hello there'), 'bot reply');

  expect(server.sends).toHaveLength(1);
  expect(server.stored(pending!.clientId)).toHaveLength(1);
  const own = t.messages.find((m) => m.message.role === 'user')!;
  expect(own.message.clientId).toBe(pending!.clientId);
  expect(own.info.source).toBe('ack');
  expect(texts(t)).toEqual(['hello there', 'echo: hello there']);
  expect(t.connection.state().outbox).toEqual([]);
  expect(t.typing).toContain(true);
  await waitFor(() => t.typing[t.typing.length - 1] === false, 'typing off');
  // The conversation id survives in storage under the documented key.
  expect(JSON.parse(t.storage.getItem(`shopdesk:conversation:${server.url}`)!)).toEqual({ conversationId });
});

test('a message whose ack is lost in a crash (stored, then the connection drops) is not duplicated', async () => {
  const t = connect();
  await ready(t);
  server.behaviors.set('crash after store', 'crash-after-persist');
  const pending = t.connection.send('crash after store')!;
  await waitFor(() => t.connection.state().outbox.length === 0 && server.hellos.length >= 2, 'recovery');
  await sleep(200);

  expect(server.stored(pending.clientId)).toHaveLength(1);
  // Every attempt that reached the server carried the same clientId.
  expect(new Set(server.sends.map((s) => s.clientId))).toEqual(new Set([pending.clientId]));
  const mine = t.messages.filter((m) => m.message.clientId === pending.clientId);
  expect(mine).toHaveLength(1);
  expect(t.statuses).toContain('disconnected');
  // The hello after the reconnect asked for what came after what was shown.
  expect(server.hellos[1]).toMatchObject({ conversationId: t.connection.state().conversationId, afterId: 0 });
});

test('a message lost before it was stored is resent with the same clientId after the next hello', async () => {
  const t = connect();
  await ready(t);
  server.behaviors.set('lost in transit', 'crash-before-persist');
  const pending = t.connection.send('lost in transit')!;
  await waitFor(hasText(t, 'echo: lost in transit'), 'reply after resend');

  expect(server.sends.map((s) => s.clientId)).toEqual([pending.clientId, pending.clientId]);
  expect(server.stored(pending.clientId)).toHaveLength(1);
  expect(texts(t)).toEqual(['lost in transit', 'echo: lost in transit']);
});

test('a server-side kick ("io server disconnect") is followed by a reconnect and no duplicate', async () => {
  const t = connect();
  await ready(t);
  server.behaviors.set('kicked', 'kick-after-persist');
  const pending = t.connection.send('kicked')!;
  await waitFor(() => t.connection.state().outbox.length === 0 && t.connection.state().ready && server.hellos.length >= 2, 'reconnect');
  expect(server.stored(pending.clientId)).toHaveLength(1);
  expect(t.messages.filter((m) => m.message.clientId === pending.clientId)).toHaveLength(1);
});

test('an ack that never comes (connection still up) times out, and hello finds the stored message', async () => {
  const t = connect();
  await ready(t);
  server.behaviors.set('slow server', 'hang-after-persist');
  const pending = t.connection.send('slow server')!;
  await waitFor(() => t.connection.state().outbox.length === 0, 'settled after timeout');
  await sleep(100);
  expect(server.stored(pending.clientId)).toHaveLength(1);
  expect(t.messages.filter((m) => m.message.clientId === pending.clientId)).toHaveLength(1);
  expect(t.messages.find((m) => m.message.clientId === pending.clientId)!.info.source).toBe('resync');
});

test('replies missed while disconnected are recovered by hello afterId', async () => {
  const t = connect();
  await ready(t);
  t.connection.send('first');
  await waitFor(hasText(t, 'echo: first'), 'first reply');
  const lastSeen = t.connection.state().lastSeenId;
  const conversationId = t.connection.state().conversationId!;

  server.down = true;
  server.dropConnections();
  await waitFor(() => t.connection.state().status === 'disconnected', 'disconnect');
  const missed = server.pushBot(conversationId, 'sent while you were away');
  await sleep(150); // refused reconnects meanwhile
  expect(texts(t)).not.toContain(missed.text);
  server.down = false;

  await waitFor(hasText(t, missed.text), 'missed reply');
  const hello = server.hellos[server.hellos.length - 1]!;
  expect(hello).toEqual({ conversationId, afterId: lastSeen });
  expect(t.messages.find((m) => m.message.id === missed.id)!.info.source).toBe('resync');
  expect(ids(t)).toEqual([...ids(t)].sort((a, b) => a - b));
  expect(new Set(ids(t)).size).toBe(ids(t).length);
});

test('duplicate events and history overlaps are reported once, in id order', async () => {
  const t = connect();
  await ready(t);
  server.behaviors.set('dupes', 'duplicate-events');
  const pending = t.connection.send('dupes')!;
  await waitFor(hasText(t, 'echo: dupes'), 'reply');
  await sleep(100);
  expect(texts(t)).toEqual(['dupes', 'echo: dupes']);

  // A reconnect whose hello returns everything again (as after a reload) adds nothing.
  server.dropConnections();
  await waitFor(() => server.hellos.length >= 2 && t.connection.state().ready, 'second hello');
  await sleep(100);
  expect(texts(t)).toEqual(['dupes', 'echo: dupes']);
  expect(t.messages.filter((m) => m.message.clientId === pending.clientId)).toHaveLength(1);
});

test('rate_limited is shown, then retried after a delay with the same clientId', async () => {
  const t = connect();
  await ready(t);
  server.behaviors.set('too fast', 'rate-limit');
  const pending = t.connection.send('too fast')!;
  await waitFor(hasText(t, 'echo: too fast'), 'reply after retry');
  const shown = t.pendings.find((p) => p.clientId === pending.clientId && p.error);
  expect(shown).toMatchObject({ state: 'sending', error: { code: 'rate_limited', message: "You're sending messages too fast — please wait a moment." } });
  expect(server.sends.map((s) => s.clientId)).toEqual([pending.clientId, pending.clientId]);
  expect(server.stored(pending.clientId)).toHaveLength(1);
});

test('errors that are not transient are shown and never retried', async () => {
  const t = connect();
  await ready(t);
  server.behaviors.set('nope', 'invalid');
  const rejected = t.connection.send('nope')!;
  await waitFor(() => t.pendings.some((p) => p.clientId === rejected.clientId && p.state === 'failed'), 'failure');
  expect(t.pendings.find((p) => p.state === 'failed')!.error).toEqual({ code: 'invalid', message: 'That message was rejected.' });

  const tooLong = t.connection.send('x'.repeat(1001))!;
  expect(tooLong).toMatchObject({ state: 'failed', error: { code: 'too_long' } });
  expect(tooLong.error!.message).toMatch(/too long/);

  t.connection.send('after the errors');
  await waitFor(hasText(t, 'echo: after the errors'), 'next message');
  expect(server.sends.filter((s) => s.clientId === rejected.clientId)).toHaveLength(1);
  expect(server.sends.some((s) => s.text.length > 1000)).toBe(false);
  expect(t.connection.state().outbox).toEqual([]);
});

test('the outbox survives a page reload; the new page gets the whole history (afterId 0) and resends once', async () => {
  const storage = memoryStorage();
  const first = connect(storage);
  await ready(first);
  first.connection.send('before reload');
  await waitFor(hasText(first, 'echo: before reload'), 'first reply');
  const conversationId = first.connection.state().conversationId;

  server.down = true;
  server.dropConnections();
  await waitFor(() => first.connection.state().status === 'disconnected', 'disconnect');
  const queued = first.connection.send('typed while offline')!;
  expect(JSON.parse(storage.getItem(`shopdesk:outbox:${server.url}`)!)).toEqual([expect.objectContaining({ clientId: queued.clientId, text: 'typed while offline' })]);
  first.connection.close(); // the page goes away

  server.down = false;
  const second = connect(storage);
  expect(second.pendings[0]).toMatchObject({ clientId: queued.clientId, state: 'sending' });
  await waitFor(hasText(second, 'echo: typed while offline'), 'reply on the new page');
  expect(server.hellos[server.hellos.length - 1]).toEqual({ conversationId, afterId: 0 });
  expect(texts(second)).toEqual(['before reload', 'echo: before reload', 'typed while offline', 'echo: typed while offline']);
  expect(second.messages[0]!.info.source).toBe('history');
  expect(server.stored(queued.clientId)).toHaveLength(1);
  expect(storage.getItem(`shopdesk:outbox:${server.url}`)).toBeNull();
});

test('an unknown stored conversation starts a new one; broken storage is tolerated', async () => {
  const broken: KeyValueStorage = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => undefined,
  };
  const t = connect(broken);
  await ready(t);
  t.connection.send('still works');
  await waitFor(hasText(t, 'echo: still works'), 'reply');

  const storage = memoryStorage();
  storage.setItem(`shopdesk:conversation:${server.url}`, JSON.stringify({ conversationId: '00000000-0000-4000-8000-000000000000' }));
  const u = connect(storage);
  await ready(u);
  expect(u.connection.state().conversationId).not.toBe('00000000-0000-4000-8000-000000000000');
  expect(JSON.parse(storage.getItem(`shopdesk:conversation:${server.url}`)!).conversationId).toBe(u.connection.state().conversationId);
});
