/**
 * The deterministic demo-store generator: determinism, schema-shaped rows with
 * consistent ids and foreign keys, order/shipment/return coherence, review text
 * that agrees with ratings (checked against the generator's own phrase banks),
 * session-structured interactions, the fixed personas, and full-size counts.
 */
import { CATEGORIES, DEMO_PERSONAS, generateDemoStore, ORDER_STATUSES, type DemoStore } from '../../src/store/demo-store';
import { ASPECT_PHRASES, ASPECTS, DECLINE_PHRASES, INTENSIFIERS } from '../../src/store/demo-store/review-phrases';

const SCALE = 0.05;
const REF = new Date('2026-11-01T00:00:00Z').getTime();
const DAY = 86_400_000;

let store: DemoStore;
beforeAll(() => {
  store = generateDemoStore({ seed: 7, scale: SCALE });
});

const byId = <T extends { id: number }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));

describe('demo store at scale 0.05', () => {
  test('same seed gives deep-equal output, another seed differs, and no clock or Math.random is used', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const now = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      const again = generateDemoStore({ seed: 7, scale: SCALE });
      expect(again).toEqual(store);
      const other = generateDemoStore({ seed: 8, scale: SCALE });
      expect(other.products.map((p) => p.title)).not.toEqual(store.products.map((p) => p.title));
      expect(other.reviews.map((r) => r.text)).not.toEqual(store.reviews.map((r) => r.text));
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
    const shifted = generateDemoStore({ seed: 7, scale: SCALE, referenceDate: new Date(REF + DAY) });
    expect(shifted.orders[10]!.placedAt.getTime()).toBe(store.orders[10]!.placedAt.getTime() + DAY);
  });

  test('rows carry exactly the Prisma model columns', () => {
    const columns: Record<keyof DemoStore, string[]> = {
      customers: ['id', 'externalId', 'email', 'name', 'phone', 'city', 'country', 'createdAt'],
      products: ['id', 'sku', 'title', 'description', 'category', 'brand', 'priceCents', 'currency', 'color', 'material', 'sizes', 'attributes', 'stock', 'imageUrl', 'finalSale', 'createdAt'],
      orders: ['id', 'number', 'customerId', 'status', 'totalCents', 'currency', 'shippingAddress', 'placedAt'],
      orderItems: ['id', 'orderId', 'productId', 'quantity', 'unitPriceCents', 'size'],
      shipments: ['id', 'orderId', 'carrier', 'trackingNumber', 'status', 'eta', 'history', 'updatedAt'],
      returns: ['id', 'orderId', 'orderItemId', 'reason', 'status', 'refundCents', 'refundStatus', 'refundedAt', 'createdAt'],
      reviews: ['id', 'productId', 'customerId', 'rating', 'title', 'text', 'createdAt'],
      interactions: ['id', 'customerId', 'sessionId', 'productId', 'kind', 'at'],
    };
    for (const [table, expected] of Object.entries(columns) as [keyof DemoStore, string[]][]) {
      expect(store[table].length).toBeGreaterThan(0);
      const shapes = new Set(store[table].map((row) => Object.keys(row).sort().join(',')));
      expect([...shapes]).toEqual([[...expected].sort().join(',')]);
    }
  });

  test('ids run 1..n and every foreign key resolves', () => {
    for (const [table, rows] of Object.entries(store)) expect([table, (rows as { id: number }[]).every((r, i) => r.id === i + 1)]).toEqual([table, true]);
    const customers = byId(store.customers);
    const products = byId(store.products);
    const orders = byId(store.orders);
    const items = byId(store.orderItems);
    expect(store.orders.filter((o) => !customers.has(o.customerId))).toEqual([]);
    expect(store.orderItems.filter((i) => !orders.has(i.orderId) || !products.has(i.productId))).toEqual([]);
    expect(store.shipments.filter((s) => !orders.has(s.orderId))).toEqual([]);
    expect(store.returns.filter((r) => !orders.has(r.orderId) || (r.orderItemId !== null && items.get(r.orderItemId)?.orderId !== r.orderId))).toEqual([]);
    expect(store.reviews.filter((r) => !products.has(r.productId) || !customers.has(r.customerId))).toEqual([]);
    expect(store.interactions.filter((e) => !products.has(e.productId) || (e.customerId !== null && !customers.has(e.customerId)))).toEqual([]);
  });

  test('unique keys are unique and well formed', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(store.products.map((p) => p.sku));
    unique(store.customers.map((c) => c.email));
    unique(store.customers.map((c) => c.externalId));
    unique(store.orders.map((o) => o.number));
    unique(store.shipments.map((s) => s.trackingNumber));
    for (const p of store.products) {
      expect(p.sku).toMatch(/^[A-Z]{3}-\d{6}$/);
      expect(p.imageUrl).toBe(`/images/products/${p.sku}.svg`);
    }
    for (const c of store.customers) expect(c.externalId).toBe(`cus_${String(c.id).padStart(6, '0')}`);
    for (const o of store.orders) expect(o.number).toMatch(/^[1-9]\d{4}$/);
    // Numbers are shuffled, not sequential with ids.
    const generated = store.orders.slice(DEMO_PERSONAS.flatMap((p) => p.orders).length).map((o) => Number(o.number));
    expect(generated.some((n, i) => i > 0 && n < generated[i - 1]!)).toBe(true);
  });

  test('catalog covers every category with sensible sizes, prices and stock', () => {
    expect(CATEGORIES).toHaveLength(13);
    expect(new Set(store.products.map((p) => p.category))).toEqual(new Set(CATEGORIES));
    for (const p of store.products) {
      expect(p.priceCents).toBeGreaterThan(0);
      expect(p.stock).toBeGreaterThanOrEqual(0);
      expect(p.stock).toBeLessThanOrEqual(200);
      expect(p.description.split(/(?<=[.!])\s/).length).toBeGreaterThanOrEqual(2);
      if (p.category === 'shoes') expect(p.sizes!.split(',').every((s) => Number(s) >= 6 && Number(s) <= 13 && Number(s) * 2 === Math.round(Number(s) * 2))).toBe(true);
      if (p.category === 'clothing') expect(p.sizes!.split(',')).toEqual(expect.arrayContaining(['S', 'M', 'L', 'XL', 'XXL']));
      if (p.category === 'electronics') {
        expect(p.sizes).toBeNull();
        expect(p.attributes?.warrantyMonths).toEqual(expect.any(Number));
      }
    }
    const runningUnder80InSize10 = store.products.filter((p) => p.title.includes('Running Shoes') && p.priceCents < 8000 && p.sizes?.split(',').includes('10') && p.stock > 0);
    expect(new Set(runningUnder80InSize10.map((p) => p.color)).size).toBeGreaterThanOrEqual(3);
  });

  test('every order status appears; totals equal the sum of items', () => {
    expect(new Set(store.orders.map((o) => o.status))).toEqual(new Set(ORDER_STATUSES));
    const itemsOf = new Map<number, typeof store.orderItems>();
    for (const i of store.orderItems) itemsOf.set(i.orderId, [...(itemsOf.get(i.orderId) ?? []), i]);
    for (const o of store.orders) {
      const items = itemsOf.get(o.id) ?? [];
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items.length).toBeLessThanOrEqual(4);
      expect(o.totalCents).toBe(items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0));
      expect(Object.keys(o.shippingAddress).sort()).toEqual(['city', 'country', 'line1', 'name', 'postalCode']);
      expect(o.placedAt.getTime()).toBeLessThan(REF);
      expect(o.placedAt.getTime()).toBeGreaterThan(REF - 549 * DAY);
    }
    const delivered = store.orders.filter((o) => o.status === 'delivered').length;
    for (const status of ORDER_STATUSES) expect(store.orders.filter((o) => o.status === status).length).toBeLessThanOrEqual(delivered);
  });

  test('each non-cancelled order has one shipment whose history ends in its status', () => {
    const shipmentsOf = new Map<number, typeof store.shipments>();
    for (const s of store.shipments) shipmentsOf.set(s.orderId, [...(shipmentsOf.get(s.orderId) ?? []), s]);
    for (const o of store.orders) {
      const shipments = shipmentsOf.get(o.id) ?? [];
      expect(shipments).toHaveLength(o.status === 'cancelled' ? 0 : 1);
      const s = shipments[0];
      if (!s) continue;
      expect(['UPS', 'FedEx', 'USPS', 'DHL']).toContain(s.carrier);
      expect(s.status).toBe(o.status);
      const times = s.history.map((e) => Date.parse(e.at));
      expect(s.history[0]!.status).toBe('processing');
      expect(s.history[s.history.length - 1]!.status).toBe(s.status);
      expect(times[0]).toBeGreaterThanOrEqual(o.placedAt.getTime());
      expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
      expect(times[times.length - 1]).toBeLessThan(REF);
      expect(s.updatedAt.getTime()).toBe(times[times.length - 1]);
      if (s.status === 'delayed') expect(s.history.find((e) => e.status === 'delayed')?.reason).toEqual(expect.any(String));
      if (['processing', 'shipped', 'in_transit', 'delayed'].includes(s.status)) expect(s.eta!.getTime()).toBeGreaterThan(REF);
    }
  });

  test('returns: every returned order has one, refunds are consistent', () => {
    const orders = byId(store.orders);
    const returnedOrders = new Set(store.returns.map((r) => r.orderId));
    for (const o of store.orders) if (o.status === 'returned') expect(returnedOrders.has(o.id)).toBe(true);
    for (const r of store.returns) {
      expect(['returned', 'delivered']).toContain(orders.get(r.orderId)!.status);
      expect(r.refundedAt === null).toBe(r.refundStatus !== 'issued');
      if (r.refundedAt) expect(r.refundedAt.getTime()).toBeGreaterThan(r.createdAt.getTime());
      expect(r.createdAt.getTime()).toBeLessThan(REF);
    }
    expect(store.returns.some((r) => r.status === 'requested' || r.status === 'approved')).toBe(true);
  });

  test('review ratings are J-shaped and their text agrees with them', () => {
    const counts = [1, 2, 3, 4, 5].map((n) => store.reviews.filter((r) => r.rating === n).length);
    expect(Math.max(...counts)).toBe(counts[4]);
    expect(counts[0]).toBeGreaterThan(counts[1]!);

    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const slots: Record<string, string> = { item: "(?:these|this) [\\w' -]+?", noun: "[\\w' -]+?", it: '(?:they|it)', its: '(?:their|its)', be: '(?:are|is)', was: '(?:were|was)', s: 's?', doesnt: "(?:don't|doesn't)", int: `(?:${INTENSIFIERS.join('|')})` };
    const pattern = (phrase: string) => new RegExp(escape(phrase).replace(/\\\{(\w+)\\\}/g, (_, key: string) => slots[key] ?? '.+?'), 'i');
    const positive = ASPECTS.flatMap((a) => ASPECT_PHRASES[a].pos).map(pattern);
    const negative = [...ASPECTS.flatMap((a) => ASPECT_PHRASES[a].neg), ...DECLINE_PHRASES].map(pattern);
    for (const a of ASPECTS) {
      expect(ASPECT_PHRASES[a].pos.length).toBeGreaterThanOrEqual(15);
      expect(ASPECT_PHRASES[a].neg.length).toBeGreaterThanOrEqual(15);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const withPos: number[] = [];
    const withNeg: number[] = [];
    const onlyPos: number[] = [];
    const onlyNeg: number[] = [];
    for (const r of store.reviews) {
      const p = positive.some((re) => re.test(r.text));
      const n = negative.some((re) => re.test(r.text));
      if (p) withPos.push(r.rating);
      if (n) withNeg.push(r.rating);
      if (p && !n) onlyPos.push(r.rating);
      if (n && !p) onlyNeg.push(r.rating);
    }
    expect(withPos.length + withNeg.length).toBeGreaterThan(store.reviews.length * 0.95);
    expect(mean(withNeg)).toBeLessThan(mean(withPos) - 1.5);
    expect(mean(onlyPos)).toBeGreaterThan(4.3);
    expect(mean(onlyNeg)).toBeLessThan(2);
    // Only typos ("qaulity") can hide the other side of a mixed review.
    expect(onlyPos.filter((r) => r >= 4).length).toBeGreaterThan(onlyPos.length * 0.97);
    expect(onlyNeg.filter((r) => r <= 2).length).toBeGreaterThan(onlyNeg.length * 0.97);
  });

  test('reviews: reviewers mostly bought the product, dates are consistent, and some products drop recently', () => {
    const customers = byId(store.customers);
    const orders = byId(store.orders);
    const bought = new Set(store.orderItems.map((i) => `${orders.get(i.orderId)!.customerId}:${i.productId}`));
    expect(store.reviews.filter((r) => bought.has(`${r.customerId}:${r.productId}`)).length).toBeGreaterThan(store.reviews.length * 0.6);
    const pairs = store.reviews.map((r) => `${r.customerId}:${r.productId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const r of store.reviews) {
      expect(r.createdAt.getTime()).toBeLessThan(REF);
      expect(r.createdAt.getTime()).toBeGreaterThan(customers.get(r.customerId)!.createdAt.getTime());
    }
    const recentCut = REF - 56 * DAY;
    const dropped = store.products.filter((p) => {
      const reviews = store.reviews.filter((r) => r.productId === p.id);
      const recent = reviews.filter((r) => r.createdAt.getTime() >= recentCut).map((r) => r.rating);
      const older = reviews.filter((r) => r.createdAt.getTime() < recentCut).map((r) => r.rating);
      const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return recent.length >= 5 && older.length >= 5 && avg(recent) <= avg(older) - 1.5;
    });
    expect(dropped.length).toBeGreaterThanOrEqual(1);
  });

  test('interactions come in sessions and every order item yields a purchase at placedAt', () => {
    const sessions = new Map<string, typeof store.interactions>();
    for (const e of store.interactions) {
      const events = sessions.get(e.sessionId) ?? [];
      events.push(e);
      sessions.set(e.sessionId, events);
    }
    const badSessions = [...sessions].filter(
      ([id, events]) => !/^s_\d{6}$/.test(id) || events.length < 2 || events.length > 15 || new Set(events.map((e) => e.customerId)).size !== 1 || events.some((e) => e.at.getTime() >= REF),
    );
    expect(badSessions).toEqual([]);
    expect(store.interactions.some((e) => e.customerId === null)).toBe(true);
    expect(new Set(store.interactions.map((e) => e.kind))).toEqual(new Set(['view', 'add_to_cart', 'purchase']));
    const purchases = new Map<string, number>();
    for (const e of store.interactions) if (e.kind === 'purchase') purchases.set(`${e.customerId}:${e.productId}:${e.at.getTime()}`, (purchases.get(`${e.customerId}:${e.productId}:${e.at.getTime()}`) ?? 0) + 1);
    const orders = byId(store.orders);
    const missing = store.orderItems.filter((i) => {
      const o = orders.get(i.orderId)!;
      return !purchases.has(`${o.customerId}:${i.productId}:${o.placedAt.getTime()}`);
    });
    expect(missing).toEqual([]);
    expect([...purchases.values()].reduce((a, b) => a + b, 0)).toBe(store.orderItems.length);
    // Popularity is skewed: the top 10% of products get far more than 10% of views.
    const views = new Map<number, number>();
    for (const e of store.interactions) if (e.kind === 'view') views.set(e.productId, (views.get(e.productId) ?? 0) + 1);
    const sorted = [...views.values()].sort((a, b) => b - a);
    const top = sorted.slice(0, Math.ceil(store.products.length / 10)).reduce((a, b) => a + b, 0);
    expect(top / sorted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.25);
  });

  test('the personas exist with their fixed orders', () => {
    expect(DEMO_PERSONAS.map((p) => p.id)).toEqual([1, 2, 3]);
    const products = byId(store.products);
    for (const persona of DEMO_PERSONAS) {
      const customer = store.customers[persona.id - 1]!;
      expect(customer).toMatchObject({ id: persona.id, email: persona.email, name: persona.name, externalId: persona.externalId });
      const orders = store.orders.filter((o) => o.customerId === persona.id);
      expect(orders.map((o) => [o.number, o.status]).sort()).toEqual(persona.orders.map((o) => [o.number, o.status]).sort());
    }
    const order = (n: string) => store.orders.find((o) => o.number === n)!;
    const itemsOf = (n: string) => store.orderItems.filter((i) => i.orderId === order(n).id).map((i) => ({ ...i, product: products.get(i.productId)! }));
    const shipmentOf = (n: string) => store.shipments.find((s) => s.orderId === order(n).id);
    expect(itemsOf('48213').some((i) => i.product.title.includes('Running Shoes') && i.size === '10')).toBe(true);
    const delivered = shipmentOf('48214')!.history.find((e) => e.status === 'delivered')!;
    expect(Date.parse(delivered.at)).toBe(REF - 10 * DAY);
    expect(itemsOf('48214').every((i) => i.product.category === 'clothing' && !i.product.finalSale)).toBe(true);
    expect(shipmentOf('48215')!.status).toBe('processing');
    expect(shipmentOf('51007')!.history.at(-1)).toMatchObject({ status: 'delayed', reason: expect.any(String) });
    expect(shipmentOf('51008')).toBeUndefined();
    expect(itemsOf('52110').some((i) => i.product.finalSale)).toBe(true);
    const refund = store.returns.find((r) => r.orderId === order('52111').id)!;
    expect(refund).toMatchObject({ status: 'refunded', refundStatus: 'issued', refundCents: 7499 });
    expect(refund.refundedAt).toBeInstanceOf(Date);
    // Same persona data whatever the seed.
    const other = generateDemoStore({ seed: 99, scale: SCALE });
    const personaOrders = (s: DemoStore) => s.orders.filter((o) => o.customerId <= 3);
    expect(personaOrders(other)).toEqual(personaOrders(store));
  });
});

// Seeding time is asserted end to end (test/server/start.test.ts: store ready within 90 s);
// a wall-clock bound here only measured how busy the machine was.
test('full size meets the minimum counts', () => {
  const full = generateDemoStore();
  expect(full.products.length).toBeGreaterThanOrEqual(1000);
  expect(new Set(full.products.map((p) => p.category)).size).toBeGreaterThanOrEqual(12);
  expect(full.customers.length).toBeGreaterThanOrEqual(2000);
  expect(full.orders.length).toBeGreaterThanOrEqual(10000);
  expect(full.reviews.length).toBeGreaterThanOrEqual(20000);
  expect(full.interactions.length).toBeGreaterThanOrEqual(100000);
  expect(full.products.filter((p) => p.stock === 0).length / full.products.length).toBeCloseTo(0.05, 1);
  expect(full.products.filter((p) => p.finalSale).length / full.products.length).toBeCloseTo(0.04, 1);
});
