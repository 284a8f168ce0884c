/**
 * The support desk over HTTP and Socket.io on a real server: authorization
 * (shoppers never reach agent data or events), the inbound ticket API, and
 * the agent actions' rules (take over before replying, one agent at a time).
 */
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../helpers/server';

jest.setTimeout(120_000);

let t: TestServer;
const cookies: Record<string, string> = {};
const sockets: Socket[] = [];

async function http(method: string, path: string, options: { body?: unknown; cookie?: string } = {}) {
  const response = await fetch(`${t.server.url}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, any>, setCookie: response.headers.getSetCookie() }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function signIn(email: string): Promise<string> {
  const response = await http('POST', '/api/staff/login', { body: { email, password: 'shopdesk-demo' } });
  expect(response.status).toBe(200);
  return response.setCookie[0]!.split(';')[0]!;
}

function socket(namespace: string, cookie?: string): Socket {
  const s = connect(`${t.server.url}${namespace}`, { transports: ['websocket'], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
  sockets.push(s);
  return s;
}

const connected = (s: Socket) =>
  new Promise<'connected' | string>((resolve) => {
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (error) => resolve(error.message));
  });

/** Sends a shopper message and resolves with the bot's first reply. */
async function say(s: Socket, conversationId: string, text: string): Promise<string> {
  const reply = new Promise<string>((resolve) => {
    const onMessage = (m: { role: string; text: string }) => {
      if (m.role === 'bot') {
        s.off('chat:message', onMessage);
        resolve(m.text);
      }
    };
    s.on('chat:message', onMessage);
  });
  await s.timeout(10_000).emitWithAck('chat:send', { conversationId, clientId: `${text}-${Date.now()}`, text });
  return reply;
}

async function shopperConversation(texts: string[]): Promise<{ conversationId: string; socket: Socket; replies: string[] }> {
  const s = socket('/chat');
  await connected(s);
  const hello = await s.timeout(10_000).emitWithAck('chat:hello', {});
  const replies: string[] = [];
  for (const text of texts) replies.push(await say(s, hello.conversationId, text));
  return { conversationId: hello.conversationId, socket: s, replies };
}

beforeAll(async () => {
  t = await startTestServer();
  while (!t.server.assistant()) await new Promise((r) => setTimeout(r, 100));
  cookies.ava = await signIn('ava@shopdesk.example');
  cookies.omar = await signIn('omar@shopdesk.example');
  cookies.mia = await signIn('mia@shopdesk.example');
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.stop();
});

test('agent endpoints need an agent session', async () => {
  for (const [method, path] of [['GET', '/api/support/tickets'], ['GET', '/api/support/tickets/1'], ['GET', '/api/support/queues'], ['POST', '/api/support/tickets/1/takeover'], ['POST', '/api/support/tickets/1/reply']] as const) {
    expect((await http(method, path, method === 'POST' ? { body: { text: 'x' } } : {})).status).toBe(401);
    expect((await http(method, path, { cookie: cookies.mia!, ...(method === 'POST' ? { body: { text: 'x' } } : {}) })).status).toBe(403);
  }
  expect((await http('GET', '/api/support/queues', { cookie: cookies.ava! })).status).toBe(200);
});

test('a shopper socket cannot connect to the agent namespace, nor hear ticket events on its own', async () => {
  expect(await connected(socket('/agents'))).toBe('unauthorized');
  expect(await connected(socket('/agents', 'shopdesk_staff=forged'))).toBe('unauthorized');
  expect(await connected(socket('/agents', cookies.mia!))).toBe('unauthorized');

  const agent = socket('/agents', cookies.ava!);
  expect(await connected(agent)).toBe('connected');
  const agentHeard = new Promise<{ ticketId: number }>((resolve) => agent.once('ticket:changed', resolve));

  const shopper = socket('/chat');
  await connected(shopper);
  const shopperHeard: unknown[] = [];
  shopper.onAny((event: string, ...args: unknown[]) => {
    if (!event.startsWith('chat:')) shopperHeard.push([event, args]);
  });
  // Agent events are not handled on /chat: a watch attempt gets no acknowledgement.
  await expect(shopper.timeout(1000).emitWithAck('ticket:watch', { ticketId: 1 })).rejects.toThrow();

  const inbound = await http('POST', '/api/tickets', { body: { subject: 'Refund', body: 'I returned the jacket two weeks ago and still have no refund.', email: 'someone@example.com' } });
  expect(inbound.status).toBe(201);
  expect((await agentHeard).ticketId).toBe(inbound.body.ticketId);
  expect(shopperHeard).toEqual([]);
});

test('the inbound API routes by what the message is about, validates, and is rate limited', async () => {
  const refund = await http('POST', '/api/tickets', { body: { subject: 'Where is my refund', body: 'I sent back order 48214 last week, when will I get my money back?', email: 'alex.morgan@example.com' } });
  expect(refund.status).toBe(201);
  expect(Object.keys(refund.body).sort()).toEqual(['status', 'ticketId']); // the sender learns nothing internal
  const detail = await http('GET', `/api/support/tickets/${refund.body.ticketId}`, { cookie: cookies.ava! });
  expect(detail.body.ticket.queue).toBe('returns_refunds');
  expect(detail.body.ticket.customer.email).toBe('alex.morgan@example.com');
  expect(detail.body.ticket.summary).toContain('48214');
  expect(detail.body.ticket.events.some((e: { kind: string; text: string }) => e.kind === 'message' && e.text.includes('money back'))).toBe(true);

  expect((await http('POST', '/api/tickets', { body: { subject: 'x', body: 'y', email: 'not-an-email' } })).status).toBe(400);
  expect((await http('POST', '/api/tickets', { body: { subject: 'x', body: 'y'.repeat(20_001), email: 'a@b.co' } })).status).toBe(400);
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await http('POST', '/api/tickets', { body: { subject: 'Hello', body: `message ${i}`, email: 'flood@example.com' } })).status);
  expect(statuses).toContain(429);
});

test('replying needs a takeover, a second agent cannot barge in, and the bot pauses only while an agent holds the chat', async () => {
  const { conversationId, socket: shopper, replies } = await shopperConversation(['I was charged twice for my order', 'can I speak to a human please']);
  const db = t.server.database.database!.prisma;
  const ticket = await db.ticket.findFirstOrThrow({ where: { conversationId } });
  expect(ticket.queue).toBe('payments_billing');
  expect(ticket.source).toBe('handoff');

  expect(replies[1]).toContain(`#${ticket.id}`);

  // Asking again does not open a second ticket: the same one is named.
  expect(await say(shopper, conversationId, 'please connect me to a person')).toContain(`#${ticket.id}`);
  expect(await db.ticket.count({ where: { conversationId } })).toBe(1);

  expect((await http('POST', `/api/support/tickets/${ticket.id}/reply`, { cookie: cookies.ava!, body: { text: 'hello' } })).status).toBe(403);
  expect((await http('POST', `/api/support/tickets/${ticket.id}/takeover`, { cookie: cookies.ava! })).status).toBe(200);
  expect((await http('POST', `/api/support/tickets/${ticket.id}/takeover`, { cookie: cookies.omar! })).status).toBe(409);
  expect((await http('POST', `/api/support/tickets/${ticket.id}/reply`, { cookie: cookies.omar!, body: { text: 'me too' } })).status).toBe(403);

  const heard = new Promise<{ role: string; text: string }>((resolve) => shopper.on('chat:message', (m) => m.role === 'agent' && resolve(m)));
  expect((await http('POST', `/api/support/tickets/${ticket.id}/reply`, { cookie: cookies.ava!, body: { text: 'I see the double charge, refunding one now.' } })).status).toBe(200);
  expect((await heard).text).toBe('I see the double charge, refunding one now.');

  expect((await http('POST', `/api/support/tickets/${ticket.id}/notes`, { cookie: cookies.ava!, body: { text: 'bank ref 123' } })).status).toBe(200);
  expect((await http('POST', `/api/support/tickets/${ticket.id}/handback`, { cookie: cookies.ava! })).status).toBe(200);
  expect((await db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).mode).toBe('bot');
  expect((await http('POST', `/api/support/tickets/${ticket.id}/resolve`, { cookie: cookies.ava!, body: { resolution: 'refunded duplicate charge' } })).status).toBe(200);
  expect((await http('POST', `/api/support/tickets/${ticket.id}/takeover`, { cookie: cookies.ava! })).status).toBe(409);
  const events = await db.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { id: 'asc' } });
  expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'takeover', 'note', 'handback', 'status']));
});
