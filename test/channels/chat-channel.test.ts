/** The Socket.io chat channel against a real server: acks, idempotent retries, limits, authorization, privacy. */
import { io, type Socket } from 'socket.io-client';
import { CHAT_LIMITS, type ChatMessage } from '../../src/channels/socketio/protocol';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await startTestServer();
  while (!t.server.assistant()) await new Promise((r) => setTimeout(r, 100));
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await t.stop();
});

async function connect(): Promise<{ socket: Socket; conversationId: string; replies: ChatMessage[] }> {
  const socket = io(`${t.server.url}/chat`, { transports: ['websocket'], forceNew: true });
  sockets.push(socket);
  const replies: ChatMessage[] = [];
  socket.on('chat:message', (m: ChatMessage) => replies.push(m));
  const hello = await socket.timeout(5000).emitWithAck('chat:hello', {});
  expect(hello.ok).toBe(true);
  return { socket, conversationId: hello.conversationId, replies };
}

async function waitFor(check: () => boolean, ms = 8000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('a message is acknowledged once, answered once, and a retry with the same clientId is not stored twice', async () => {
  const { socket, conversationId, replies } = await connect();
  const first = await socket.timeout(5000).emitWithAck('chat:send', { conversationId, clientId: 'm-1', text: 'hello' });
  expect(first.ok).toBe(true);
  await waitFor(() => replies.some((r) => r.role === 'bot'));
  const retry = await socket.timeout(5000).emitWithAck('chat:send', { conversationId, clientId: 'm-1', text: 'hello' });
  expect(retry.message.id).toBe(first.message.id);
  await new Promise((r) => setTimeout(r, 500));
  expect(replies.filter((r) => r.role === 'bot')).toHaveLength(1);
  const history = await socket.timeout(5000).emitWithAck('chat:hello', { conversationId, afterId: 0 });
  expect(history.messages.filter((m: ChatMessage) => m.role === 'user')).toHaveLength(1);
});

test('bad input gets a clear error and the server keeps working', async () => {
  const { socket, conversationId } = await connect();
  const tooLong = await socket.timeout(5000).emitWithAck('chat:send', { conversationId, clientId: 'x', text: 'a'.repeat(CHAT_LIMITS.maxTextLength + 1) });
  expect(tooLong).toMatchObject({ ok: false, error: { code: 'too_long' } });
  const invalid = await socket.timeout(5000).emitWithAck('chat:send', { conversationId: 42, text: null });
  expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid' } });
  socket.emit('chat:send', 'garbage without ack');
  socket.emit('chat:hello', Buffer.from([0, 1, 2, 255]));
  const empty = await socket.timeout(5000).emitWithAck('chat:send', { conversationId, clientId: 'y', text: '   ' });
  expect(empty.error.code).toBe('invalid');
  const ok = await socket.timeout(5000).emitWithAck('chat:send', { conversationId, clientId: 'z', text: 'hi' });
  expect(ok.ok).toBe(true);
});

test('a socket can only write to the conversation it opened', async () => {
  const a = await connect();
  const b = await connect();
  const intrusion = await b.socket.timeout(5000).emitWithAck('chat:send', { conversationId: a.conversationId, clientId: 'evil', text: 'hi' });
  expect(intrusion).toMatchObject({ ok: false, error: { code: 'unknown_conversation' } });
});

test('sending faster than the limit is refused with a friendly message', async () => {
  const { socket, conversationId } = await connect();
  const results = [];
  for (let i = 0; i <= CHAT_LIMITS.messagesPerMinute; i++) {
    results.push(await socket.timeout(5000).emitWithAck('chat:send', { conversationId, clientId: `r${i}`, text: `thanks ${i}` }));
  }
  expect(results.slice(0, CHAT_LIMITS.messagesPerMinute).every((r) => r.ok)).toBe(true);
  expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/too fast/) } });
});

test("an unverified shopper learns nothing about another customer's order", async () => {
  const { socket, conversationId, replies } = await connect();
  // Sam's delayed order 51007, with Alex's email: must fail exactly like a made-up order.
  for (const [i, text] of ['where is my order #51007?', 'alex.morgan@example.com', 'where is my order #99999?', 'alex.morgan@example.com'].entries()) {
    const count = replies.length;
    await socket.timeout(5000).emitWithAck('chat:send', { conversationId, clientId: `s${i}`, text });
    await waitFor(() => replies.length > count);
    await new Promise((r) => setTimeout(r, 100));
  }
  const text = replies.map((r) => r.text).join(' | ');
  expect(text).not.toMatch(/delayed|Memphis|Sam|51007 is|backpack|earbuds/i);
  expect(replies.some((r) => r.parts.some((p) => p.type === 'order_timeline'))).toBe(false);
  const failures = replies.filter((r) => /couldn't verify/i.test(r.text)).map((r) => r.text);
  expect(failures).toHaveLength(2);
  expect(failures[0]).toBe(failures[1]);
});
