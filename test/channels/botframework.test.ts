/**
 * The Bot Framework channel against a fake channel service speaking the real
 * protocol: activities are posted to /api/messages of a real server (seeded
 * SQLite store, real NLU and dialogue engine), and the connector's replies
 * arrive at a local HTTP server playing Azure Bot Service.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppCredentials } from 'botframework-connector';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import {
  BotFrameworkConfigError,
  BotFrameworkDeliveryError,
  conversationIdFor,
  createBotFrameworkChannel,
  type BotFrameworkChannel,
  type BotFrameworkServices,
} from '../../src/channels/botframework';
import type { Db } from '../../src/store';
import { SupportEvents, type ConversationMessageEvent } from '../../src/support';
import { startTestServer, type TestServer } from '../helpers/server';

interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> & {
    type?: string;
    text?: string;
    replyToId?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    suggestedActions?: { actions: { type: string; title: string; value: string }[] };
  };
}

/** Plays the Bot Framework channel service: accepts the connector's activity posts and records them. */
class FakeChannelService {
  readonly received: Received[] = [];
  /** Conversations whose posts the service refuses (an outage on its side). */
  readonly failing = new Set<string>();
  private server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const conversation = /^\/v3\/conversations\/([^/]+)\//.exec(decodeURIComponent(request.url ?? ''))?.[1];
      if (conversation && this.failing.has(conversation)) {
        response
          .writeHead(403, { 'content-type': 'application/json' })
          .end('{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}');
        return;
      }
      this.received.push({
        method: request.method ?? '',
        path: decodeURIComponent(request.url ?? ''),
        authorization: request.headers.authorization,
        body: raw ? JSON.parse(raw) : {},
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${this.received.length}` }));
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Activities the bot posted into one conversation. */
  into(conversation: string): Received[] {
    return this.received.filter((r) => r.path.startsWith(`/v3/conversations/${conversation}/activities`));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const silent = pino({ level: 'silent' });
let t: TestServer;
let fake: FakeChannelService;
let db: Db;
const apps: FastifyInstance[] = [];

async function startBot(channel: BotFrameworkChannel): Promise<string> {
  const app = Fastify();
  channel.register(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  apps.push(app);
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

function assistant(): BotFrameworkServices {
  const a = t.server.assistant();
  if (!a) throw new Error('assistant not ready');
  return a;
}

let nextId = 0;
function message(conversation: string, text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  nextId += 1;
  return {
    type: 'message',
    id: `activity-${nextId}`,
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    serviceUrl: fake.url,
    conversation: { id: conversation },
    from: { id: 'shopper-1', name: 'Shopper' },
    recipient: { id: 'shopdesk-bot', name: 'ShopDesk' },
    text,
    locale: 'en-US',
    ...overrides,
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  fake = new FakeChannelService();
  await fake.start();
  t = await startTestServer();
  while (!t.server.assistant()) await new Promise((r) => setTimeout(r, 100));
  db = t.server.database.database!.prisma;
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await fake.close();
  await t.stop();
});

async function waitFor(check: () => boolean, ms = 8000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('anonymous local mode (no app id)', () => {
  let bot: string;
  let channel: BotFrameworkChannel;
  const events = new SupportEvents();
  const published: ConversationMessageEvent[] = [];
  events.on('message', (event) => published.push(event));

  afterEach(() => jest.restoreAllMocks());

  beforeAll(async () => {
    channel = createBotFrameworkChannel({ services: assistant, auth: {}, logger: silent, events });
    bot = await startBot(channel);
  });

  test("a product search comes back as a carousel of hero cards with the store's products, sent unsigned to the service url", async () => {
    const tokenRequests = jest.spyOn(AppCredentials.prototype, 'getToken');
    const activity = message('conv-search', 'show me running shoes');
    const response = await post(bot, activity);
    expect(response.status).toBe(200);
    expect(tokenRequests).not.toHaveBeenCalled();

    const sent = fake.into('conv-search');
    expect(sent.length).toBeGreaterThan(0);
    // A reply to the shopper's activity, through the real connector route.
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.path).toBe(`/v3/conversations/conv-search/activities/${activity.id}`);
    expect(sent[0]!.body.replyToId).toBe(activity.id);
    // Anonymous mode: no token was requested or attached.
    expect(sent.every((r) => r.authorization === undefined)).toBe(true);

    const withCards = sent.find((r) => r.body.attachments?.length);
    expect(withCards).toBeDefined();
    const cards = withCards!.body.attachments!;
    expect(cards.every((a) => a.contentType === 'application/vnd.microsoft.card.hero')).toBe(true);
    expect(cards.length).toBeGreaterThan(1);
    expect(withCards!.body.attachmentLayout).toBe('carousel');
    const titles = cards.map((a) => a.content.title as string);
    const inStore = await db.product.findMany({ where: { title: { in: titles } }, select: { title: true, brand: true } });
    expect(new Set(inStore.map((p) => p.title))).toEqual(new Set(titles));
    const first = cards[0]!.content as { subtitle: string; images: { url: string }[]; buttons: { type: string; title: string; value: string }[] };
    expect(first.subtitle).toContain(inStore.find((p) => p.title === titles[0])!.brand);
    expect(first.subtitle).toMatch(/\$\d/);
    // Relative shop links become absolute (clients open them outside the shop), here against the bot's own origin.
    expect(first.buttons).toEqual([{ type: 'openUrl', title: 'View', value: expect.stringMatching(new RegExp(`^${bot}/products/\\d+$`)) }]);
    expect(first.images[0]!.url).toMatch(new RegExp(`^${bot}/`));

    // Stored like the web chat: one conversation per channel conversation, the user message keyed by activity id.
    const conversationId = conversationIdFor('emulator', 'conv-search');
    const row = await db.conversation.findUnique({ where: { id: conversationId }, select: { channel: true } });
    expect(row?.channel).toBe('botframework:emulator');
    const stored = await assistant().conversations.messagesAfter(conversationId);
    expect(stored.filter((m) => m.role === 'user').map((m) => m.clientId)).toEqual([activity.id]);
    expect(stored.filter((m) => m.role === 'bot')).toHaveLength(sent.length);
    const nlu = await db.message.findFirst({ where: { conversationId, role: 'user' }, select: { nlu: true } });
    expect(nlu?.nlu).toMatchObject({ handledBy: 'product_search' });
    // Agents watching the desk see the same messages, in order.
    const seen = published.filter((e) => e.conversationId === conversationId);
    expect(seen.map((e) => [e.message.id, e.origin])).toEqual(stored.map((m) => [m.id, 'botframework']));
  });

  test('quick replies become suggested actions that send their payload back as text (imBack)', async () => {
    const response = await post(bot, message('conv-hello', 'hello'));
    expect(response.status).toBe(200);
    const suggested = fake.into('conv-hello').find((r) => r.body.suggestedActions);
    expect(suggested).toBeDefined();
    const actions = suggested!.body.suggestedActions!.actions;
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.type === 'imBack' && a.title && a.value)).toBe(true);
    expect(actions.map((a) => a.value)).toContain('/track_order');
  });

  test('a retried activity (same id) is stored once and answered once, even when the retry overlaps the turn', async () => {
    const handle = jest.spyOn(assistant().engine, 'handle');
    const activity = message('conv-retry', 'hello');
    const [a, b] = await Promise.all([post(bot, activity), post(bot, activity)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const repliesAfterFirst = fake.into('conv-retry').length;
    expect(repliesAfterFirst).toBeGreaterThan(0);

    const again = await post(bot, activity);
    expect(again.status).toBe(200);
    expect(fake.into('conv-retry')).toHaveLength(repliesAfterFirst);
    const conversationId = conversationIdFor('emulator', 'conv-retry');
    expect(handle.mock.calls.filter(([id]) => id === conversationId)).toHaveLength(1);
    const stored = await assistant().conversations.messagesAfter(conversationId);
    expect(stored.filter((m) => m.role === 'user')).toHaveLength(1);
  });

  test('malformed bodies get 400 and never reach the engine; the channel keeps working', async () => {
    const handle = jest.spyOn(assistant().engine, 'handle');
    expect((await post(bot, '{"type": "message", "text": ')).status).toBe(400);
    expect((await post(bot, '[]')).status).toBe(400);
    expect((await post(bot, 'null')).status).toBe(400);
    expect((await post(bot, { type: 'message', text: 'hi' })).status).toBe(400);
    expect((await post(bot, message('conv-bad', 'hi', { serviceUrl: 'not a url' }))).status).toBe(400);
    expect((await post(bot, message('conv-bad', 'hi', { conversation: {} }))).status).toBe(400);
    const bad = await post(bot, message('conv-bad', 'hi', { from: 42 }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_activity', detail: expect.stringContaining('from') });
    // Free-form entities are read defensively.
    expect((await post(bot, message('conv-bad', 'hi', { entities: [null, { type: 'mention' }, 7] }))).status).toBe(200);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(fake.into('conv-bad').length).toBeGreaterThan(0);
  });

  test('non-message activities are accepted quietly', async () => {
    const handle = jest.spyOn(assistant().engine, 'handle');
    const update = message('conv-update', '', { type: 'conversationUpdate', membersAdded: [{ id: 'shopper-1' }, { id: 'shopdesk-bot' }] });
    expect((await post(bot, update)).status).toBe(200);
    expect((await post(bot, message('conv-update', '', { type: 'typing' }))).status).toBe(200);
    expect((await post(bot, message('conv-update', '', { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] }))).status).toBe(200);
    expect((await post(bot, message('conv-update', '', { type: 'invoke', name: 'composeExtension/query' }))).status).toBe(501);
    expect(handle).not.toHaveBeenCalled();
    expect(fake.into('conv-update')).toHaveLength(0);
  });

  test('anonymous mode only answers local service urls', async () => {
    const handle = jest.spyOn(assistant().engine, 'handle');
    const response = await post(bot, message('conv-remote', 'hello', { serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
    expect(response.status).toBe(403);
    expect(handle).not.toHaveBeenCalled();
  });

  test("in agent mode the bot stays silent; deliver() and the desk's messages reach the conversation", async () => {
    const first = message('conv-agent', 'hello');
    await post(bot, first);
    const conversationId = conversationIdFor('emulator', 'conv-agent');
    const before = fake.into('conv-agent').length;
    await assistant().conversations.setMode(conversationId, 'agent');

    const handle = jest.spyOn(assistant().engine, 'handle');
    const during = message('conv-agent', 'is anyone there?');
    expect((await post(bot, during)).status).toBe(200);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(fake.into('conv-agent')).toHaveLength(before);
    const stored = await assistant().conversations.messagesAfter(conversationId);
    expect(stored.at(-1)).toMatchObject({ role: 'user', clientId: during.id, text: 'is anyone there?' });

    await expect(channel.deliver(conversationId, { text: 'Hi, this is Ana from the support team.' })).resolves.toBe(true);
    const delivered = fake.into('conv-agent').slice(before);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.body).toMatchObject({
      type: 'message',
      text: 'Hi, this is Ana from the support team.',
      conversation: { id: 'conv-agent' },
      recipient: { id: 'shopper-1' },
    });
    expect(delivered[0]!.authorization).toBeUndefined();
    // deliver() reaches the shopper, not the transcript: the desk stores agent messages itself.
    expect(await assistant().conversations.messagesAfter(conversationId)).toHaveLength(stored.length);

    // The desk's way: it stores the agent's message and announces it; the channel carries it over.
    const { message: fromDesk } = await assistant().conversations.append(conversationId, {
      role: 'agent',
      text: 'Your refund is on its way.',
      payload: { parts: [] },
    });
    events.emit('message', { conversationId, message: fromDesk, origin: 'desk' });
    await waitFor(() => fake.into('conv-agent').length === before + 2);
    expect(fake.into('conv-agent').at(-1)!.body).toMatchObject({ type: 'message', text: 'Your refund is on its way.' });
    // Its own messages coming back on the bus are not sent again: only the desk message after it arrives.
    const own = published.filter((e) => e.conversationId === conversationId && e.origin === 'botframework').at(-1)!;
    events.emit('message', own);
    const { message: next } = await assistant().conversations.append(conversationId, { role: 'agent', text: 'Anything else?', payload: { parts: [] } });
    events.emit('message', { conversationId, message: next, origin: 'desk' });
    await waitFor(() => fake.into('conv-agent').some((r) => r.body.text === 'Anything else?'));
    expect(
      fake
        .into('conv-agent')
        .slice(before + 2)
        .map((r) => r.body.text),
    ).toEqual(['Anything else?']);

    // No reference: not a Bot Framework conversation, or none of its activities seen since this process started.
    await expect(channel.deliver('00000000-0000-4000-8000-000000000000', { text: 'hello?' })).resolves.toBe(false);
  });

  test('an activity stored by a turn that never finished is answered when the channel retries it, once', async () => {
    const activity = message('conv-crash', 'hello');
    const conversationId = conversationIdFor('emulator', 'conv-crash');
    // The state a process leaves when it stops between storing the message and running the turn.
    await assistant().conversations.create(conversationId, 'botframework:emulator');
    await assistant().conversations.append(conversationId, { clientId: activity.id as string, role: 'user', text: 'hello' });

    const handle = jest.spyOn(assistant().engine, 'handle');
    expect((await post(bot, activity)).status).toBe(200);
    expect((await post(bot, activity)).status).toBe(200);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(fake.into('conv-crash').length).toBeGreaterThan(0);
    const stored = await assistant().conversations.messagesAfter(conversationId);
    expect(stored.filter((m) => m.role === 'user')).toHaveLength(1);
  });

  test('when the channel service fails, the reply is still stored, the failure is reported, and deliver() rejects', async () => {
    fake.failing.add('conv-down');
    try {
      const response = await post(bot, message('conv-down', 'hello'));
      expect(response.status).toBe(500);
      const conversationId = conversationIdFor('emulator', 'conv-down');
      const stored = await assistant().conversations.messagesAfter(conversationId);
      expect(stored.map((m) => m.role)).toEqual(['user', 'bot']);
      await expect(channel.deliver(conversationId, { text: 'hello?' })).rejects.toBeInstanceOf(BotFrameworkDeliveryError);
    } finally {
      fake.failing.delete('conv-down');
    }
  });

  test('the same channel conversation maps to the same internal conversation after a restart', async () => {
    await post(bot, message('conv-restart', 'show me running shoes'));
    const conversationId = conversationIdFor('emulator', 'conv-restart');
    expect(conversationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(conversationIdFor('emulator', 'conv-restart')).toBe(conversationId);
    expect(conversationIdFor('msteams', 'conv-restart')).not.toBe(conversationId);

    // A fresh channel (new process: no references, no queues) over the same store continues the conversation.
    const restarted = createBotFrameworkChannel({ services: assistant, auth: {}, logger: silent });
    await expect(restarted.deliver(conversationId, { text: 'anyone?' })).resolves.toBe(false);
    const restartedBot = await startBot(restarted);
    expect((await post(restartedBot, message('conv-restart', 'hello'))).status).toBe(200);
    expect(await db.conversation.count({ where: { id: conversationId } })).toBe(1);
    const stored = await assistant().conversations.messagesAfter(conversationId);
    expect(stored.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(['show me running shoes', 'hello']);
    await expect(restarted.deliver(conversationId, { text: 'back again' })).resolves.toBe(true);
  });
});

describe('with an app id and password', () => {
  let bot: string;
  const handle = jest.fn();
  const services = jest.fn((): BotFrameworkServices => ({ engine: { handle }, conversations: assistant().conversations }) as unknown as BotFrameworkServices);

  beforeAll(async () => {
    const channel = createBotFrameworkChannel({
      services,
      auth: { appId: '00000000-0000-0000-0000-00000000b07a', appPassword: 'not-a-real-secret' },
      logger: silent,
    });
    expect(channel.anonymous).toBe(false);
    bot = await startBot(channel);
  });

  test('requests without a valid token are rejected with 401 and never reach the engine', async () => {
    // A token the bot must refuse without asking anyone: unsigned, from an issuer Bot Framework never uses.
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"iss":"https://evil.example","aud":"x"}').toString('base64url')}.`;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer garbage' },
      { authorization: `Bearer ${unsigned}` },
      { authorization: 'Basic dXNlcjpwYXNz' },
    ];
    for (const headers of attempts) {
      const response = await post(bot, message('conv-auth', 'show me running shoes'), headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'unauthorized' });
    }
    expect(handle).not.toHaveBeenCalled();
    expect(services).not.toHaveBeenCalled();
    expect(fake.into('conv-auth')).toHaveLength(0);
    expect(await db.conversation.count({ where: { id: conversationIdFor('emulator', 'conv-auth') } })).toBe(0);
  });

  test('a malformed body is still a 400, before authentication', async () => {
    expect((await post(bot, '{"type":')).status).toBe(400);
    expect(handle).not.toHaveBeenCalled();
  });
});

test('inconsistent credentials fail when the channel is created, naming the setting', () => {
  const create = (auth: Record<string, string>) => () => createBotFrameworkChannel({ services: () => undefined, auth, logger: silent });
  expect(create({ appPassword: 'secret' })).toThrow(BotFrameworkConfigError);
  expect(create({ appPassword: 'secret' })).toThrow(/MICROSOFT_APP_ID/);
  expect(create({ appId: 'app' })).toThrow(/MICROSOFT_APP_PASSWORD/);
  expect(create({ appId: 'app', appPassword: 'secret', appType: 'SingleTenant' })).toThrow(/MicrosoftAppTenantId/);
  expect(create({ appId: 'app', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'contoso.onmicrosoft.com' })).not.toThrow();
});
