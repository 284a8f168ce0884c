/**
 * Cart, discount codes, store policy, handoff tickets and the registry's
 * error contract (bad input refused, failures surfaced as ToolError).
 */
import fs from 'node:fs';
import { parseTrainingYaml } from '../../src/nlu';
import { createToolRegistry, InMemoryCartStore, ToolError, type ToolOutcome, type ToolRegistry } from '../../src/tools';
import { DEFAULT_RETURN_WINDOW_DAYS, RETURN_WINDOW_DAYS } from '../../src/tools/return-policy';
import { DEFAULT_POLICY_FILE, POLICY_TOPICS } from '../../src/tools/store-policy';
import { makeContext, seededStore, untouchableDb, type SeededStore } from './tool-context';

let store: SeededStore;
let registry: ToolRegistry;

beforeAll(async () => {
  store = await seededStore('shopdesk-tools-misc');
  registry = createToolRegistry();
});
afterAll(async () => {
  await store.close();
});

function okData(outcome: ToolOutcome): Record<string, unknown> {
  if (outcome.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome.data;
}

describe('cart', () => {
  const inConversation = (conversationId: string) => makeContext(store.db, { conversationId });

  test('add and view: lines merge, totals add up, carts are per conversation', async () => {
    const ctx = inConversation('cart-a');
    okData(await registry.run('add_to_cart', { productId: 1, size: '10' }, ctx));
    okData(await registry.run('add_to_cart', { productId: 1, size: '10.0', quantity: 2 }, ctx));
    const added = okData(await registry.run('add_to_cart', { productId: 11 }, ctx));
    expect(added.added).toEqual({ productId: 11, title: 'Kitchara Pro Blender, Stainless Steel', size: null, quantity: 1 });
    expect(added).toMatchObject({ title: 'Kitchara Pro Blender, Stainless Steel', count: 4, totalCents: 3 * 7499 + 12999 });
    const cart = okData(await registry.run('view_cart', {}, ctx));
    expect(cart).toMatchObject({ itemCount: 4, totalCents: 3 * 7499 + 12999, total: '$354.96' });
    expect((cart.items as { productId: number; size: string | null; quantity: number }[]).map((l) => [l.productId, l.size, l.quantity])).toEqual([
      [1, '10', 3],
      [11, null, 1],
    ]);
    const other = okData(await registry.run('view_cart', undefined, inConversation('cart-b')));
    expect(other).toMatchObject({ itemCount: 0, items: [], totalCents: 0 });
  });

  test('refuses unknown products, sold-out products, missing or unoffered sizes, more than the stock', async () => {
    const ctx = inConversation('cart-c');
    expect(await registry.run('add_to_cart', { productId: 999999 }, ctx)).toEqual({ status: 'refused', reason: 'unknown_product' });
    expect(await registry.run('add_to_cart', { productId: 5, size: '8' }, ctx)).toMatchObject({ status: 'refused', reason: 'out_of_stock' });
    expect(await registry.run('add_to_cart', { productId: 1 }, ctx)).toMatchObject({ status: 'refused', reason: 'size_required' });
    expect(await registry.run('add_to_cart', { productId: 1, size: '15' }, ctx)).toMatchObject({ status: 'refused', reason: 'size_not_offered' });
    expect(await registry.run('add_to_cart', { productId: 9, quantity: 10 }, ctx)).toMatchObject({ status: 'refused', reason: 'insufficient_stock', data: { available: 9 } });
    expect(okData(await registry.run('view_cart', {}, ctx))).toMatchObject({ itemCount: 0 });
  });

  test('a registry can be given its own cart store', async () => {
    const carts = new InMemoryCartStore();
    const own = createToolRegistry({ cartStore: carts });
    okData(await own.run('add_to_cart', { productId: 12 }, makeContext(store.db, { conversationId: 'cart-d' })));
    expect((await carts.get('cart-d')).map((l) => l.productId)).toEqual([12]);
  });
});

describe('discount_code', () => {
  const check = (code: string, now?: Date) => registry.run('discount_code', { code }, makeContext(store.db, now ? { now: () => now } : {}));

  test('valid codes, in any spelling', async () => {
    expect(okData(await check('welcome10'))).toMatchObject({ code: 'WELCOME10', kind: 'percent', value: 10, firstOrderOnly: true });
    expect(okData(await check('FREESHIP'))).toMatchObject({ kind: 'free_shipping', minSubtotalCents: 5000 });
    expect(okData(await check('save 20'))).toMatchObject({ code: 'SAVE20', kind: 'amount', value: 2000, minSubtotalCents: 10000 });
  });

  test('expired relative to the context clock, and unknown codes', async () => {
    expect(await check('SUMMER25')).toMatchObject({ status: 'refused', reason: 'expired' });
    expect(okData(await check('SUMMER25', new Date('2025-07-01T00:00:00Z')))).toMatchObject({ code: 'SUMMER25', value: 25 });
    expect(await check('FREEMONEY')).toEqual({ status: 'refused', reason: 'unknown_code' });
  });
});

describe('store_policy', () => {
  test('every topic has an answer', async () => {
    for (const topic of POLICY_TOPICS) {
      const data = okData(await registry.run('store_policy', { topic }, makeContext(store.db)));
      expect(data.topic).toBe(topic);
      expect(String(data.answer).split('. ').length).toBeGreaterThanOrEqual(2);
    }
  });

  test('the answers state the real terms, consistent with the return policy code', async () => {
    const answer = async (topic: string) => String(okData(await registry.run('store_policy', { topic }, makeContext(store.db))).answer);
    const shipping = await answer('shipping');
    for (const fact of ['3-5 business days', 'over $50', '$12.99', '$24.99']) expect(shipping).toContain(fact);
    const returns = await answer('returns');
    for (const days of new Set([DEFAULT_RETURN_WINDOW_DAYS, ...Object.values(RETURN_WINDOW_DAYS)])) expect(returns).toContain(`${days} days`);
    expect(returns).toMatch(/final sale/i);
    expect(await answer('refunds')).toContain('5-7 business days');
    expect(await answer('cancellation')).toMatch(/until it ships/);
    const invoice = okData(await registry.run('store_policy', { topic: 'invoice' }, makeContext(store.db)));
    expect(invoice.link).toBe('/account/orders');
    expect(await registry.run('store_policy', { topic: 'weather' }, makeContext(store.db))).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^invalid_input: topic/) });
  });

  test('the policy file lives among the NLU data but adds no training examples', () => {
    const data = parseTrainingYaml(fs.readFileSync(DEFAULT_POLICY_FILE, 'utf8'), 'intents/store-policy.yml');
    expect(data.examples).toHaveLength(0);
  });
});

describe('handoff', () => {
  test('opens a ticket linked to the conversation and the verified customer', async () => {
    await store.db.conversation.create({ data: { id: 'conv-handoff', channel: 'test', state: {} } });
    const ctx = makeContext(store.db, { conversationId: 'conv-handoff', verification: { customerId: 2 } });
    const data = okData(await registry.run('handoff', { reason: 'Parcel is late and I need it by Friday', summary: 'Order 51007 delayed at Memphis hub.' }, ctx));
    const ticket = await store.db.ticket.findUniqueOrThrow({ where: { id: data.ticketId as number } });
    expect(ticket).toMatchObject({
      conversationId: 'conv-handoff',
      customerId: 2,
      queue: 'general',
      priority: 'normal',
      status: 'open',
      subject: 'Parcel is late and I need it by Friday',
      summary: 'Order 51007 delayed at Memphis hub.',
    });
  });

  test('an anonymous shopper in a conversation not stored yet still gets a ticket', async () => {
    const data = okData(await registry.run('handoff', { reason: 'I want to talk to a person' }, makeContext(store.db, { conversationId: 'conv-unsaved' })));
    const ticket = await store.db.ticket.findUniqueOrThrow({ where: { id: data.ticketId as number } });
    expect(ticket).toMatchObject({ conversationId: null, customerId: null, summary: 'I want to talk to a person', tags: 'chat,conversation:conv-unsaved' });
  });
});

describe('registry contract', () => {
  test('bad input is refused with the reason, never thrown', async () => {
    const ctx = makeContext(store.db);
    for (const [name, input] of [
      ['product_search', { limit: 'lots' }],
      ['check_stock', {}],
      ['add_to_cart', { productId: -3 }],
      ['handoff', { reason: '' }],
      ['discount_code', null],
      ['store_policy', 'returns'],
    ] as const) {
      const outcome = await registry.run(name, input, ctx);
      expect(outcome.status).toBe('refused');
      expect(outcome.status === 'refused' && outcome.reason).toMatch(/^invalid_input: /);
    }
  });

  test('unknown tools and failures inside a tool surface as ToolError with the cause', async () => {
    await expect(registry.run('teleport', {}, makeContext(store.db))).rejects.toBeInstanceOf(ToolError);
    const { db } = untouchableDb();
    const error = await registry.run('check_stock', { productId: 1 }, makeContext(db)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).tool).toBe('check_stock');
    expect(((error as ToolError).cause as Error).message).toMatch(/database touched/);
  });
});
