/**
 * Identity verification, session tokens, the verification gate of the
 * registry, order ownership, order status, cancellation and address change,
 * against a seeded SQLite demo store.
 */
import { createToolRegistry, MAX_VERIFICATION_FAILURES, signSessionToken, verifySessionToken, type ToolRegistry } from '../../src/tools';
import { makeContext, REFERENCE_NOW, seededStore, untouchableDb, type SeededStore } from './tool-context';

const ALEX = 1;
const SAM = 2;
const ORDER_TOOLS = ['order_status', 'cancel_order', 'change_shipping_address', 'return_eligibility', 'start_return', 'refund_status'];
/** Plausible input per order tool, so a refusal cannot come from validation. */
const SAMPLE_INPUT: Record<string, unknown> = {
  order_status: { orderNumber: '48213' },
  cancel_order: { orderNumber: '48215', confirmed: true },
  change_shipping_address: { orderNumber: '48215', address: { line1: '1 Main St', city: 'Springfield' } },
  return_eligibility: { orderNumber: '48214' },
  start_return: { orderNumber: '48214', reason: 'too big' },
  refund_status: { orderNumber: '52111' },
};

let store: SeededStore;
let registry: ToolRegistry;

beforeAll(async () => {
  store = await seededStore('shopdesk-tools-orders');
  registry = createToolRegistry();
});
afterAll(async () => {
  await store.close();
});

describe('verify_identity', () => {
  test('an email (any case) with one of its orders verifies the customer', async () => {
    const context = makeContext(store.db);
    const outcome = await registry.run('verify_identity', { email: '  Alex.Morgan@Example.COM ', orderNumber: '#48213' }, context);
    expect(outcome).toEqual({ status: 'ok', data: { customerId: ALEX, name: 'Alex Morgan' } });
    expect(context.audits).toEqual([['verification_attempt', expect.objectContaining({ success: true, emailHash: expect.any(String) })]]);
  });

  test('unknown email, unknown order and a mismatch give the identical refusal, and the audit holds no raw email', async () => {
    const attempts = [
      { email: 'nobody@example.com', orderNumber: '48213' }, // unknown email, real order
      { email: 'alex.morgan@example.com', orderNumber: '99999' }, // real email, no such order
      { email: 'alex.morgan@example.com', orderNumber: '51007' }, // real email, another customer's order
    ];
    const outcomes = [];
    for (const attempt of attempts) {
      const context = makeContext(store.db);
      outcomes.push(await registry.run('verify_identity', attempt, context));
      expect(context.audits).toHaveLength(1);
      expect(context.audits[0]![0]).toBe('verification_attempt');
      expect(context.audits[0]![1]).toMatchObject({ success: false });
      expect(JSON.stringify(context.audits)).not.toContain('@');
    }
    expect(outcomes[0]).toEqual({ status: 'refused', reason: 'verification_failed' });
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[2]).toEqual(outcomes[0]);
  });

  test(`locks after ${MAX_VERIFICATION_FAILURES} failures, without touching the database`, async () => {
    const verification = { customerId: null, failures: 0, lockedUntil: null as string | null };
    // What the engine does: count each failure into the conversation's Verification.
    for (let i = 0; i < 5; i++) {
      const outcome = await registry.run('verify_identity', { email: 'alex.morgan@example.com', orderNumber: String(90000 + i) }, makeContext(store.db, { verification }));
      expect(outcome).toEqual({ status: 'refused', reason: 'verification_failed' });
      verification.failures++;
    }
    const { db, touched } = untouchableDb();
    const context = makeContext(db, { verification });
    expect(await registry.run('verify_identity', { email: 'alex.morgan@example.com', orderNumber: '48213' }, context)).toEqual({ status: 'refused', reason: 'locked' });
    expect(touched).toEqual([]);
    expect(context.audits).toEqual([['verification_attempt', expect.objectContaining({ success: false, locked: true })]]);
  });

  test('lockedUntil locks while in the future and not after', async () => {
    const good = { email: 'alex.morgan@example.com', orderNumber: '48213' };
    const future = new Date(REFERENCE_NOW.getTime() + 60_000).toISOString();
    const past = new Date(REFERENCE_NOW.getTime() - 60_000).toISOString();
    expect(await registry.run('verify_identity', good, makeContext(store.db, { verification: { failures: 1, lockedUntil: future } }))).toEqual({ status: 'refused', reason: 'locked' });
    expect((await registry.run('verify_identity', good, makeContext(store.db, { verification: { failures: 1, lockedUntil: past } }))).status).toBe('ok');
  });

  test('a malformed email is invalid input, not an exception', async () => {
    const outcome = await registry.run('verify_identity', { email: 'not-an-email', orderNumber: '48213' }, makeContext(store.db));
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.reason).toMatch(/^invalid_input: email/);
  });
});

describe('session tokens', () => {
  const secret = 'a-test-secret-of-32-characters!!';
  const now = new Date('2026-11-01T12:00:00Z');

  test('a signed token verifies to its customer until it expires', () => {
    const token = signSessionToken(42, secret, 3600, now);
    expect(verifySessionToken(token, secret, now)).toBe(42);
    expect(verifySessionToken(token, secret, new Date(now.getTime() + 3599_000))).toBe(42);
    expect(verifySessionToken(token, secret, new Date(now.getTime() + 3600_000))).toBeNull();
  });

  test('tampering, another secret and garbage are rejected', () => {
    const token = signSessionToken(42, secret, 3600, now);
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ cid: 1, exp: Math.floor(now.getTime() / 1000) + 3600 })).toString('base64url');
    expect(verifySessionToken(`${forged}.${signature}`, secret, now)).toBeNull();
    const middle = signature.length >> 1;
    const flipped = signature.slice(0, middle) + (signature[middle] === 'A' ? 'B' : 'A') + signature.slice(middle + 1);
    expect(verifySessionToken(`${payload}.${flipped}`, secret, now)).toBeNull();
    // The last character carries 2 padding bits: another spelling decodes to the same bytes and must still fail.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1];
    expect(Buffer.from(respelled, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect(verifySessionToken(`${payload}.${respelled}`, secret, now)).toBeNull();
    expect(verifySessionToken(token, 'another-secret-of-32-characters!', now)).toBeNull();
    for (const junk of ['', '.', 'abc', `${payload}.`, `${payload}.${signature}.x`, 'é.é']) expect(verifySessionToken(junk, secret, now)).toBeNull();
  });

  test('short secrets are a configuration error', () => {
    expect(() => signSessionToken(1, 'short', 60)).toThrow(RangeError);
    expect(() => verifySessionToken('x.y', 'short')).toThrow(RangeError);
  });
});

describe('SECURITY: the verification gate', () => {
  test('exactly the order tools require a verified customer', () => {
    expect(registry.list().filter((t) => t.requiresVerifiedCustomer).map((t) => t.name).sort()).toEqual([...ORDER_TOOLS].sort());
  });

  test.each(ORDER_TOOLS)('%s: unverified -> needs_verification, tool never runs, database never touched, refusal audited', async (name) => {
    const { db, touched } = untouchableDb();
    const context = makeContext(db);
    const spy = jest.spyOn(registry.get(name)!, 'run');
    try {
      expect(await registry.run(name, SAMPLE_INPUT[name], context)).toEqual({ status: 'needs_verification' });
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(touched).toEqual([]);
    expect(context.audits).toEqual([['refused_unverified', { tool: name }]]);
  });

  test.each([
    ['order_status', (n: string) => ({ orderNumber: n })],
    ['cancel_order', (n: string) => ({ orderNumber: n, confirmed: true })],
    ['change_shipping_address', (n: string) => ({ orderNumber: n, address: { line1: '1 Main St', city: 'Springfield' } })],
    ['return_eligibility', (n: string) => ({ orderNumber: n })],
    ['start_return', (n: string) => ({ orderNumber: n, reason: 'broken' })],
    ['refund_status', (n: string) => ({ orderNumber: n })],
  ])("%s: another customer's order is indistinguishable from a missing one", async (name, inputFor) => {
    const asAlex = () => makeContext(store.db, { verification: { customerId: ALEX } });
    const others = await registry.run(name, inputFor('51007'), asAlex()); // Sam's delayed order
    const missing = await registry.run(name, inputFor('99999'), asAlex());
    expect(others).toEqual({ status: 'not_found' });
    expect(missing).toEqual(others);
    const order = await store.db.order.findUniqueOrThrow({ where: { number: '51007' } });
    expect(order.status).toBe('delayed');
    expect(order.shippingAddress).toMatchObject({ line1: '2250 N Clark St Apt 4B' });
  });
});

describe('order_status', () => {
  test('48213: status, items, carrier and the parcel timeline', async () => {
    const outcome = await registry.run('order_status', { orderNumber: '48213' }, makeContext(store.db, { verification: { customerId: ALEX } }));
    if (outcome.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
    expect(outcome.data.order).toEqual({
      number: '48213',
      status: 'in_transit',
      totalCents: 7499 + 1999,
      placedAt: '2026-10-28T22:00:00.000Z',
      items: [
        { title: "Stridewell Trail Running Shoes - Men's, Blue", quantity: 1 },
        { title: 'Northpeak Merino Running Socks 3-Pack - Unisex, Grey', quantity: 1 },
      ],
      eta: '2026-11-03T00:00:00.000Z',
      carrier: 'UPS',
      trackingNumber: '1Z4E82130356201845',
    });
    const part = outcome.reply?.parts?.[0];
    expect(part?.type).toBe('order_timeline');
    if (part?.type !== 'order_timeline') return;
    expect(part).toMatchObject({ orderNumber: '48213', status: 'in_transit', carrier: 'UPS', trackingNumber: '1Z4E82130356201845', eta: '2026-11-03T00:00:00.000Z' });
    expect(part.events.map((e) => [e.status, e.location])).toEqual([
      ['processing', 'Reno, NV fulfillment center'],
      ['shipped', 'Reno, NV fulfillment center'],
      ['in_transit', 'Sacramento, CA'],
      ['in_transit', 'Medford, OR'],
    ]);
  });

  test("51007: the delay reason reaches the timeline", async () => {
    const outcome = await registry.run('order_status', { orderNumber: 51007 }, makeContext(store.db, { verification: { customerId: SAM } }));
    if (outcome.status !== 'ok') throw new Error(JSON.stringify(outcome));
    expect(outcome.data.order).toMatchObject({ status: 'delayed', delayReason: 'Severe weather at the Memphis hub' });
    const part = outcome.reply?.parts?.[0];
    expect(part?.type === 'order_timeline' && part.events.at(-1)).toEqual({ status: 'delayed', at: expect.any(String), location: 'Memphis, TN', note: 'Severe weather at the Memphis hub' });
  });

  test('without a number: the customer\'s own orders, newest first', async () => {
    const outcome = await registry.run('order_status', {}, makeContext(store.db, { verification: { customerId: ALEX } }));
    expect(outcome.status === 'ok' && outcome.data.orders).toEqual([
      { number: '48215', status: 'processing', placedAt: '2026-10-31T19:00:00.000Z' },
      { number: '48213', status: 'in_transit', placedAt: '2026-10-28T22:00:00.000Z' },
      { number: '48214', status: 'delivered', placedAt: '2026-10-16T21:00:00.000Z' },
    ]);
  });

  test('a malformed order number is invalid input', async () => {
    const outcome = await registry.run('order_status', { orderNumber: "1; DROP TABLE 'Order'" }, makeContext(store.db, { verification: { customerId: ALEX } }));
    expect(outcome.status === 'refused' && outcome.reason).toMatch(/^invalid_input: orderNumber/);
  });
});

describe('changing and cancelling orders', () => {
  const asAlex = () => makeContext(store.db, { verification: { customerId: ALEX } });

  test('change_shipping_address updates a processing order and keeps the recipient', async () => {
    const outcome = await registry.run('change_shipping_address', { orderNumber: '48215', address: { line1: '77 SE Oak St', city: 'Portland, OR', postalCode: '97214' } }, asAlex());
    expect(outcome.status).toBe('ok');
    const order = await store.db.order.findUniqueOrThrow({ where: { number: '48215' } });
    expect(order.shippingAddress).toEqual({ name: 'Alex Morgan', line1: '77 SE Oak St', city: 'Portland, OR', postalCode: '97214', country: 'US' });
  });

  test('change_shipping_address refuses a shipped order', async () => {
    expect(await registry.run('change_shipping_address', { orderNumber: '48213', address: { line1: '1 Main St', city: 'Springfield' } }, asAlex())).toEqual({ status: 'refused', reason: 'already_shipped' });
    const order = await store.db.order.findUniqueOrThrow({ where: { number: '48213' } });
    expect(order.shippingAddress).toMatchObject({ line1: '1420 NW Lovejoy St' });
  });

  test('cancel 48215: asks for confirmation first, then cancels order and shipment', async () => {
    const ask = await registry.run('cancel_order', { orderNumber: '48215', confirmed: false }, asAlex());
    expect(ask.status === 'ok' && ask.data).toMatchObject({ needsConfirmation: true, order: { number: '48215', status: 'processing', total: '$129.99', items: [{ title: 'Kitchara Pro Blender, Stainless Steel', quantity: 1 }] } });
    expect((await store.db.order.findUniqueOrThrow({ where: { number: '48215' } })).status).toBe('processing');

    const done = await registry.run('cancel_order', { orderNumber: '48215', confirmed: true }, asAlex());
    expect(done.status === 'ok' && done.data).toMatchObject({ cancelled: true, order: { status: 'cancelled' } });
    const order = await store.db.order.findUniqueOrThrow({ where: { number: '48215' }, include: { shipments: true } });
    expect(order.status).toBe('cancelled');
    expect(order.shipments.map((s) => s.status)).toEqual(['cancelled']);

    expect(await registry.run('cancel_order', { orderNumber: '48215', confirmed: true }, asAlex())).toMatchObject({ status: 'refused', reason: 'already_cancelled' });
  });

  test('cancel 48213 is refused: already shipped, nothing changes', async () => {
    expect(await registry.run('cancel_order', { orderNumber: '48213', confirmed: true }, asAlex())).toMatchObject({ status: 'refused', reason: 'already_shipped' });
    expect((await store.db.order.findUniqueOrThrow({ where: { number: '48213' } })).status).toBe('in_transit');
  });
});
